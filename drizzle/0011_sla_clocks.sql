CREATE TABLE "ticket_sla_clocks" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"warned" boolean DEFAULT false NOT NULL,
	"first_response_breached" boolean DEFAULT false NOT NULL,
	"resolution_breached" boolean DEFAULT false NOT NULL,
	"last_escalated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ticket_sla_clocks" ADD CONSTRAINT "ticket_sla_clocks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: sla clocks
-- Room on every page for the sweep's HOT updates; the state of existing tickets moves over.
ALTER TABLE "ticket_sla_clocks" SET (fillfactor = 50);--> statement-breakpoint
INSERT INTO "ticket_sla_clocks" ("ticket_id", "escalation_level", "warned", "first_response_breached", "resolution_breached", "last_escalated_at")
SELECT "id", "escalation_level", "warned", "first_response_breached", "resolution_breached", "last_escalated_at" FROM "tickets";
