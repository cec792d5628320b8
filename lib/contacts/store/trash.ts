import 'server-only';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, contactTombstones } from '../../db/schema';
import { listColumns, liveOf, trashedOf } from './columns';
import { isContactId } from './ids';
import { addToCount, bumpRevision, type DbOrTx } from './tx';
import { PAGE_SIZE, TRASH_DAYS, type ContactPage } from './types';

/**
 * Trash: deleting moves a contact here for TRASH_DAYS days; restore brings it back; deleting
 * forever (or the purge) removes the row and leaves a tombstone, so CardDAV clients learn of it.
 */

/** Moves a live contact between live and Trash, at a new revision; false when there is none. */
async function move(ownerId: string, id: string, toTrash: boolean): Promise<boolean> {
  if (!isContactId(id)) return false;
  const db = await getDb();
  const where = toTrash
    ? liveOf(ownerId, eq(contacts.id, id))
    : trashedOf(ownerId, eq(contacts.id, id));
  const [found] = await db.select({ id: contacts.id }).from(contacts).where(where).limit(1);
  if (!found) return false;
  return db.transaction(async (tx) => {
    // The owner's counters first, as every other write does: the row lock on users orders the
    // owner's writes, so the label counts' trigger never takes locks in a crossing order. If the
    // contact moved meanwhile, the new revision has no change in it, which sync clients accept.
    const revision = await bumpRevision(tx, ownerId);
    const moved = await tx
      .update(contacts)
      .set({ deletedAt: toTrash ? sql`now()` : null, revision })
      .where(where)
      .returning({ id: contacts.id });
    if (moved.length === 0) return false;
    await addToCount(tx, ownerId, toTrash ? -1 : 1);
    return true;
  });
}

/** Moves a live contact to Trash; false when the owner has no such live contact. */
export const trashContact = (ownerId: string, id: string) => move(ownerId, id, true);

/** Brings a trashed contact back; false when the owner has no such trashed contact. */
export const restoreContact = (ownerId: string, id: string) => move(ownerId, id, false);

/** Deletes trashed rows for good, each leaving a tombstone at a new revision. */
async function deleteTrashed(tx: DbOrTx, ownerId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const revision = await bumpRevision(tx, ownerId);
  const gone = await tx
    .delete(contacts)
    .where(trashedOf(ownerId, inArray(contacts.id, ids)))
    .returning({ href: contacts.href, uid: contacts.uid });
  if (gone.length > 0) {
    await tx
      .insert(contactTombstones)
      .values(gone.map((g) => ({ ownerId, href: g.href, uid: g.uid, revision })));
  }
  return gone.length;
}

/** Deletes one trashed contact for good (a live one must go to Trash first). */
export async function deleteContactForever(ownerId: string, id: string): Promise<boolean> {
  if (!isContactId(id)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => (await deleteTrashed(tx, ownerId, [id])) === 1);
}

const PURGE_BATCH = 1000;

/** Everything in the owner's Trash, deleted for good, a batch per transaction. */
export async function emptyTrash(ownerId: string): Promise<number> {
  const db = await getDb();
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(trashedOf(ownerId))
        .limit(PURGE_BATCH);
      return deleteTrashed(
        tx,
        ownerId,
        rows.map((r) => r.id),
      );
    });
    total += done;
    if (done < PURGE_BATCH) return total;
  }
}

/** One page of the owner's Trash, most recently deleted first. */
export async function listTrash(
  ownerId: string,
  { page = 1 }: { page?: number } = {},
): Promise<ContactPage> {
  const current = Math.max(1, Math.floor(page)) || 1;
  const db = await getDb();
  const rows = await db
    .select(listColumns)
    .from(contacts)
    .where(trashedOf(ownerId))
    .orderBy(desc(contacts.deletedAt), desc(contacts.id))
    .limit(PAGE_SIZE + 1)
    .offset((current - 1) * PAGE_SIZE);
  return {
    contacts: rows.slice(0, PAGE_SIZE),
    page: current,
    hasPrevious: current > 1,
    hasNext: rows.length > PAGE_SIZE,
  };
}

/** Deletes for good every contact (of every owner) trashed more than TRASH_DAYS days ago. */
export async function purgeExpiredTrash(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 86_400_000);
  const db = await getDb();
  let total = 0;
  for (;;) {
    const rows = await db
      .select({ id: contacts.id, ownerId: contacts.ownerId })
      .from(contacts)
      .where(and(sql`${contacts.deletedAt} is not null`, lt(contacts.deletedAt, cutoff)))
      .limit(PURGE_BATCH);
    if (rows.length === 0) return total;
    const byOwner = Map.groupBy(rows, (r) => r.ownerId);
    for (const [ownerId, owned] of byOwner) {
      total += await db.transaction((tx) =>
        deleteTrashed(
          tx,
          ownerId,
          owned.map((r) => r.id),
        ),
      );
    }
    if (rows.length < PURGE_BATCH) return total;
  }
}
