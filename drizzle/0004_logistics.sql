CREATE TABLE "partner_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"mobile" text,
	"email" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"number" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"terms" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"delivered_shipments" integer NOT NULL,
	"on_time_rate" numeric,
	"intact_rate" numeric,
	"service_rating" integer NOT NULL,
	"price_rating" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"score" numeric NOT NULL,
	"grade" text NOT NULL,
	"exit_warning" boolean NOT NULL,
	"evaluated_by" text,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"issued_on" date,
	"expires_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text,
	"name_en" text,
	"modes" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"exit_warning" boolean DEFAULT false NOT NULL,
	"grade" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_kind_check" CHECK (kind IN ('carrier','warehouse','customs_broker','last_mile'))
);
--> statement-breakpoint
CREATE TABLE "shipment_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"waybill" text NOT NULL,
	"account_id" uuid NOT NULL,
	"agreement_id" uuid,
	"carrier_id" uuid,
	"mode" text NOT NULL,
	"origin" text NOT NULL,
	"destination" text NOT NULL,
	"status" text NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"picked_up_at" timestamp with time zone,
	"promised_at" timestamp with time zone,
	"promised_date" date,
	"delivered_at" timestamp with time zone,
	"pieces" integer,
	"weight_kg" numeric(14, 3),
	"volume_m3" numeric(14, 3),
	"declared_value_cents" bigint,
	"revenue_cents" bigint,
	"cost_cents" bigint,
	"currency" text,
	"proof_of_delivery" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_status_check" CHECK (status IN ('booked','picked_up','in_transit','out_for_delivery','delivered','exception','returned','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"status_code" text NOT NULL,
	"location" text,
	"description" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_contacts" ADD CONSTRAINT "partner_contacts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contracts" ADD CONSTRAINT "partner_contracts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_evaluations" ADD CONSTRAINT "partner_evaluations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_qualifications" ADD CONSTRAINT "partner_qualifications_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_exceptions" ADD CONSTRAINT "shipment_exceptions_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_carrier_id_partners_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_contacts_partner_idx" ON "partner_contacts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_contracts_partner_idx" ON "partner_contracts" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_evaluations_period_key" ON "partner_evaluations" USING btree ("partner_id","period_kind","period_start");--> statement-breakpoint
CREATE INDEX "partner_qualifications_partner_idx" ON "partner_qualifications" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partner_qualifications_expires_on_index" ON "partner_qualifications" USING btree ("expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_code_key" ON "partners" USING btree (lower("code"));--> statement-breakpoint
CREATE INDEX "partners_kind_idx" ON "partners" USING btree ("kind","code");--> statement-breakpoint
CREATE UNIQUE INDEX "shipment_exceptions_key" ON "shipment_exceptions" USING btree ("shipment_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_waybill_key" ON "shipments" USING btree ("waybill");--> statement-breakpoint
CREATE INDEX "shipments_account_delivered_idx" ON "shipments" USING btree ("account_id","delivered_at");--> statement-breakpoint
CREATE INDEX "shipments_account_booked_idx" ON "shipments" USING btree ("account_id","booked_at");--> statement-breakpoint
CREATE INDEX "shipments_carrier_delivered_idx" ON "shipments" USING btree ("carrier_id","delivered_at");--> statement-breakpoint
CREATE INDEX "shipments_delivered_idx" ON "shipments" USING btree ("delivered_at");--> statement-breakpoint
CREATE INDEX "shipments_booked_idx" ON "shipments" USING btree ("booked_at");--> statement-breakpoint
CREATE INDEX "shipments_lane_idx" ON "shipments" USING btree ("origin","destination");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_events_key" ON "tracking_events" USING btree ("shipment_id","occurred_at","status_code");