CREATE TABLE "label_counts" (
	"owner_id" uuid NOT NULL,
	"key" text NOT NULL,
	"live" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "label_counts_owner_id_key_pk" PRIMARY KEY("owner_id","key")
);
--> statement-breakpoint
ALTER TABLE "label_counts" ADD CONSTRAINT "label_counts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Keeps label_counts in step with every write of contacts, whatever code path makes it. A
-- contact counts once per distinct key while it is live. Increments upsert; decrements only
-- update, so deleting an account (whose cascade may remove label_counts first) never inserts a
-- row for an owner being deleted. Two writers never take these counters in crossing orders:
-- every write of contacts first locks the owner's users row (bumpRevision in lib/contacts/store).
CREATE FUNCTION "contacts_count_labels"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	old_keys text[] := '{}';
	new_keys text[] := '{}';
BEGIN
	IF TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL THEN
		old_keys := coalesce(OLD.labels, '{}');
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL THEN
		new_keys := coalesce(NEW.labels, '{}');
	END IF;
	IF TG_OP = 'UPDATE' AND OLD.owner_id = NEW.owner_id THEN
		-- Only what changed: most saves keep their labels.
		UPDATE "label_counts" SET "live" = "live" - 1
		WHERE "owner_id" = OLD.owner_id
			AND "key" IN (SELECT DISTINCT k FROM unnest(old_keys) k EXCEPT SELECT unnest(new_keys));
		INSERT INTO "label_counts" AS c ("owner_id", "key", "live")
		SELECT NEW.owner_id, k, 1 FROM (SELECT DISTINCT k FROM unnest(new_keys) k EXCEPT SELECT unnest(old_keys)) d(k)
		ON CONFLICT ("owner_id", "key") DO UPDATE SET "live" = c."live" + 1;
		RETURN NULL;
	END IF;
	IF cardinality(old_keys) > 0 THEN
		UPDATE "label_counts" SET "live" = "live" - 1
		WHERE "owner_id" = OLD.owner_id AND "key" = ANY (old_keys);
	END IF;
	IF cardinality(new_keys) > 0 THEN
		INSERT INTO "label_counts" AS c ("owner_id", "key", "live")
		SELECT NEW.owner_id, k, 1 FROM (SELECT DISTINCT k FROM unnest(new_keys) k) d(k)
		ON CONFLICT ("owner_id", "key") DO UPDATE SET "live" = c."live" + 1;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "contacts_count_labels_insert_delete" AFTER INSERT OR DELETE ON "contacts"
FOR EACH ROW EXECUTE FUNCTION "contacts_count_labels"();
--> statement-breakpoint
CREATE TRIGGER "contacts_count_labels_update" AFTER UPDATE OF "labels", "deleted_at", "owner_id" ON "contacts"
FOR EACH ROW
WHEN (OLD.labels IS DISTINCT FROM NEW.labels
	OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
	OR OLD.owner_id <> NEW.owner_id)
EXECUTE FUNCTION "contacts_count_labels"();
--> statement-breakpoint
-- The counts of the contacts already there.
INSERT INTO "label_counts" ("owner_id", "key", "live")
SELECT "owner_id", k, count(*)::int
FROM (SELECT DISTINCT "id", "owner_id", k FROM "contacts", unnest("labels") k WHERE "deleted_at" IS NULL) d
GROUP BY "owner_id", k;
