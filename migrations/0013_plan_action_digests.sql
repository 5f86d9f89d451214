CREATE TABLE "plan_action_digests" (
	"person_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_action_digests_person_id_week_start_pk" PRIMARY KEY("person_id","week_start")
);
--> statement-breakpoint
ALTER TABLE "plan_action_digests" ADD CONSTRAINT "plan_action_digests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;