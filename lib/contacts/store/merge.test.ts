import { beforeAll, describe, expect, it } from 'vitest';
import { defaultChoices, type Choices } from '../duplicates/merge-model';
import { emptyAddress } from '../model';
import { createContact, getContact, listTrash, restoreContact, updateContact } from './index';
import { mergeContacts } from './merge';
import { newOwner, person, write, type Person } from './test-helpers';

let owner = '';
let stranger = '';
beforeAll(async () => {
  owner = await newOwner('merger');
  stranger = await newOwner('stranger');
});

const all = (id: string): Choices => ({
  name: id,
  organization: id,
  jobTitle: id,
  birthday: id,
  note: id,
  photo: id,
});

async function pair(a: Person, b: Person, who = owner) {
  const first = await createContact(who, write(a));
  const second = await createContact(who, write(b));
  return { first, second };
}

describe('merging contacts', () => {
  it('keeps every email, phone and address of both, takes the chosen values and trashes the other', async () => {
    const { first, second } = await pair(
      {
        given: 'Ada',
        family: 'Lovelace',
        organization: 'Analytical Engines',
        emails: ['ada@example.org'],
        phones: ['+44 20 7946 0958'],
        labels: ['Friends'],
      },
      {
        given: 'Ada',
        family: 'King',
        organization: 'Royal Society',
        emails: ['ADA@example.org', 'countess@example.org'],
        phones: ['020 7946 0958', '+44 7700 900123'],
        birthday: '1815-12-10',
        labels: ['friends', 'Science'],
      },
    );
    const withAddress = await updateContact(owner, second.id, second.version, {
      model: {
        ...second.model,
        addresses: [{ ...emptyAddress(), street: '12 St James Sq', locality: 'London' }],
      },
      flags: [],
    });
    expect(withAddress.status).toBe('saved');
    const secondNow = (await getContact(owner, second.id))!;

    const result = await mergeContacts(owner, {
      keepId: first.id,
      versions: { [first.id]: first.version, [second.id]: secondNow.version },
      choices: { ...all(first.id), organization: second.id, birthday: second.id },
      region: 'GB',
    });
    expect(result.status).toBe('merged');
    if (result.status !== 'merged') return;
    const m = result.contact.model;
    expect(m.name.family).toBe('Lovelace');
    expect(m.organization).toBe('Royal Society');
    expect(m.birthday).toBe('1815-12-10');
    // The same email in another case and the same number written nationally are one each.
    expect(m.emails.map((e) => e.value)).toEqual(['ada@example.org', 'countess@example.org']);
    expect(m.phones.map((p) => p.value)).toEqual(['+44 20 7946 0958', '+44 7700 900123']);
    expect(m.addresses.map((a) => a.street)).toEqual(['12 St James Sq']);
    expect(m.labels).toEqual(['Friends', 'Science']);
    expect(result.contact.uid).toBe(first.uid);
    expect(result.contact.version).toBe(first.version + 1);
    expect(result.trashed).toEqual([second.id]);

    expect(await getContact(owner, second.id)).toBeUndefined();
    const trashed = await getContact(owner, second.id, { includeTrashed: true });
    expect(trashed?.deletedAt).toBeInstanceOf(Date);
    expect((await listTrash(owner)).contacts.map((c) => c.id)).toContain(second.id);
    // Never deleted: Restore brings the other card back as it was.
    expect(await restoreContact(owner, second.id)).toBe(true);
    expect((await getContact(owner, second.id))?.model.organization).toBe('Royal Society');
  });

  it('refuses a stale merge (a contact changed since the page was opened) and writes nothing', async () => {
    const { first, second } = await pair(
      { given: 'Jon', family: 'Smith', emails: ['smith@example.org'] },
      { given: 'John', family: 'Smith', emails: ['smith@example.org'] },
    );
    const edited = await updateContact(owner, first.id, first.version, {
      ...write({ given: 'Jon', family: 'Smith', emails: ['smith@example.org'], note: 'edited' }),
    });
    expect(edited.status).toBe('saved');
    const result = await mergeContacts(owner, {
      keepId: first.id,
      versions: { [first.id]: first.version, [second.id]: second.version },
      choices: all(second.id),
      region: 'GB',
    });
    expect(result).toEqual({ status: 'conflict' });
    expect((await getContact(owner, first.id))?.model.note).toBe('edited');
    expect(await getContact(owner, second.id)).toBeDefined();
  });

  it("refuses another owner's contact id, touching neither contact", async () => {
    const mine = await createContact(owner, write({ given: 'Maria', family: 'Garcia' }));
    const theirs = await createContact(stranger, write({ given: 'Maria', family: 'Garcia' }));
    const result = await mergeContacts(owner, {
      keepId: mine.id,
      versions: { [mine.id]: mine.version, [theirs.id]: theirs.version },
      choices: all(theirs.id),
      region: 'GB',
    });
    expect(result).toEqual({ status: 'not-found' });
    expect((await getContact(owner, mine.id))?.version).toBe(mine.version);
    expect(await getContact(stranger, theirs.id)).toBeDefined();
    // Nor can the stranger merge mine into theirs.
    const reverse = await mergeContacts(stranger, {
      keepId: theirs.id,
      versions: { [mine.id]: mine.version, [theirs.id]: theirs.version },
      choices: all(mine.id),
      region: 'GB',
    });
    expect(reverse).toEqual({ status: 'not-found' });
    expect(await getContact(owner, mine.id)).toBeDefined();
  });

  it('defaults each choice to the kept contact, else to one that has the value', async () => {
    const sources = [
      {
        id: 'a',
        model: person({ given: 'Ada', organization: 'Acme' }),
        flags: [],
        hasPhoto: false,
      },
      {
        id: 'b',
        model: person({ given: 'Ada', birthday: '1815-12-10' }),
        flags: [],
        hasPhoto: true,
      },
    ];
    expect(defaultChoices(sources, sources[0]!)).toEqual({
      name: 'a',
      organization: 'a',
      jobTitle: 'a',
      birthday: 'b',
      note: 'a',
      photo: 'b',
    });
  });
});
