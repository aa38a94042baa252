DROP INDEX "contacts_account_idx";--> statement-breakpoint
CREATE INDEX "contacts_account_primary_idx" ON "contacts" USING btree ("account_id","is_primary" DESC NULLS FIRST,"created_at");