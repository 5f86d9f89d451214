CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"created_by_person_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_person_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_versions_status_check" CHECK ("framework_versions"."status" in ('draft', 'published')),
	CONSTRAINT "framework_versions_published_check" CHECK (("framework_versions"."status" = 'published') = ("framework_versions"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_published_by_person_id_people_id_fk" FOREIGN KEY ("published_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_number_unique" ON "framework_versions" USING btree ("framework_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft" ON "framework_versions" USING btree ("framework_id") WHERE "framework_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_key_unique" ON "frameworks" USING btree ("key");--> statement-breakpoint
-- A published framework version never changes and is never removed: reviews point at it and
-- must read tomorrow what they read today. The database refuses it, whatever code or console asks.
CREATE FUNCTION "framework_versions_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'framework version % is published and cannot change: % is not allowed', OLD.id, TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Clone it into a new draft instead.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "framework_versions_frozen"
  BEFORE UPDATE OR DELETE ON "framework_versions"
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION "framework_versions_refuse_change"();
