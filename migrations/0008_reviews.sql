CREATE TABLE "benchmark_consents" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"consented_by_person_id" uuid,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_agreed_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"level_key" text NOT NULL,
	"rationale" text NOT NULL,
	"set_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"stored_name" text,
	"content_type" text,
	"size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_evidence_kind_check" CHECK ("review_evidence"."kind" in ('link', 'file')),
	CONSTRAINT "review_evidence_file_check" CHECK (("review_evidence"."kind" = 'file') = ("review_evidence"."stored_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "review_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"partner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"group_id" uuid,
	"lead" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_participants_role_check" CHECK ("review_participants"."lead" or "review_participants"."group_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "review_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"element_key" text NOT NULL,
	"level_key" text,
	"rationale" text DEFAULT '' NOT NULL,
	"evidence_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"heading_keys" jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"minimum_responses" integer DEFAULT 3 NOT NULL,
	"partner_organisation_id" uuid,
	"created_by_person_id" uuid,
	"creation_key" text NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_status_check" CHECK ("reviews"."status" in ('open', 'closed')),
	CONSTRAINT "reviews_closed_check" CHECK (("reviews"."status" = 'closed') = ("reviews"."closed_at" is not null)),
	CONSTRAINT "reviews_minimum_responses_check" CHECK ("reviews"."minimum_responses" between 3 and 50)
);
--> statement-breakpoint
ALTER TABLE "benchmark_consents" ADD CONSTRAINT "benchmark_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_consents" ADD CONSTRAINT "benchmark_consents_consented_by_person_id_people_id_fk" FOREIGN KEY ("consented_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_agreed_ratings" ADD CONSTRAINT "review_agreed_ratings_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_agreed_ratings" ADD CONSTRAINT "review_agreed_ratings_set_by_person_id_people_id_fk" FOREIGN KEY ("set_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_evidence" ADD CONSTRAINT "review_evidence_rating_id_review_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."review_ratings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_groups" ADD CONSTRAINT "review_groups_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participants" ADD CONSTRAINT "review_participants_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participants" ADD CONSTRAINT "review_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participants" ADD CONSTRAINT "review_participants_group_id_review_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."review_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_ratings" ADD CONSTRAINT "review_ratings_participant_id_review_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."review_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_closed_by_person_id_people_id_fk" FOREIGN KEY ("closed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_agreed_ratings_element_unique" ON "review_agreed_ratings" USING btree ("review_id","element_key");--> statement-breakpoint
CREATE INDEX "review_evidence_rating_idx" ON "review_evidence" USING btree ("rating_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_groups_name_unique" ON "review_groups" USING btree ("review_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "review_groups_one_partner" ON "review_groups" USING btree ("review_id") WHERE "review_groups"."partner";--> statement-breakpoint
CREATE UNIQUE INDEX "review_participants_person_unique" ON "review_participants" USING btree ("review_id","person_id");--> statement-breakpoint
CREATE INDEX "review_participants_person_idx" ON "review_participants" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_ratings_participant_element_unique" ON "review_ratings" USING btree ("participant_id","element_key");--> statement-breakpoint
CREATE INDEX "review_ratings_review_element_idx" ON "review_ratings" USING btree ("review_id","element_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_creation_key_unique" ON "reviews" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "reviews_organisation_idx" ON "reviews" USING btree ("organisation_id","closed_at");