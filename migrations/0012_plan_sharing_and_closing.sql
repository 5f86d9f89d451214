CREATE TABLE "plan_carried_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"reply_to_comment_id" uuid,
	"author_person_id" uuid NOT NULL,
	"body" text NOT NULL,
	"creation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"access" text NOT NULL,
	"shared_by_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_person_id" uuid,
	CONSTRAINT "plan_shares_recipient_check" CHECK (("plan_shares"."person_id" is null) <> ("plan_shares"."organisation_id" is null)),
	CONSTRAINT "plan_shares_access_check" CHECK ("plan_shares"."access" in ('read', 'comment'))
);
--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD COLUMN "achieved" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "previous_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "closed_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_carried_priorities" ADD CONSTRAINT "plan_carried_priorities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_reply_to_comment_id_plan_comments_id_fk" FOREIGN KEY ("reply_to_comment_id") REFERENCES "public"."plan_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_comments" ADD CONSTRAINT "plan_comments_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_shares" ADD CONSTRAINT "plan_shares_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_shares" ADD CONSTRAINT "plan_shares_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_shares" ADD CONSTRAINT "plan_shares_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_shares" ADD CONSTRAINT "plan_shares_shared_by_person_id_people_id_fk" FOREIGN KEY ("shared_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_shares" ADD CONSTRAINT "plan_shares_revoked_by_person_id_people_id_fk" FOREIGN KEY ("revoked_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_carried_priorities_plan_idx" ON "plan_carried_priorities" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_comments_creation_key_unique" ON "plan_comments" USING btree ("creation_key");--> statement-breakpoint
CREATE INDEX "plan_comments_priority_idx" ON "plan_comments" USING btree ("priority_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_shares_plan_idx" ON "plan_shares" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_shares_person_idx" ON "plan_shares" USING btree ("person_id") WHERE "plan_shares"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "plan_shares_organisation_idx" ON "plan_shares" USING btree ("organisation_id") WHERE "plan_shares"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_shares_live_person_unique" ON "plan_shares" USING btree ("plan_id","person_id") WHERE "plan_shares"."revoked_at" is null and "plan_shares"."person_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_shares_live_organisation_unique" ON "plan_shares" USING btree ("plan_id","organisation_id") WHERE "plan_shares"."revoked_at" is null and "plan_shares"."organisation_id" is not null;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_previous_plan_id_plans_id_fk" FOREIGN KEY ("previous_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_closed_by_person_id_people_id_fk" FOREIGN KEY ("closed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_closed_check" CHECK (("plans"."status" = 'closed') = ("plans"."closed_at" is not null));