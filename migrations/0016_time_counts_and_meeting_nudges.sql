CREATE TABLE "partnership_meeting_nudges" (
	"partnership_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"half_term" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_meeting_nudges_partnership_id_school_year_half_term_pk" PRIMARY KEY("partnership_id","school_year","half_term")
);
--> statement-breakpoint
ALTER TABLE "partnership_time_entries" ADD COLUMN "counts_against_budget" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_meeting_nudges" ADD CONSTRAINT "partnership_meeting_nudges_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;