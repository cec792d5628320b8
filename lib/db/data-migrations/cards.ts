import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { cardColumns } from '../../contacts/store/card';
import type { Db } from '../client';
import { contacts, users } from '../schema';
import { modelFromLegacy } from './legacy-model';

/** Rows per step: one SELECT by keyset and one UPDATE … FROM (VALUES …) (15 parameters a row). */
const BATCH = 1000;

/**
 * The data step of migration 0002: every contact still in the eight-field shape (derived_version
 * 0) gets its card, written from the old fields by the app's own writer, and the columns derived
 * from it. Walks the table by id (keyset), a batch per transaction, so an interrupted run resumes
 * where it stopped; the old columns are left as they were.
 */
export async function convertLegacyContacts(
  db: Db,
  progress: (done: number) => void = () => {},
): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const rows = await db
      .select({
        id: contacts.id,
        uid: contacts.uid,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        birthday: contacts.birthday,
        birthdayMonthDay: contacts.birthdayMonthDay,
        email: contacts.email,
        website: contacts.website,
        workPhone: contacts.workPhone,
        homePhone: contacts.homePhone,
        mobilePhone: contacts.mobilePhone,
        notes: contacts.notes,
        updatedAt: contacts.updatedAt,
      })
      .from(contacts)
      .where(and(gt(contacts.id, after), eq(contacts.derivedVersion, 0)))
      .orderBy(asc(contacts.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    const values = rows.map((row) => {
      const c = cardColumns(modelFromLegacy(row, row.uid), null, null, [], {
        rev: row.updatedAt,
      });
      return sql`(${row.id}, ${c.card}, ${c.etag}, ${c.derivedVersion}, ${c.displayName},
        ${c.givenName}, ${c.familyName}, ${c.primaryEmail}, ${c.primaryPhone}, ${c.birthday},
        ${c.birthdayMonthDay}, ${c.sortFirst}, ${c.sortLast}, ${c.searchText})`;
    });
    // One statement per batch (the per-row UPDATEs took 1.7 ms a row). REV in the card: when it
    // last changed; revision 1: the first state a sync client can see. Labels, favourite and
    // flags keep their defaults: the old schema had none.
    await db.execute(sql`
      update ${contacts} as c set
        card = v.card, etag = v.etag, derived_version = v.dv::smallint,
        display_name = v.display_name, given_name = v.given_name, family_name = v.family_name,
        primary_email = v.primary_email, primary_phone = v.primary_phone,
        birthday = v.birthday::date, birthday_month_day = v.md::smallint,
        sort_first = v.sort_first, sort_last = v.sort_last, search_text = v.search_text,
        revision = 1
      from (values ${sql.join(values, sql`, `)}) as v(id, card, etag, dv, display_name, given_name,
        family_name, primary_email, primary_phone, birthday, md, sort_first, sort_last, search_text)
      where c.id = v.id::uuid and c.derived_version = 0`);
    done += rows.length;
    progress(done);
    after = rows.at(-1)!.id;
  }
  // PGlite has no autovacuum: the old row versions are reclaimed and the new columns get their
  // statistics here (ADR 007).
  if (done >= 1000) await db.execute(sql`vacuum analyze contacts`);
  if (done > 0) {
    await db
      .update(users)
      .set({ syncRevision: sql`greatest(${users.syncRevision}, 1)` })
      .where(sql`exists (select 1 from ${contacts} where ${contacts.ownerId} = ${users.id})`);
  }
  return done;
}
