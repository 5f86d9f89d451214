CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"rag" text NOT NULL,
	"depends_on_action_id" uuid,
	"updated_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_status_check" CHECK ("plan_actions"."status" in ('not_started', 'in_progress', 'done', 'dropped')),
	CONSTRAINT "plan_actions_rag_check" CHECK ("plan_actions"."rag" in ('red', 'amber', 'green')),
	CONSTRAINT "plan_actions_not_own_dependency" CHECK ("plan_actions"."depends_on_action_id" <> "plan_actions"."id")
);
--> statement-breakpoint
CREATE TABLE "plan_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"reached" boolean DEFAULT false NOT NULL,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intended_outcome" text NOT NULL,
	"success_criteria" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"review_id" uuid,
	"heading_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"element_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_label" text,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"updated_on" date NOT NULL,
	"note" text NOT NULL,
	"link" text,
	"file_name" text,
	"stored_name" text,
	"content_type" text,
	"size" integer,
	"author_person_id" uuid,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_progress_updates_file_check" CHECK (("plan_progress_updates"."stored_name" is null) = ("plan_progress_updates"."file_name" is null))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid,
	"owner_person_id" uuid,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_owner_check" CHECK (("plans"."organisation_id" is null) <> ("plans"."owner_person_id" is null)),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft', 'active', 'closed')),
	CONSTRAINT "plans_period_check" CHECK ("plans"."period_end" >= "plans"."period_start")
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_depends_on_action_id_plan_actions_id_fk" FOREIGN KEY ("depends_on_action_id") REFERENCES "public"."plan_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_updated_by_person_id_people_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_progress_updates" ADD CONSTRAINT "plan_progress_updates_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_actions_creation_key_unique" ON "plan_actions" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plan_actions_plan_idx" ON "plan_actions" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_actions_priority_idx" ON "plan_actions" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "plan_actions_owner_idx" ON "plan_actions" USING btree ("owner_person_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_milestones_creation_key_unique" ON "plan_milestones" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plan_milestones_plan_idx" ON "plan_milestones" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_priorities_creation_key_unique" ON "plan_priorities" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plan_priorities_plan_idx" ON "plan_priorities" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_progress_updates_creation_key_unique" ON "plan_progress_updates" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plan_progress_updates_action_idx" ON "plan_progress_updates" USING btree ("action_id","updated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_creation_key_unique" ON "plans" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plans_organisation_idx" ON "plans" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plans_owner_idx" ON "plans" USING btree ("owner_person_id");