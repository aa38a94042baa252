CREATE TABLE "account_segments" (
	"run_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"r_days" integer NOT NULL,
	"frequency" integer NOT NULL,
	"monetary" double precision NOT NULL,
	"r_score" smallint NOT NULL,
	"f_score" smallint NOT NULL,
	"m_score" smallint NOT NULL,
	"rfm_segment" text NOT NULL,
	"abc_class" text NOT NULL,
	"expected_90d" double precision NOT NULL,
	"expected_365d" double precision NOT NULL,
	"p_alive" double precision NOT NULL,
	"expected_avg_revenue" double precision NOT NULL,
	"clv_12m" double precision NOT NULL,
	"current_value" double precision NOT NULL,
	"value_quadrant" text NOT NULL,
	"lifecycle_stage" text NOT NULL,
	"lifecycle_reason" jsonb NOT NULL,
	"churn_risk" smallint NOT NULL,
	"churn_reasons" jsonb NOT NULL,
	"suggested_tier" text NOT NULL,
	CONSTRAINT "account_segments_run_id_account_id_pk" PRIMARY KEY("run_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"as_of" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"progress" integer DEFAULT 0 NOT NULL,
	"phase" text,
	"settings" jsonb NOT NULL,
	"params" jsonb,
	"diagnostics" jsonb,
	"counts" jsonb,
	"error" text,
	"error_code" text,
	"triggered_by" uuid,
	"triggered_label" text,
	CONSTRAINT "analytics_runs_status_check" CHECK (status IN ('running','succeeded','failed'))
);
--> statement-breakpoint
CREATE TABLE "analytics_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_settings_single_row" CHECK (id = 1)
);
--> statement-breakpoint
ALTER TABLE "account_segments" ADD CONSTRAINT "account_segments_run_id_analytics_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analytics_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_segments_risk_idx" ON "account_segments" USING btree ("run_id","churn_risk" DESC NULLS LAST,"account_id");--> statement-breakpoint
CREATE INDEX "account_segments_account_idx" ON "account_segments" USING btree ("account_id","run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_runs_nightly_key" ON "analytics_runs" USING btree ("kind","as_of") WHERE kind = 'nightly';--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_runs_one_running_key" ON "analytics_runs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "analytics_runs_started_idx" ON "analytics_runs" USING btree ("started_at");