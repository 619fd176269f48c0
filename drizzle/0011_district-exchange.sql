CREATE TABLE "district_exchange_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"works_well" text,
	"expand" text,
	"district_help" text,
	"updated_by" uuid,
	"action_item_id" uuid,
	"measure_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_measure_id_concept_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."concept_measures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_exchange_answers" ADD CONSTRAINT "district_exchange_answers_tenant_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "district_exchange_answers_key" ON "district_exchange_answers" USING btree ("meeting_id","municipality_id");--> statement-breakpoint
CREATE INDEX "district_exchange_answers_tenant_idx" ON "district_exchange_answers" USING btree ("tenant_id","municipality_id");