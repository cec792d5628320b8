import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { deleteUser } from '../../auth/accounts';
import { getDb } from '../../db/client';
import { contacts, labelCounts } from '../../db/schema';
import {
  applyImport,
  createContact,
  deleteContactForever,
  deleteLabel,
  emptyTrash,
  renameLabel,
  restoreContact,
  trashContact,
  updateContact,
} from './index';
import { newOwner, person, write } from './test-helpers';

// The counts are kept by a trigger (migration 0006); these tests hold them against a recount of
// the contacts table after each kind of write, whichever path makes it.

/** The kept counts, zeros left out, as { key: live }. */
async function kept(ownerId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ key: labelCounts.key, live: labelCounts.live })
    .from(labelCounts)
    .where(eq(labelCounts.ownerId, ownerId));
  return Object.fromEntries(rows.filter((r) => r.live !== 0).map((r) => [r.key, r.live]));
}

/** Live contacts per label, counted from the contacts themselves. */
async function recount(ownerId: string): Promise<Record<string, number>> {
  const db = await getDb();
  // Both drivers (PGlite and node-postgres) answer with { rows }.
  const { rows } = (await db.execute(
    sql`select k as key, count(distinct c.id)::int as live from contacts c, unnest(c.labels) k
        where c.owner_id = ${ownerId} and c.deleted_at is null group by k`,
  )) as unknown as { rows: { key: string; live: number }[] };
  return Object.fromEntries(rows.map((r) => [r.key, r.live]));
}

async function expectInStep(ownerId: string, expected: Record<string, number>) {
  expect(await recount(ownerId)).toEqual(expected);
  expect(await kept(ownerId)).toEqual(expected);
}

beforeAll(() => getDb());

describe('label counts kept by the database', () => {
  it('follow adding, editing, trashing, restoring and deleting contacts', async () => {
    const owner = await newOwner('counts');
    const a = await createContact(owner, write({ given: 'Ann', labels: ['Family', 'Work'] }));
    const b = await createContact(owner, write({ given: 'Ben', labels: ['family'] }));
    await expectInStep(owner, { family: 2, work: 1 });

    const saved = await updateContact(owner, a.id, a.version, {
      ...write({ given: 'Ann', labels: ['Work', 'Chess'] }),
    });
    expect(saved.status).toBe('saved');
    await expectInStep(owner, { family: 1, work: 1, chess: 1 });

    await trashContact(owner, b.id);
    await expectInStep(owner, { work: 1, chess: 1 });
    await restoreContact(owner, b.id);
    await expectInStep(owner, { family: 1, work: 1, chess: 1 });
    await trashContact(owner, b.id);
    expect(await deleteContactForever(owner, b.id)).toBe(true);
    await expectInStep(owner, { work: 1, chess: 1 });
  });

  it('follow renaming and deleting a label, imports and emptying Trash', async () => {
    const owner = await newOwner('counts_labels');
    const card = (uid: string, labels: string[]) => ({
      model: person({ uid, given: uid, labels }),
      rest: null,
      flags: [],
      photo: null,
    });
    await applyImport(owner, [card('u1', ['Club']), card('u2', ['Club', 'Other']), card('u3', [])]);
    await expectInStep(owner, { club: 2, other: 1 });
    expect(await renameLabel(owner, 'club', 'Chess club')).toEqual({ ok: true });
    await expectInStep(owner, { 'chess club': 2, other: 1 });
    // The same cards again, one changed: an update in place, no double count.
    await applyImport(owner, [card('u1', ['Club']), card('u2', ['Other'])]);
    await expectInStep(owner, { club: 1, other: 1 });
    expect(await deleteLabel(owner, 'other')).toEqual({ ok: true });
    await expectInStep(owner, { club: 1 });
    await trashContact(owner, await idOfUid(owner, 'u1'));
    expect(await emptyTrash(owner)).toBe(1);
    await expectInStep(owner, {});
  });

  it('count a contact once for a key it lists twice, and only for its owner', async () => {
    const owner = await newOwner('counts_twice');
    const stranger = await newOwner('counts_stranger');
    const db = await getDb();
    await createContact(stranger, write({ given: 'Sam', labels: ['Friends'] }));
    const c = await createContact(owner, write({ given: 'Cat', labels: ['Friends'] }));
    // Written directly, as no code path does today: the trigger must still count by key.
    await db
      .update(contacts)
      .set({ labels: ['friends', 'friends', 'work'] })
      .where(eq(contacts.id, c.id));
    await expectInStep(owner, { friends: 1, work: 1 });
    await db
      .update(contacts)
      .set({ labels: ['work', 'work'] })
      .where(eq(contacts.id, c.id));
    await expectInStep(owner, { work: 1 });
    await expectInStep(stranger, { friends: 1 });
  });

  it('leave nothing behind and do not fail when an account is deleted', async () => {
    const owner = await newOwner('counts_gone');
    await createContact(owner, write({ given: 'Dee', labels: ['Friends'] }));
    await createContact(owner, write({ given: 'Eve', labels: ['Friends', 'Work'] }));
    await deleteUser(owner);
    expect(await kept(owner)).toEqual({});
  });
});

async function idOfUid(ownerId: string, uid: string): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.uid, uid)));
  if (!row) throw new Error(`no card with UID ${uid}`);
  return row.id;
}
