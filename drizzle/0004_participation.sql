CREATE TABLE "consultation_processes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"allow_anonymous" boolean DEFAULT true NOT NULL,
	"results_intro" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contribution_supports" (
	"tenant_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"supporter_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contribution_supports_contribution_id_supporter_key_pk" PRIMARY KEY("contribution_id","supporter_key")
);
--> statement-breakpoint
CREATE TABLE "contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"dialogue_id" uuid,
	"body" text NOT NULL,
	"field_of_action_id" uuid,
	"target_group" text,
	"municipality_id" uuid,
	"language" text DEFAULT 'de' NOT NULL,
	"source" text NOT NULL,
	"author_id" uuid,
	"author_name" text,
	"entered_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"hidden_reason" text,
	"merged_into_id" uuid,
	"track_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"dialogue_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"cancel_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"target_group" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_note" text,
	"registration_enabled" boolean DEFAULT true NOT NULL,
	"capacity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogues_capacity" CHECK ("dialogues"."capacity" IS NULL OR "dialogues"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "contribution_moderation_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"target_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_process_fields" (
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"field_of_action_id" uuid NOT NULL,
	CONSTRAINT "consultation_process_fields_process_id_field_of_action_id_pk" PRIMARY KEY("process_id","field_of_action_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_phases_dates" CHECK ("consultation_phases"."ends_on" >= "consultation_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "recommendation_contributions" (
	"tenant_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_contributions_recommendation_id_contribution_id_pk" PRIMARY KEY("recommendation_id","contribution_id")
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"field_of_action_id" uuid,
	"title" text NOT NULL,
	"body" text,
	"position" integer DEFAULT 0 NOT NULL,
	"outcome_kind" text,
	"outcome_ref" uuid,
	"outcome_note" text,
	"outcome_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendations_outcome_ref" CHECK ("recommendations"."outcome_kind" IS NULL OR "recommendations"."outcome_kind" NOT IN ('measure', 'need') OR "recommendations"."outcome_ref" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text,
	"body" text,
	"name" text,
	"email" text,
	"locale" text DEFAULT 'de' NOT NULL,
	"consent_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status_token_hash" text,
	"state" text DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"due_on" date,
	"proof_of_work" boolean DEFAULT false NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiry_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_processes" ADD CONSTRAINT "consultation_processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_processes" ADD CONSTRAINT "consultation_processes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_comments" ADD CONSTRAINT "contribution_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_supports" ADD CONSTRAINT "contribution_supports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_supports" ADD CONSTRAINT "contribution_supports_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_process_id_consultation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."consultation_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_field_of_action_id_fields_of_action_id_fk" FOREIGN KEY ("field_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributions" ADD CONSTRAINT "contributions_merged_into_id_contributions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."contributions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_registrations" ADD CONSTRAINT "dialogue_registrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_registrations" ADD CONSTRAINT "dialogue_registrations_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_registrations" ADD CONSTRAINT "dialogue_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_process_id_consultation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."consultation_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_moderation_log" ADD CONSTRAINT "contribution_moderation_log_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_moderation_log" ADD CONSTRAINT "contribution_moderation_log_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_moderation_log" ADD CONSTRAINT "contribution_moderation_log_target_id_contributions_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."contributions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contribution_moderation_log" ADD CONSTRAINT "contribution_moderation_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_process_fields" ADD CONSTRAINT "consultation_process_fields_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_process_fields" ADD CONSTRAINT "consultation_process_fields_process_id_consultation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."consultation_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_process_fields" ADD CONSTRAINT "consultation_process_fields_field_of_action_id_fields_of_action_id_fk" FOREIGN KEY ("field_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_phases" ADD CONSTRAINT "consultation_phases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_phases" ADD CONSTRAINT "consultation_phases_process_id_consultation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."consultation_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_contributions" ADD CONSTRAINT "recommendation_contributions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_contributions" ADD CONSTRAINT "recommendation_contributions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_contributions" ADD CONSTRAINT "recommendation_contributions_contribution_id_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."contributions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_process_id_consultation_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."consultation_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_field_of_action_id_fields_of_action_id_fk" FOREIGN KEY ("field_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_entries" ADD CONSTRAINT "inquiry_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_entries" ADD CONSTRAINT "inquiry_entries_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_entries" ADD CONSTRAINT "inquiry_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_templates" ADD CONSTRAINT "inquiry_templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_processes_tenant_idx" ON "consultation_processes" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "contribution_comments_contribution_idx" ON "contribution_comments" USING btree ("contribution_id","created_at");--> statement-breakpoint
CREATE INDEX "contributions_process_idx" ON "contributions" USING btree ("process_id","status","created_at");--> statement-breakpoint
CREATE INDEX "contributions_author_idx" ON "contributions" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contributions_track_key" ON "contributions" USING btree ("track_token_hash");--> statement-breakpoint
CREATE INDEX "dialogue_registrations_dialogue_idx" ON "dialogue_registrations" USING btree ("dialogue_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_registrations_cancel_key" ON "dialogue_registrations" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_registrations_active_email" ON "dialogue_registrations" USING btree ("dialogue_id","email") WHERE "dialogue_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "dialogues_process_idx" ON "dialogues" USING btree ("process_id","starts_at");--> statement-breakpoint
CREATE INDEX "contribution_moderation_log_idx" ON "contribution_moderation_log" USING btree ("contribution_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_phases_process_idx" ON "consultation_phases" USING btree ("process_id","starts_on");--> statement-breakpoint
CREATE INDEX "recommendation_contributions_contribution_idx" ON "recommendation_contributions" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "recommendations_process_idx" ON "recommendations" USING btree ("process_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_reference_key" ON "inquiries" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_status_token_key" ON "inquiries" USING btree ("status_token_hash");--> statement-breakpoint
CREATE INDEX "inquiries_tenant_state_idx" ON "inquiries" USING btree ("tenant_id","state","created_at");--> statement-breakpoint
CREATE INDEX "inquiries_closed_idx" ON "inquiries" USING btree ("state","closed_at");--> statement-breakpoint
CREATE INDEX "inquiry_entries_inquiry_idx" ON "inquiry_entries" USING btree ("inquiry_id","created_at");--> statement-breakpoint
CREATE INDEX "inquiry_templates_tenant_idx" ON "inquiry_templates" USING btree ("tenant_id");