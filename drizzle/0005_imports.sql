CREATE TABLE "import_files" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'accounts' NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"mode" text,
	"file_name" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"encoding_choice" text DEFAULT 'auto' NOT NULL,
	"encoding" text,
	"format" text NOT NULL,
	"delimiter" text,
	"has_header" boolean DEFAULT true NOT NULL,
	"header" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fingerprint" text,
	"mapping" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mapping_source" text NOT NULL,
	"counts" jsonb NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"file_issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issue_count" bigint DEFAULT 0 NOT NULL,
	"failure" jsonb,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_creator_idx" ON "import_jobs" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_running_idx" ON "import_jobs" USING btree ("status") WHERE status = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_user_fingerprint_key" ON "import_mappings" USING btree ("user_id","fingerprint");--> statement-breakpoint
CREATE INDEX "import_mappings_fingerprint_idx" ON "import_mappings" USING btree ("fingerprint","updated_at");