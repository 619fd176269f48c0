CREATE TABLE "concept_editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"leitbild" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"adopted_on" date,
	"adopted_by" text,
	"adopted_by_body_id" uuid,
	"based_on_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_editions_adopted" CHECK ("concept_editions"."state" <> 'adopted' OR "concept_editions"."adopted_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "concept_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"field_of_action_id" uuid NOT NULL,
	"origin_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_guidelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"origin_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"explanation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_guiding_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"guideline_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"question" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"origin_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"responsible_organization_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"body_id" uuid,
	"partners" text,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"start_date" date,
	"end_date" date,
	"cost_euro" integer,
	"funding" text,
	"state_id" uuid NOT NULL,
	"progress_override" integer,
	"is_public" boolean DEFAULT true NOT NULL,
	"priority_rank" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_measures_progress" CHECK ("concept_measures"."progress_override" IS NULL OR "concept_measures"."progress_override" BETWEEN 0 AND 100),
	CONSTRAINT "concept_measures_dates" CHECK ("concept_measures"."end_date" IS NULL OR "concept_measures"."start_date" IS NULL OR "concept_measures"."end_date" >= "concept_measures"."start_date"),
	CONSTRAINT "concept_measures_cost" CHECK ("concept_measures"."cost_euro" IS NULL OR "concept_measures"."cost_euro" >= 0)
);
--> statement-breakpoint
CREATE TABLE "concept_indicator_goals" (
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	CONSTRAINT "concept_indicator_goals_indicator_id_goal_id_pk" PRIMARY KEY("indicator_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "concept_indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"municipality_id" uuid,
	"date" date NOT NULL,
	"value" double precision NOT NULL,
	"source_note" text,
	"breakdown_dimension" text,
	"breakdown_category" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_indicator_values_key" UNIQUE NULLS NOT DISTINCT("indicator_id","municipality_id","date","breakdown_dimension","breakdown_category"),
	CONSTRAINT "concept_indicator_values_breakdown" CHECK (("concept_indicator_values"."breakdown_dimension" IS NULL) = ("concept_indicator_values"."breakdown_category" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "concept_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"library_key" text,
	"name" text NOT NULL,
	"definition" text,
	"numerator" text,
	"denominator" text,
	"unit" text NOT NULL,
	"source" text,
	"direction" text NOT NULL,
	"level" text DEFAULT 'tenant' NOT NULL,
	"baseline_value" double precision,
	"baseline_date" date,
	"target_value" double precision,
	"target_date" date,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_indicators_library_key" UNIQUE("tenant_id","library_key")
);
--> statement-breakpoint
CREATE TABLE "concept_measure_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"state_name" text NOT NULL,
	"progress" integer,
	"note" text,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_measure_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid,
	"label" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_measure_links_target" CHECK (("concept_measure_links"."kind" = 'url' AND "concept_measure_links"."url" IS NOT NULL) OR ("concept_measure_links"."kind" <> 'url' AND "concept_measure_links"."target_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "concept_measure_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"progress" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_measure_states_key" UNIQUE("tenant_id","key"),
	CONSTRAINT "concept_measure_states_progress" CHECK ("concept_measure_states"."progress" IS NULL OR "concept_measure_states"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "concept_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_priority_allocations" (
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "concept_priority_allocations_round_id_user_id_measure_id_pk" PRIMARY KEY("round_id","user_id","measure_id"),
	CONSTRAINT "concept_priority_allocations_points" CHECK ("concept_priority_allocations"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "concept_priority_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"edition_id" uuid NOT NULL,
	"body_id" uuid,
	"title" text NOT NULL,
	"points_per_member" integer NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "concept_priority_rounds_points" CHECK ("concept_priority_rounds"."points_per_member" BETWEEN 1 AND 100)
);
--> statement-breakpoint
ALTER TABLE "concept_editions" ADD CONSTRAINT "concept_editions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_editions" ADD CONSTRAINT "concept_editions_adopted_by_body_id_bodies_id_fk" FOREIGN KEY ("adopted_by_body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_editions" ADD CONSTRAINT "concept_editions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_goals" ADD CONSTRAINT "concept_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_goals" ADD CONSTRAINT "concept_goals_edition_id_concept_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."concept_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_goals" ADD CONSTRAINT "concept_goals_field_of_action_id_fields_of_action_id_fk" FOREIGN KEY ("field_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_guidelines" ADD CONSTRAINT "concept_guidelines_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_guidelines" ADD CONSTRAINT "concept_guidelines_edition_id_concept_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."concept_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_guiding_questions" ADD CONSTRAINT "concept_guiding_questions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_guiding_questions" ADD CONSTRAINT "concept_guiding_questions_guideline_id_concept_guidelines_id_fk" FOREIGN KEY ("guideline_id") REFERENCES "public"."concept_guidelines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_guiding_questions" ADD CONSTRAINT "concept_guiding_questions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_edition_id_concept_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."concept_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_goal_id_concept_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."concept_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_state_id_concept_measure_states_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."concept_measure_states"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measures" ADD CONSTRAINT "concept_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_goals" ADD CONSTRAINT "concept_indicator_goals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_goals" ADD CONSTRAINT "concept_indicator_goals_indicator_id_concept_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."concept_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_goals" ADD CONSTRAINT "concept_indicator_goals_goal_id_concept_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."concept_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_values" ADD CONSTRAINT "concept_indicator_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_values" ADD CONSTRAINT "concept_indicator_values_indicator_id_concept_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."concept_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_values" ADD CONSTRAINT "concept_indicator_values_municipality_id_tenants_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicator_values" ADD CONSTRAINT "concept_indicator_values_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_indicators" ADD CONSTRAINT "concept_indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_history" ADD CONSTRAINT "concept_measure_history_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_history" ADD CONSTRAINT "concept_measure_history_measure_id_concept_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."concept_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_history" ADD CONSTRAINT "concept_measure_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_links" ADD CONSTRAINT "concept_measure_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_links" ADD CONSTRAINT "concept_measure_links_measure_id_concept_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."concept_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_measure_states" ADD CONSTRAINT "concept_measure_states_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_milestones" ADD CONSTRAINT "concept_milestones_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_milestones" ADD CONSTRAINT "concept_milestones_measure_id_concept_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."concept_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_allocations" ADD CONSTRAINT "concept_priority_allocations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_allocations" ADD CONSTRAINT "concept_priority_allocations_round_id_concept_priority_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."concept_priority_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_allocations" ADD CONSTRAINT "concept_priority_allocations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_allocations" ADD CONSTRAINT "concept_priority_allocations_measure_id_concept_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."concept_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_rounds" ADD CONSTRAINT "concept_priority_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_rounds" ADD CONSTRAINT "concept_priority_rounds_edition_id_concept_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."concept_editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_rounds" ADD CONSTRAINT "concept_priority_rounds_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_priority_rounds" ADD CONSTRAINT "concept_priority_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concept_editions_tenant_idx" ON "concept_editions" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "concept_goals_edition_idx" ON "concept_goals" USING btree ("tenant_id","edition_id","field_of_action_id");--> statement-breakpoint
CREATE INDEX "concept_guidelines_edition_idx" ON "concept_guidelines" USING btree ("tenant_id","edition_id","position");--> statement-breakpoint
CREATE INDEX "concept_guiding_questions_body_idx" ON "concept_guiding_questions" USING btree ("tenant_id","body_id");--> statement-breakpoint
CREATE INDEX "concept_guiding_questions_guideline_idx" ON "concept_guiding_questions" USING btree ("guideline_id");--> statement-breakpoint
CREATE INDEX "concept_measures_edition_idx" ON "concept_measures" USING btree ("tenant_id","edition_id","goal_id");--> statement-breakpoint
CREATE INDEX "concept_indicator_values_idx" ON "concept_indicator_values" USING btree ("tenant_id","indicator_id","date");--> statement-breakpoint
CREATE INDEX "concept_indicators_tenant_idx" ON "concept_indicators" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "concept_measure_history_measure_idx" ON "concept_measure_history" USING btree ("measure_id","changed_at");--> statement-breakpoint
CREATE INDEX "concept_measure_links_measure_idx" ON "concept_measure_links" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "concept_milestones_measure_idx" ON "concept_milestones" USING btree ("measure_id","due_date");--> statement-breakpoint
CREATE INDEX "concept_priority_allocations_measure_idx" ON "concept_priority_allocations" USING btree ("round_id","measure_id");--> statement-breakpoint
CREATE INDEX "concept_priority_rounds_tenant_idx" ON "concept_priority_rounds" USING btree ("tenant_id","edition_id");