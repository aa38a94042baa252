ALTER TABLE "survey_invitations" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "reminder_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_reminder_token_key" ON "survey_invitations" USING btree ("reminder_token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_unanswered_idx" ON "survey_invitations" USING btree ("sent_at") WHERE submitted_at IS NULL AND reminded_at IS NULL AND channel = 'email';