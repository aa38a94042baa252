CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Every distinct two-character substring of a text: a GIN index over it finds partial matches of
-- two or more characters, which trigrams cannot do for two-character Chinese names.
CREATE OR REPLACE FUNCTION logicrm_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i $$;
--> statement-breakpoint
CREATE SEQUENCE "public"."account_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "account_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"credit_code" text,
	"industry" text,
	"size" text,
	"province" text,
	"city" text,
	"address" text,
	"source" text,
	"owner_id" uuid,
	"status" text DEFAULT 'prospect' NOT NULL,
	"tier" text DEFAULT 'general' NOT NULL,
	"lifecycle_stage" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"credit_terms_days" integer,
	"transport_needs" jsonb NOT NULL,
	"requirements" text,
	"normalized_names" text[] DEFAULT '{}' NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(code || ' ' || coalesce(name_zh, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(credit_code, ''))) STORED,
	"archived_at" timestamp with time zone,
	"merged_into_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"mobile" text,
	"phone" text,
	"email" text,
	"wechat_id" text,
	"preferred_channel" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"portal_access" boolean DEFAULT false NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(mobile, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '') || ' ' || coalesce(wechat_id, ''))) STORED,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"list" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "account_notes" ADD CONSTRAINT "account_notes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_notes" ADD CONSTRAINT "account_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_notes_account_idx" ON "account_notes" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_code_key" ON "accounts" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "accounts_created_idx" ON "accounts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "accounts_updated_idx" ON "accounts" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree (coalesce("name_zh", "name_en"),"id");--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "accounts_status_idx" ON "accounts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "accounts_tier_idx" ON "accounts" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "accounts_province_city_idx" ON "accounts" USING btree ("province","city");--> statement-breakpoint
CREATE INDEX "accounts_industry_idx" ON "accounts" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "accounts_tags_idx" ON "accounts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "accounts_credit_code_idx" ON "accounts" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "accounts_normalized_names_idx" ON "accounts" USING gin ("normalized_names");--> statement-breakpoint
CREATE INDEX "accounts_search_grams_idx" ON "accounts" USING gin (logicrm_bigrams("search_text"));--> statement-breakpoint
CREATE INDEX "contacts_account_idx" ON "contacts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "contacts_mobile_idx" ON "contacts" USING btree ("mobile");--> statement-breakpoint
CREATE INDEX "contacts_email_domain_idx" ON "contacts" USING btree (split_part("email", '@', 2));--> statement-breakpoint
CREATE INDEX "contacts_search_grams_idx" ON "contacts" USING gin (logicrm_bigrams("search_text"));--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_list_name_key" ON "saved_views" USING btree ("user_id","list","name");--> statement-breakpoint
CREATE INDEX "audit_account_idx" ON "audit_log" USING btree ("account_id","id");