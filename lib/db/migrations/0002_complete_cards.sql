CREATE TABLE "contact_photos" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"etag" varchar(64) NOT NULL,
	"mime" varchar(32) NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_tombstones" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"href" varchar(255) NOT NULL,
	"uid" varchar(255) NOT NULL,
	"revision" bigint NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_migrations" (
	"name" varchar(100) PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"key" varchar(100) NOT NULL
);
--> statement-breakpoint
DROP INDEX "contacts_owner_name_idx";--> statement-breakpoint
DROP INDEX "contacts_owner_created_idx";--> statement-breakpoint
DROP INDEX "contacts_owner_birthday_idx";--> statement-breakpoint
DROP INDEX "contacts_owner_birthday_md_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "uid" varchar(255) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "href" varchar(255) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "card" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "card_version" varchar(3) DEFAULT '4.0' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "etag" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "kind" varchar(16) DEFAULT 'individual' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "derived_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "display_name" varchar(300) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "given_name" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "family_name" varchar(100) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "organization" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "primary_email" varchar(254) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "primary_phone" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "labels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "favourite" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "photo_etag" varchar(64);--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sort_first" varchar(210) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sort_last" varchar(210) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "flags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sync_revision" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sync_floor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "name_order" varchar(5) DEFAULT 'last' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_photos" ADD CONSTRAINT "contact_photos_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_tombstones" ADD CONSTRAINT "contact_tombstones_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labels" ADD CONSTRAINT "labels_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_tombstones_owner_rev_idx" ON "contact_tombstones" USING btree ("owner_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "labels_owner_key" ON "labels" USING btree ("owner_id","key");--> statement-breakpoint
-- Existing contacts get the UID today's export writes and a CardDAV name before the unique
-- indexes; their cards and derived columns are written by the data step (lib/db/data-migrations).
UPDATE "contacts" SET "uid" = 'urn:uuid:' || "id"::text, "href" = "id"::text || '.vcf';--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "uid" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "href" DROP DEFAULT;--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_owner_uid_key" ON "contacts" USING btree ("owner_id","uid");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_owner_href_key" ON "contacts" USING btree ("owner_id","href");--> statement-breakpoint
CREATE INDEX "contacts_owner_first_idx" ON "contacts" USING btree ("owner_id","sort_first","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_last_idx" ON "contacts" USING btree ("owner_id","sort_last","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_fav_first_idx" ON "contacts" USING btree ("owner_id","sort_first","id") WHERE "contacts"."favourite" and "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_fav_last_idx" ON "contacts" USING btree ("owner_id","sort_last","id") WHERE "contacts"."favourite" and "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_revision_idx" ON "contacts" USING btree ("owner_id","revision");--> statement-breakpoint
CREATE INDEX "contacts_owner_trash_idx" ON "contacts" USING btree ("owner_id","deleted_at","id") WHERE "contacts"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "contacts_labels_gin" ON "contacts" USING gin ("labels");--> statement-breakpoint
CREATE INDEX "contacts_owner_created_idx" ON "contacts" USING btree ("owner_id","created_at","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_birthday_idx" ON "contacts" USING btree ("owner_id","birthday","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_birthday_md_idx" ON "contacts" USING btree ("owner_id","birthday_month_day","sort_last","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "name_sort";