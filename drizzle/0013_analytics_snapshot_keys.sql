ALTER TABLE "account_segments" DROP CONSTRAINT "account_segments_run_id_analytics_runs_id_fk";
--> statement-breakpoint
DROP INDEX "account_segments_account_idx";--> statement-breakpoint
ALTER TABLE "account_segments" DROP CONSTRAINT "account_segments_run_id_account_id_pk";--> statement-breakpoint
ALTER TABLE "account_segments" ADD CONSTRAINT "account_segments_account_id_run_id_pk" PRIMARY KEY("account_id","run_id");