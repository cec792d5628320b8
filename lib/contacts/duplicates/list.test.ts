import { beforeAll, describe, expect, it } from 'vitest';
import { applyImport, createContact } from '../store';
import { newOwner, person, write } from '../store/test-helpers';
import { listDuplicateGroups, MAX_COMPARED } from './list';

let owner = '';
let stranger = '';
beforeAll(async () => {
  owner = await newOwner('dupes');
  stranger = await newOwner('stranger');
});

describe('listing the owner’s likely duplicates', () => {
  it('looks only at the owner’s live contacts', async () => {
    const ada = await createContact(owner, write({ given: 'Ada', emails: ['ada@example.org'] }));
    await createContact(stranger, write({ given: 'Ada', emails: ['ADA@example.org'] }));
    expect((await listDuplicateGroups(owner)).groups).toEqual([]);
    const twin = await createContact(owner, write({ given: 'Ada L', emails: ['Ada@Example.org'] }));
    const { groups } = await listDuplicateGroups(owner);
    expect(groups.map((g) => g.contacts.map((c) => c.id))).toEqual([[ada.id, twin.id]]);
    expect((await listDuplicateGroups(stranger)).groups).toEqual([]);
  });

  it('reads and compares 5,000 stored contacts, and says when there were more', async () => {
    const cards = Array.from({ length: MAX_COMPARED + 1 }, (_, i) => ({
      model: person({
        given: `Given${i}`,
        family: `Family${i % 97}`,
        emails: [`p${i}@example.org`],
        phones: [`+44 7700 9${String(i).padStart(5, '0')}`],
      }),
      rest: null,
      flags: [],
      photo: null,
    }));
    const bulk = await newOwner('bulk');
    await applyImport(bulk, cards);
    const started = performance.now();
    const report = await listDuplicateGroups(bulk);
    const ms = performance.now() - started;
    console.info(`listDuplicateGroups: ${report.compared} stored contacts in ${Math.round(ms)} ms`);
    expect(report).toMatchObject({ compared: MAX_COMPARED, truncated: true, groups: [] });
  }, 300_000);
});
