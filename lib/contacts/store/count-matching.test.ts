import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { countMatchingContacts, createContact, setFavourite, trashContact } from './index';
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
