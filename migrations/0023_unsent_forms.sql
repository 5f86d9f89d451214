CREATE TABLE "unsent_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"path" text NOT NULL,
	"sealed_fields" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unsent_forms" ADD CONSTRAINT "unsent_forms_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unsent_forms_token_hash_unique" ON "unsent_forms" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "unsent_forms_expires_idx" ON "unsent_forms" USING btree ("expires_at");