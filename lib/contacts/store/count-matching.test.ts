import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import {
  countMatchingContacts,
  countMatchingUpTo,
  createContact,
  setFavourite,
  trashContact,
} from './index';
import { newOwner, write } from './test-helpers';

beforeAll(() => getDb());

describe('countMatchingContacts', () => {
  it('counts what a search and the filters match, the owner’s live contacts only', async () => {
    const owner = await newOwner();
    const stranger = await newOwner();
    const ada = await createContact(
      owner,
      write({ given: 'Ada', family: 'Lovelace', labels: ['Maths'] }),
    );
    await createContact(owner, write({ given: 'Adam', family: 'Smith' }));
    const gone = await createContact(owner, write({ given: 'Adaline', family: 'Gone' }));
    await createContact(owner, write({ given: 'Grace', family: 'Hopper' }));
    await createContact(stranger, write({ given: 'Ada', family: 'Stranger' }));
    await trashContact(owner, gone.id);
    await setFavourite(owner, ada.id, true);

    expect(await countMatchingContacts(owner, {})).toBe(3);
    expect(await countMatchingContacts(owner, { q: 'ada' })).toBe(2);
    expect(await countMatchingContacts(owner, { q: 'ada', label: 'maths' })).toBe(1);
    expect(await countMatchingContacts(owner, { favourites: true })).toBe(1);
    expect(await countMatchingContacts(owner, { q: 'nobody' })).toBe(0);
  });
});

describe('countMatchingUpTo', () => {
  it('stops a search past the limit; the kept counts stay exact at any size', async () => {
    const owner = await newOwner();
    for (const given of ['Anna', 'Anne', 'Annika', 'Hannah', 'Bob']) {
      await createContact(owner, write({ given, labels: given === 'Bob' ? [] : ['Club'] }));
    }
    const upTo = (filter: Parameters<typeof countMatchingUpTo>[1], atMost: number) =>
      countMatchingUpTo(owner, filter, atMost);
    expect(await countMatchingContacts(owner, { q: 'ann' })).toBe(4);
    expect(await upTo({ q: 'ann' }, 2)).toEqual({ count: 2, complete: false });
    expect(await upTo({ q: 'ann' }, 4)).toEqual({ count: 4, complete: true });
    expect(await upTo({ q: 'bob' }, 2)).toEqual({ count: 1, complete: true });
    expect(await upTo({}, 2)).toEqual({ count: 5, complete: true });
    expect(await upTo({ label: 'CLUB' }, 2)).toEqual({ count: 4, complete: true });
    expect(await upTo({ label: 'nope' }, 2)).toEqual({ count: 0, complete: true });
    // Punctuation alone is no search: the label's kept count answers.
    expect(await upTo({ q: '  ', label: 'club' }, 2)).toEqual({ count: 4, complete: true });
  });
});
