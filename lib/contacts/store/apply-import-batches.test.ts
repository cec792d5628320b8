import { describe, expect, it, vi } from 'vitest';
import { IMPORT_BATCH } from './apply-import';
import { applyImport, countContacts, getContact, listContacts } from './index';
import { newOwner, person } from './test-helpers';

const card = (uid: string, given: string) => ({
  model: person({ uid, given }),
  rest: null,
  flags: [],
  photo: null,
});

// The import writes in batches inside one transaction: what one batch learns (UIDs seen, the
// order of arrival) must hold in the next.
describe('an import longer than one batch', () => {
  it('keeps a UID repeated in a later batch as its own contact, updates across batches, and keeps the file order', async () => {
    const owner = await newOwner('batches');
    // Added an hour before: new cards are dated a millisecond apart up to now, and a contact
    // added within that span would sort among them (on a fast database it was, 0.2 s earlier).
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
