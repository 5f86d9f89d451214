CREATE TABLE "enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text DEFAULT '' NOT NULL,
	"organisation_name" text NOT NULL,
	"trust_id" uuid,
	"message" text NOT NULL,
	"person_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"triage_note" text DEFAULT '' NOT NULL,
	"triaged_by_person_id" uuid,
	"triaged_at" timestamp with time zone,
	"partnership_id" uuid,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiries_status_check" CHECK ("enquiries"."status" in ('new', 'accepted', 'referred', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "mentoring_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"term_months" integer DEFAULT 12 NOT NULL,
	"reading_minutes" integer NOT NULL,
	"school_visits_minutes" integer NOT NULL,
	"establishing_minutes" integer NOT NULL,
	"meetings_minutes" integer NOT NULL,
	"meeting_pattern" text NOT NULL,
	"fee_pence" integer DEFAULT 0 NOT NULL,
	"agreement_template" text NOT NULL,
	"open" boolean DEFAULT true NOT NULL,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_services_kind_check" CHECK ("mentoring_services"."kind" in ('ceo_mentoring', 'trust_to_trust', 'peer_triad', 'coaching')),
	CONSTRAINT "mentoring_services_term_check" CHECK ("mentoring_services"."term_months" between 1 and 36),
	CONSTRAINT "mentoring_services_fee_check" CHECK ("mentoring_services"."fee_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "partnership_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"side" text NOT NULL,
	"organisation_id" uuid,
	"lead" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_participants_side_check" CHECK ("partnership_participants"."side" in ('mentor', 'mentee', 'peer'))
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'matching' NOT NULL,
	"title" text NOT NULL,
	"mentee_trust_id" uuid,
	"mentor_trust_id" uuid,
	"diagnostic_review_id" uuid,
	"plan_id" uuid,
	"preferences" jsonb,
	"starts_on" date,
	"ends_on" date,
	"reading_minutes" integer NOT NULL,
	"school_visits_minutes" integer NOT NULL,
	"establishing_minutes" integer NOT NULL,
	"meetings_minutes" integer NOT NULL,
	"fee_pence" integer DEFAULT 0 NOT NULL,
	"meeting_pattern" text NOT NULL,
	"match_confirmed_at" timestamp with time zone,
	"match_confirmed_by_person_id" uuid,
	"previous_partnership_id" uuid,
	"sustain_note" text,
	"closed_at" timestamp with time zone,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_kind_check" CHECK ("partnerships"."kind" in ('ceo_mentoring', 'trust_to_trust', 'peer_triad', 'coaching')),
	CONSTRAINT "partnerships_state_check" CHECK ("partnerships"."state" in ('matching', 'chemistry', 'agreement', 'preparation', 'establishing', 'meetings', 'review', 'closed')),
	CONSTRAINT "partnerships_budget_check" CHECK (least("partnerships"."reading_minutes", "partnerships"."school_visits_minutes", "partnerships"."establishing_minutes", "partnerships"."meetings_minutes") >= 0)
);
--> statement-breakpoint
CREATE TABLE "chemistry_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"mentor_person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"outcome_note_ciphertext" text,
	"chosen" boolean DEFAULT false NOT NULL,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chemistry_conversations_status_check" CHECK ("chemistry_conversations"."status" in ('scheduled', 'held', 'cancelled')),
	CONSTRAINT "chemistry_conversations_duration_check" CHECK ("chemistry_conversations"."duration_minutes" between 5 and 600)
);
--> statement-breakpoint
CREATE TABLE "mentor_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"provider_organisation_id" uuid NOT NULL,
	"biography" text DEFAULT '' NOT NULL,
	"values" text DEFAULT '' NOT NULL,
	"experience_tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trust_sizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"has_grown_a_trust" boolean DEFAULT false NOT NULL,
	"has_led_a_merger" boolean DEFAULT false NOT NULL,
	"region" text,
	"trust_id" uuid,
	"capacity" integer DEFAULT 1 NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"availability_note" text DEFAULT '' NOT NULL,
	"conflict_trust_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"checked_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_profiles_capacity_check" CHECK ("mentor_profiles"."capacity" between 0 and 20)
);
--> statement-breakpoint
CREATE TABLE "agreement_acceptances" (
	"agreement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"side" text NOT NULL,
	"typed_name" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_acceptances_agreement_id_person_id_pk" PRIMARY KEY("agreement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"created_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"standard" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"added_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"link" text,
	"file_name" text,
	"stored_name" text,
	"content_type" text,
	"size" integer,
	"note" text DEFAULT '' NOT NULL,
	"added_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_documents_given_check" CHECK ("partnership_documents"."link" is not null or "partnership_documents"."stored_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "school_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"visit_on" date NOT NULL,
	"meeting" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_visits_status_check" CHECK ("school_visits"."status" in ('planned', 'done'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "goal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"side" text NOT NULL,
	"progress" text NOT NULL,
	"author_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_person_id" uuid,
	"due_on" date,
	"done" boolean DEFAULT false NOT NULL,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"ciphertext" text NOT NULL,
	"updated_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_notes_meeting_id_unique" UNIQUE("meeting_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_establishing" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"leadership_story" text DEFAULT '' NOT NULL,
	"current_needs" text DEFAULT '' NOT NULL,
	"future_needs" text DEFAULT '' NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure_of_success" text NOT NULL,
	"position" integer NOT NULL,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"video_link" text,
	"agenda" text DEFAULT '' NOT NULL,
	"preparation" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"creation_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_meetings_kind_check" CHECK ("partnership_meetings"."kind" in ('establishing', 'regular', 'diagnostic')),
	CONSTRAINT "partnership_meetings_status_check" CHECK ("partnership_meetings"."status" in ('planned', 'held', 'cancelled')),
	CONSTRAINT "partnership_meetings_duration_check" CHECK ("partnership_meetings"."duration_minutes" between 5 and 1440)
);
--> statement-breakpoint
CREATE TABLE "partnership_time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"component" text NOT NULL,
	"minutes" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"meeting_id" uuid,
	"ad_hoc" boolean DEFAULT false NOT NULL,
	"logged_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_time_entries_meeting_id_unique" UNIQUE("meeting_id"),
	CONSTRAINT "partnership_time_entries_component_check" CHECK ("partnership_time_entries"."component" in ('reading', 'school-visits', 'establishing', 'meetings')),
	CONSTRAINT "partnership_time_entries_minutes_check" CHECK ("partnership_time_entries"."minutes" between 1 and 1440)
);
--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_service_id_mentoring_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."mentoring_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_trust_id_organisations_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_triaged_by_person_id_people_id_fk" FOREIGN KEY ("triaged_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_services" ADD CONSTRAINT "mentoring_services_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_participants" ADD CONSTRAINT "partnership_participants_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_participants" ADD CONSTRAINT "partnership_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_participants" ADD CONSTRAINT "partnership_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_service_id_mentoring_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."mentoring_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_mentee_trust_id_organisations_id_fk" FOREIGN KEY ("mentee_trust_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_mentor_trust_id_organisations_id_fk" FOREIGN KEY ("mentor_trust_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_diagnostic_review_id_reviews_id_fk" FOREIGN KEY ("diagnostic_review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_match_confirmed_by_person_id_people_id_fk" FOREIGN KEY ("match_confirmed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_previous_partnership_id_partnerships_id_fk" FOREIGN KEY ("previous_partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemistry_conversations" ADD CONSTRAINT "chemistry_conversations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemistry_conversations" ADD CONSTRAINT "chemistry_conversations_mentor_person_id_people_id_fk" FOREIGN KEY ("mentor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_provider_organisation_id_organisations_id_fk" FOREIGN KEY ("provider_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_trust_id_organisations_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_checked_by_person_id_people_id_fk" FOREIGN KEY ("checked_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_agreement_id_partnership_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."partnership_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_acceptances" ADD CONSTRAINT "agreement_acceptances_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreements" ADD CONSTRAINT "partnership_agreements_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_agreements" ADD CONSTRAINT "partnership_agreements_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_added_by_person_id_people_id_fk" FOREIGN KEY ("added_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_request_id_document_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."document_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_added_by_person_id_people_id_fk" FOREIGN KEY ("added_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_visits" ADD CONSTRAINT "school_visits_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_visits" ADD CONSTRAINT "school_visits_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_goal_id_partnership_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."partnership_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_reviews" ADD CONSTRAINT "goal_reviews_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_meeting_id_partnership_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."partnership_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_actions" ADD CONSTRAINT "meeting_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_meeting_id_partnership_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."partnership_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_notes" ADD CONSTRAINT "meeting_notes_updated_by_person_id_people_id_fk" FOREIGN KEY ("updated_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_establishing" ADD CONSTRAINT "partnership_establishing_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_goals" ADD CONSTRAINT "partnership_goals_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_meetings" ADD CONSTRAINT "partnership_meetings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_time_entries" ADD CONSTRAINT "partnership_time_entries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_time_entries" ADD CONSTRAINT "partnership_time_entries_meeting_id_partnership_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."partnership_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_time_entries" ADD CONSTRAINT "partnership_time_entries_logged_by_person_id_people_id_fk" FOREIGN KEY ("logged_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enquiries_creation_key_unique" ON "enquiries" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "enquiries_service_status_idx" ON "enquiries" USING btree ("service_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_services_creation_key_unique" ON "mentoring_services" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "mentoring_services_provider_idx" ON "mentoring_services" USING btree ("provider_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_participants_unique" ON "partnership_participants" USING btree ("partnership_id","person_id");--> statement-breakpoint
CREATE INDEX "partnership_participants_person_idx" ON "partnership_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_creation_key_unique" ON "partnerships" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "partnerships_provider_state_idx" ON "partnerships" USING btree ("provider_organisation_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "chemistry_conversations_creation_key_unique" ON "chemistry_conversations" USING btree ("creation_key");--> statement-breakpoint
CREATE UNIQUE INDEX "chemistry_conversations_one_per_mentor" ON "chemistry_conversations" USING btree ("partnership_id","mentor_person_id") WHERE "chemistry_conversations"."status" <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "chemistry_conversations_one_chosen" ON "chemistry_conversations" USING btree ("partnership_id") WHERE "chemistry_conversations"."chosen";--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_profiles_person_provider_unique" ON "mentor_profiles" USING btree ("person_id","provider_organisation_id");--> statement-breakpoint
CREATE INDEX "mentor_profiles_provider_idx" ON "mentor_profiles" USING btree ("provider_organisation_id");--> statement-breakpoint
CREATE INDEX "agreement_acceptances_person_idx" ON "agreement_acceptances" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_agreements_number_unique" ON "partnership_agreements" USING btree ("partnership_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "document_requests_creation_key_unique" ON "document_requests" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "document_requests_partnership_idx" ON "document_requests" USING btree ("partnership_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_documents_creation_key_unique" ON "partnership_documents" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "partnership_documents_request_idx" ON "partnership_documents" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "school_visits_creation_key_unique" ON "school_visits" USING btree ("creation_key");--> statement-breakpoint
CREATE UNIQUE INDEX "school_visits_school_unique" ON "school_visits" USING btree ("partnership_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_reviews_goal_side_unique" ON "goal_reviews" USING btree ("goal_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_actions_creation_key_unique" ON "meeting_actions" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "meeting_actions_meeting_idx" ON "meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_goals_creation_key_unique" ON "partnership_goals" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "partnership_goals_partnership_idx" ON "partnership_goals" USING btree ("partnership_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_meetings_creation_key_unique" ON "partnership_meetings" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "partnership_meetings_partnership_idx" ON "partnership_meetings" USING btree ("partnership_id","starts_at");--> statement-breakpoint
CREATE INDEX "partnership_meetings_reminder_idx" ON "partnership_meetings" USING btree ("starts_at") WHERE "partnership_meetings"."reminder_sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_time_entries_creation_key_unique" ON "partnership_time_entries" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "partnership_time_entries_partnership_idx" ON "partnership_time_entries" USING btree ("partnership_id","occurred_on");--> statement-breakpoint
-- An agreement version's text is what both parties accepted: the database refuses to change it,
-- whatever code or console asks. A change is a new version, accepted again.
CREATE FUNCTION "partnership_agreements_refuse_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'partnership_agreements cannot be changed: make a new version instead'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "partnership_agreements_immutable"
  BEFORE UPDATE ON "partnership_agreements"
  FOR EACH ROW EXECUTE FUNCTION "partnership_agreements_refuse_update"();
--> statement-breakpoint
-- So is an acceptance: who accepted which text, and when.
CREATE TRIGGER "agreement_acceptances_immutable"
  BEFORE UPDATE ON "agreement_acceptances"
  FOR EACH ROW EXECUTE FUNCTION "partnership_agreements_refuse_update"();
