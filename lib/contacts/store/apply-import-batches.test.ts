import { describe, expect, it, vi } from 'vitest';
import { IMPORT_BATCH } from './apply-import';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import { eq } from 'drizzle-orm';
import {
  applyImport,
  countContacts,
  getContact,
  importCards,
  listContacts,
  listLabels,
} from './index';
import { newOwner, person } from './test-helpers';

const card = (uid: string, given: string) => ({
  model: person({ uid, given }),
  rest: null,
  flags: [],
  photo: null,
});

async function syncRevision(owner: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ revision: users.syncRevision })
    .from(users)
    .where(eq(users.id, owner));
  return row!.revision;
}

// The import writes in batches inside one transaction: what one batch learns (UIDs seen, the
// order of arrival) must hold in the next.
describe('an import longer than one batch', () => {
  it('keeps a UID repeated in a later batch as its own contact, updates across batches, and keeps the file order', async () => {
    const owner = await newOwner('batches');
    // Added an hour before, as a person's existing book would be.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 3_600_000 });
    try {
      await applyImport(owner, [card('kept', 'Kept')]);
    } finally {
      vi.useRealTimers();
    }
    // The newest 25 (one page) straddle the second and third batches.
    const total = IMPORT_BATCH * 2 + 12;
    const repeat = IMPORT_BATCH + 5;
    const update = 10;
    const file = Array.from({ length: total }, (_, i) => card(`u${i}`, `Card${i}x`));
    file[repeat] = card('u3', 'Repeat');
    file[update] = card('kept', 'Kept renamed');

    expect(await applyImport(owner, file)).toEqual({
      added: total - 1,
      updated: 1,
      unchanged: 0,
      restored: 0,
    });
    expect(await countContacts(owner)).toBe(total);
    const uidOf = async (q: string) => {
      const found = (await listContacts(owner, { q })).contacts;
      expect(found).toHaveLength(1);
      return (await getContact(owner, found[0]!.id))!.uid;
    };
    expect(await uidOf('Card3x')).toBe('u3');
    expect(await uidOf('Repeat')).not.toBe('u3');
    expect(await uidOf('Kept renamed')).toBe('kept');
    // Newest first: the file's last cards, in reverse, whatever batch they were written in.
    const newest = (await listContacts(owner, { sort: 'added' })).contacts.map(
      (c) => c.displayName,
    );
    expect(newest).toEqual(Array.from({ length: 25 }, (_, k) => `Card${total - 1 - k}x`));
  });
});

describe('an import the reader refuses halfway', () => {
  it('keeps nothing it had saved: not the cards, the labels, the count or the sync revision', async () => {
    const owner = await newOwner('refused');
    await applyImport(owner, [card('kept', 'Kept')]);
    const before = await syncRevision(owner);
    const labelled = {
      ...card('l', 'Labelled'),
      model: person({ uid: 'l', given: 'L', labels: ['New label'] }),
    };
    const { read, result } = await importCards(owner, async (save) => {
      await save(labelled);
      // More than a batch, so some were written inside the transaction before the refusal.
      for (let i = 0; i < IMPORT_BATCH + 3; i++) await save(card(`r${i}`, `Refused${i}`));
      await save(card('kept', 'Kept renamed'));
      return { ok: false, message: 'too many' };
    });
    expect(read).toEqual({ ok: false, message: 'too many' });
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0, restored: 0 });
    expect(await countContacts(owner)).toBe(1);
    expect((await listContacts(owner, {})).contacts.map((c) => c.displayName)).toEqual(['Kept']);
    expect(await syncRevision(owner)).toBe(before);
    expect(await listLabels(owner)).toEqual([]);
  });
});

describe('an import whose records were all skipped', () => {
  it('leaves the sync revision alone', async () => {
    const owner = await newOwner('all-skipped');
    await applyImport(owner, [card('kept', 'Kept')]);
    const before = await syncRevision(owner);
    const { result } = await importCards(owner, async () => ({ ok: true }));
    expect(result).toEqual({ added: 0, updated: 0, unchanged: 0, restored: 0 });
    expect(await syncRevision(owner)).toBe(before);
  });
});
