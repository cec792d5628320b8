import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { cardColumns } from '../../contacts/store/card';
import type { Db } from '../client';
import { contacts, users } from '../schema';
import { modelFromLegacy } from './legacy-model';

/** Rows per transaction: one SELECT by keyset and one UPDATE per row. */
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
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const model = modelFromLegacy(row, row.uid);
        // REV: when it last changed; revision 1: the first state a sync client can see.
        await tx
          .update(contacts)
          .set({ ...cardColumns(model, null, null, [], row.updatedAt), revision: 1 })
          .where(eq(contacts.id, row.id));
      }
    });
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
