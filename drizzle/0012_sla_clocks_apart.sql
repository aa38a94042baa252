DROP INDEX "tickets_first_response_idx";--> statement-breakpoint
DROP INDEX "tickets_resolved_idx";--> statement-breakpoint
DROP INDEX "tickets_closed_idx";--> statement-breakpoint
CREATE INDEX "ticket_sla_clocks_breached_idx" ON "ticket_sla_clocks" USING btree ("ticket_id") WHERE first_response_breached OR resolution_breached;--> statement-breakpoint
CREATE INDEX "tickets_complaints_idx" ON "tickets" USING btree ("created_at","kind","category","root_cause") WHERE kind IN ('complaint', 'claim');--> statement-breakpoint
CREATE INDEX "tickets_open_idx" ON "tickets" USING btree ("created_at","id","status","assignee_id") WHERE status IN ('new','acknowledged','investigating','reopened');--> statement-breakpoint
CREATE INDEX "tickets_first_response_idx" ON "tickets" USING btree ("first_response_at","created_at");--> statement-breakpoint
CREATE INDEX "tickets_resolved_idx" ON "tickets" USING btree ("resolved_at","created_at","assignee_id");--> statement-breakpoint
CREATE INDEX "tickets_closed_idx" ON "tickets" USING btree ("closed_at","status","id","first_response_at","first_response_due_at","resolved_at","resolution_due_at");--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "escalation_level";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "warned";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "first_response_breached";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "resolution_breached";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "last_escalated_at";