import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { users } from '../../db/schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * One change of the owner's address book: bumps users.sync_revision and returns it, for the
 * changed rows' contacts.revision (CardDAV's sync token and ctag). Call inside the transaction
 * that makes the change, so the counter and the rows move together. `countDelta` also moves
 * users.contact_count.
 */
export async function bumpRevision(tx: DbOrTx, ownerId: string, countDelta = 0): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({
      syncRevision: sql`${users.syncRevision} + 1`,
      // In the same statement when the change adds or removes a live contact (one round trip).
      ...(countDelta ? { contactCount: sql`${users.contactCount} + ${countDelta}` } : {}),
    })
    .where(eq(users.id, ownerId))
    .returning({ revision: users.syncRevision });
  return row?.revision ?? 0;
}

/** Keeps users.contact_count (live contacts only) in step with a change. */
export async function addToCount(tx: DbOrTx, ownerId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await tx
    .update(users)
    .set({ contactCount: sql`${users.contactCount} + ${delta}` })
    .where(eq(users.id, ownerId));
}
