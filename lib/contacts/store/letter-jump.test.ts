import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { letterOf, sortKeyOf } from '../../../app/(app)/contacts/letter';
import {
  createContact,
  findLetterJump,
  listContacts,
  trashContact,
  type ContactListItem,
  type NameOrder,
} from './index';
import { newOwner, write, type Person } from './test-helpers';

beforeAll(() => getDb());

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];

/** Every page of the list, in its order, as the list page shows it. */
async function wholeList(owner: string, order: NameOrder, label?: string) {
  const rows: ContactListItem[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listContacts(owner, { page, nameOrder: order, label });
    rows.push(...result.contacts);
    if (!result.hasNext) return rows;
  }
}

/** A name for each of 70 people: most letters, some twice, digits, Greek, accents. */
function people(): Person[] {
  const given = ['Ada', 'Ömer', 'Zoë', '42', 'Élodie', 'Ωmega', 'bob', 'Carl', 'Mia', 'Quinn'];
  const family = ['Yates', 'Ångström', 'Brown', '007', 'Young', 'Δelta', 'west', 'Kim', 'Hart'];
  return Array.from({ length: 70 }, (_, i) => ({
    given: given[i % given.length],
    family: family[(i * 7) % family.length],
    favourite: i % 9 === 0,
    labels: i % 2 ? ['Odd'] : [],
  }));
}

describe('findLetterJump', () => {
  it('finds, for every letter and both orders, the first row filed at or after it in the list', async () => {
    const owner = await newOwner();
    const stranger = await newOwner();
    for (const p of people()) await createContact(owner, write(p));
    const gone = await createContact(owner, write({ given: 'Aaron', family: 'Aardvark' }));
    await trashContact(owner, gone.id);
    await createContact(stranger, write({ given: 'Aaa', family: 'Aaa' }));

    for (const order of ['first', 'last'] as const) {
      for (const label of [undefined, 'Odd']) {
        const list = await wholeList(owner, order, label);
        // The unfiltered list starts with the favourites; a jump lands among everyone after them.
        const start = label ? 0 : list.filter((c) => c.favourite).length;
        const letters = list.map((c) => letterOf(c, order));
        const keys = list.map((c) => sortKeyOf(c, order));
        for (const letter of LETTERS) {
          // "#": the first name filed under no letter; a letter: the first row at or after it
          // (a name in another script, after "z", when no later letter has anyone).
          const want =
            letter === '#'
              ? letters.findIndex((l, i) => i >= start && l === '#')
              : keys.findIndex((k, i) => i >= start && k >= letter.toLowerCase());
          const found = await findLetterJump(owner, { label }, order, letter);
          const where = `${order} name, label ${label ?? 'none'}, letter ${letter}`;
          if (want === -1) {
            expect(found, where).toBeNull();
            continue;
          }
          expect(found?.index, where).toBe(want);
          expect(found?.key.startsWith(keys[want]!), where).toBe(true);
        }
      }
    }
  });
});
