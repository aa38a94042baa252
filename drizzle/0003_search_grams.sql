DROP INDEX "accounts_search_grams_idx";--> statement-breakpoint
DROP INDEX "contacts_search_grams_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (logicrm_bigrams(lower(code || ' ' || coalesce(name_zh, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(credit_code, '')))) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (logicrm_bigrams(lower(name || ' ' || coalesce(mobile, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '') || ' ' || coalesce(wechat_id, '')))) STORED;--> statement-breakpoint
CREATE INDEX "accounts_search_grams_idx" ON "accounts" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "contacts_search_grams_idx" ON "contacts" USING gin ("search_grams");