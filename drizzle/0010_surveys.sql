CREATE TABLE "survey_answers" (
	"invitation_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"kind" text NOT NULL,
	"dimension" text,
	"score" smallint,
	"choices" text[],
	"text" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_answers_invitation_id_question_key_pk" PRIMARY KEY("invitation_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"shipment_id" uuid,
	"ticket_id" uuid,
	"trigger" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text,
	"locale" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"follow_up_task_id" uuid
);
--> statement-breakpoint
CREATE TABLE "survey_opt_outs" (
	"email" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_skips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"shipment_id" uuid,
	"ticket_id" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"questions" jsonb NOT NULL,
	"csi_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"superseded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_template_id_survey_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."survey_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_skips" ADD CONSTRAINT "survey_skips_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_skips" ADD CONSTRAINT "survey_skips_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_skips" ADD CONSTRAINT "survey_skips_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_scores_idx" ON "survey_answers" USING btree ("kind","dimension","invitation_id") WHERE score IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_account_idx" ON "survey_invitations" USING btree ("account_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_submitted_idx" ON "survey_invitations" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_sent_idx" ON "survey_invitations" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_contact_idx" ON "survey_invitations" USING btree ("contact_id","sent_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_shipment_idx" ON "survey_invitations" USING btree ("shipment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_skips_shipment_key" ON "survey_skips" USING btree ("shipment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_skips_ticket_key" ON "survey_skips" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "survey_skips_account_idx" ON "survey_skips" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_templates_family_revision_key" ON "survey_templates" USING btree ("family_id","revision");
--> statement-breakpoint
-- hand-written: surveys
-- The default CSI template (DOMAIN.md §3: five dimensions, an overall rating, NPS, a comment).
INSERT INTO "survey_templates" ("id", "family_id", "revision", "name_zh", "name_en", "questions", "is_default")
VALUES ('00000000-0000-4000-8000-00000000c510', '00000000-0000-4000-8000-00000000c510', 1,
  '客户满意度调查', 'Customer satisfaction survey', '[
  {"key":"service_attitude","type":"rating","dimension":"service_attitude","required":true,
   "textZh":"您对我们的服务态度是否满意？","textEn":"How satisfied are you with our service attitude?"},
  {"key":"delivery_speed","type":"rating","dimension":"delivery_speed","required":true,
   "textZh":"您对配送速度是否满意？","textEn":"How satisfied are you with the delivery speed?"},
  {"key":"cargo_safety","type":"rating","dimension":"cargo_safety","required":true,
   "textZh":"您对货物安全（完好无损）是否满意？","textEn":"How satisfied are you with the safety of your cargo?"},
  {"key":"price","type":"rating","dimension":"price","required":true,
   "textZh":"您认为我们的价格是否合理？","textEn":"How reasonable do you find our prices?"},
  {"key":"information","type":"rating","dimension":"information","required":true,
   "textZh":"您对信息沟通（跟踪、通知、答复）是否满意？","textEn":"How satisfied are you with information and communication (tracking, notices, answers)?"},
  {"key":"overall","type":"rating","dimension":"overall","required":false,
   "textZh":"总体而言，您对我们的满意程度如何？","textEn":"Overall, how satisfied are you with us?"},
  {"key":"recommend","type":"nps","required":true,
   "textZh":"您有多大可能向朋友或同事推荐我们？","textEn":"How likely are you to recommend us to a friend or colleague?"},
  {"key":"comment","type":"text","required":false,
   "textZh":"还有什么想告诉我们的吗？","textEn":"Anything else you would like to tell us?"}
]'::jsonb, true);
