CREATE TABLE "duplicate_dismissals" (
	"account_a" uuid NOT NULL,
	"account_b" uuid NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_dismissals_pair_key" ON "duplicate_dismissals" USING btree ("account_a","account_b");