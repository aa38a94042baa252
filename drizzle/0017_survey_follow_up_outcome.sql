ALTER TABLE "survey_invitations" ADD COLUMN "follow_up_outcome" text;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "follow_up_note" text;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "follow_up_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD COLUMN "follow_up_recorded_by" uuid;