ALTER TABLE "organisations" ADD COLUMN "trust_type" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "phase" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "establishment_type" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "local_authority" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "pupil_count" integer;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ofsted_rating" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "ofsted_inspection_date" date;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "trust_id" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_trust_id_organisations_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_trust_idx" ON "organisations" USING btree ("trust_id");--> statement-breakpoint
CREATE INDEX "organisations_kind_name_idx" ON "organisations" USING btree ("kind","name");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_trust_type_check" CHECK ("organisations"."trust_type" in ('multi_academy', 'single_academy', 'other'));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_status_check" CHECK ("organisations"."status" in ('open', 'open_proposed_to_close', 'proposed_to_open', 'closed'));