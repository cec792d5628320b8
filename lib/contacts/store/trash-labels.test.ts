import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, contactTombstones } from '../../db/schema';
import {
  applyImport,
  countContacts,
  createContact,
  createLabel,
  deleteContactForever,
  deleteLabel,
  emptyTrash,
  getContact,
  getNameOrder,
  listContacts,
  listFavourites,
  listLabels,
  listTrash,
  purgeExpiredTrash,
  renameLabel,
  restoreContact,
  setFavourite,
  setNameOrder,
  trashContact,
} from './index';
import { readCard } from '../vcard/read';
import { restFromExtras } from '../vcard/rest';
import { newOwner, person, write } from './test-helpers';

async function tombstones(ownerId: string) {
  const db = await getDb();
  return db.select().from(contactTombstones).where(eq(contactTombstones.ownerId, ownerId));
}

const given = (page: { contacts: { displayName: string }[] }) =>
  page.contacts.map((c) => c.displayName.split(' ')[0]);

// Opening the database (initdb and migrations) belongs in a hook, with the hooks' longer timeout.
beforeAll(() => getDb());

describe('Trash', () => {
  it('trash, restore, delete forever (trashed only) and empty, leaving tombstones', async () => {
    const owner = await newOwner('trash');
    const other = await newOwner('trash_other');
    const a = await createContact(owner, write({ given: 'Anna' }));
    const b = await createContact(owner, write({ given: 'Bert' }));
    const c = await createContact(owner, write({ given: 'Carl' }));
    expect(await deleteContactForever(owner, a.id)).toBe(false); // live: Trash first
    expect(await trashContact(owner, a.id)).toBe(true);
    expect(await trashContact(owner, b.id)).toBe(true);
    expect(await countContacts(owner)).toBe(1);
    expect(given(await listContacts(owner))).toEqual(['Carl']);
    expect(given(await listTrash(owner))).toEqual(['Bert', 'Anna']);
    expect(await restoreContact(other, a.id)).toBe(false);
    expect(await deleteContactForever(other, a.id)).toBe(false);

    expect(await restoreContact(owner, a.id)).toBe(true);
    expect(await restoreContact(owner, a.id)).toBe(false);
    expect(await countContacts(owner)).toBe(2);
    expect((await getContact(owner, a.id))?.model.name.given).toBe('Anna');

    expect(await deleteContactForever(owner, b.id)).toBe(true);
    expect(await getContact(owner, b.id, { includeTrashed: true })).toBeUndefined();
    expect((await tombstones(owner)).map((t) => t.uid)).toEqual([b.uid]);
    expect(await countContacts(owner)).toBe(2);

    await trashContact(owner, c.id);
    expect(await emptyTrash(owner)).toBe(1);
    expect((await listTrash(owner)).contacts).toEqual([]);
    expect((await tombstones(owner)).map((t) => t.href).sort()).toEqual(
      [`${b.id}.vcf`, `${c.id}.vcf`].sort(),
    );
  });

  it('purges contacts trashed more than 30 days ago, for every owner', async () => {
    const owner = await newOwner('purge');
    const old = await createContact(owner, write({ given: 'Old' }));
    const recent = await createContact(owner, write({ given: 'Recent' }));
    await trashContact(owner, old.id);
    await trashContact(owner, recent.id);
    const db = await getDb();
    await db
      .update(contacts)
      .set({ deletedAt: new Date(Date.now() - 31 * 86_400_000) })
      .where(and(eq(contacts.ownerId, owner), eq(contacts.id, old.id)));
    expect(await purgeExpiredTrash()).toBeGreaterThanOrEqual(1);
    expect(given(await listTrash(owner))).toEqual(['Recent']);
    expect((await tombstones(owner)).map((t) => t.uid)).toEqual([old.uid]);
  });
});

describe('labels', () => {
  let owner = '';
  beforeAll(async () => {
    owner = await newOwner('labels');
  });

  it('lists the labels cards use and empty ones, with live counts', async () => {
    await createContact(owner, write({ given: 'Fay', labels: ['Friends', 'Work'] }));
    const gone = await createContact(owner, write({ given: 'Gus', labels: ['friends'] }));
    await trashContact(owner, gone.id);
    expect(await createLabel(owner, 'Empty')).toEqual({ ok: true });
    expect(await createLabel(owner, 'EMPTY')).toMatchObject({ ok: false });
    expect(await createLabel(owner, '  ')).toMatchObject({ ok: false });
    expect(await listLabels(owner)).toEqual([
      { key: 'empty', name: 'Empty', count: 0 },
      { key: 'friends', name: 'Friends', count: 1 },
      { key: 'work', name: 'Work', count: 1 },
    ]);
    expect(given(await listContacts(owner, { label: 'friends' }))).toEqual(['Fay']);
  });

  it("counts only the owner's contacts for a label another user also has", async () => {
    const stranger = await newOwner('labels_stranger');
    await createContact(stranger, write({ given: 'Zed', labels: ['Friends'] }));
    await createContact(stranger, write({ given: 'Zoe', labels: ['Friends'] }));
    const friends = (await listLabels(owner)).find((l) => l.key === 'friends');
    expect(friends?.count).toBe(1);
    expect((await listLabels(stranger)).find((l) => l.key === 'friends')?.count).toBe(2);
  });

  it('rename and delete rewrite CATEGORIES in every card that has the label', async () => {
    const hal = await createContact(owner, write({ given: 'Hal', labels: ['Club', 'Other'] }));
    expect(await renameLabel(owner, 'club', 'Work')).toMatchObject({ ok: false });
    expect(await renameLabel(owner, 'club', 'Chess club')).toEqual({ ok: true });
    const renamed = await getContact(owner, hal.id);
    expect(renamed?.model.labels).toEqual(['Other', 'Chess club']);
    expect(renamed?.card).toMatch(/\r\nCATEGORIES:Other,Chess club\r\n/);
    expect(renamed?.version).toBe(2);
    expect(given(await listContacts(owner, { label: 'chess club' }))).toEqual(['Hal']);
    expect(await deleteLabel(owner, 'chess club')).toEqual({ ok: true });
    expect((await getContact(owner, hal.id))?.model.labels).toEqual(['Other']);
    expect((await listContacts(owner, { label: 'chess club' })).contacts).toEqual([]);
    expect((await listLabels(owner)).map((l) => l.key)).not.toContain('chess club');
    expect(await deleteLabel(owner, 'chess club')).toMatchObject({ ok: false });
  });
});

describe('favourites and name order', () => {
  it('puts favourites first in the unfiltered name list, and keeps the star in the card', async () => {
    const owner = await newOwner('fav');
    for (const [g, f] of [
      ['Ada', 'Zeta'],
      ['Bob', 'Young'],
      ['Cy', 'Xu'],
    ])
      await createContact(owner, write({ given: g, family: f }));
    const cy = (await listContacts(owner, { q: 'cy' })).contacts[0]!;
    expect(await setFavourite(owner, cy.id, true)).toBe(true);
    expect((await getContact(owner, cy.id))?.model.favourite).toBe(true);
    expect(given(await listContacts(owner))).toEqual(['Cy', 'Bob', 'Ada']);
    expect(given(await listContacts(owner, { nameOrder: 'first' }))).toEqual(['Cy', 'Ada', 'Bob']);
    expect(given(await listContacts(owner, { favourites: true }))).toEqual(['Cy']);
    expect(given({ contacts: await listFavourites(owner) })).toEqual(['Cy']);
    // A search lists by name only.
    expect(given(await listContacts(owner, { q: 'y' }))).toEqual(['Cy', 'Bob']);

    expect(await getNameOrder(owner)).toBe('last');
    await setNameOrder(owner, 'first');
    expect(await getNameOrder(owner)).toBe('first');
    expect(given(await listContacts(owner))).toEqual(['Cy', 'Ada', 'Bob']);
    expect(await setFavourite(owner, cy.id, false)).toBe(true);
    expect(given(await listContacts(owner))).toEqual(['Ada', 'Bob', 'Cy']);
  });

  it('pages across the favourites and the rest without a gap or a repeat', async () => {
    const owner = await newOwner('favpage');
    const cards = Array.from({ length: 60 }, (_, i) => ({
      model: person({ given: `P${String(i).padStart(2, '0')}`, favourite: i % 2 === 0 }),
      rest: null,
      flags: [],
      photo: null,
    }));
    await applyImport(owner, cards);
    const seen = [];
    for (const page of [1, 2, 3]) seen.push(...given(await listContacts(owner, { page })));
    const evens = cards.map((c) => c.model.name.given).filter((_, i) => i % 2 === 0);
    const odds = cards.map((c) => c.model.name.given).filter((_, i) => i % 2 === 1);
    expect(seen).toEqual([...evens, ...odds]);
  });
});

describe('applyImport by UID', () => {
  it('adds, updates, leaves unchanged and restores from Trash', async () => {
    const owner = await newOwner('import');
    const card = (uid: string, g: string, extra = {}) => ({
      model: person({ uid, given: g, ...extra }),
      rest: null,
      flags: [],
      photo: null,
    });
    expect(
      await applyImport(owner, [card('u1', 'One'), card('u2', 'Two'), card('u3', 'Three')]),
    ).toEqual({ added: 3, updated: 0, unchanged: 0, restored: 0 });
    const three = (await listContacts(owner, { q: 'three' })).contacts[0]!;
    await trashContact(owner, three.id);
    expect(
      await applyImport(owner, [
        card('u1', 'One'),
        card('u2', 'Two', { emails: ['two@example.com'] }),
        card('u3', 'Three'),
        card('u4', 'Four'),
        card('', 'No uid'),
      ]),
    ).toEqual({ added: 2, updated: 1, unchanged: 1, restored: 1 });
    expect(await countContacts(owner)).toBe(5);
    expect((await getContact(owner, three.id))?.deletedAt).toBeNull();
    // A UID twice in one file: the second card is added as its own contact, nothing is lost.
    expect(await applyImport(owner, [card('u9', 'Nine'), card('u9', 'Nine again')])).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      restored: 0,
    });
  });

  it('a CSV row updating a card keeps the properties the row cannot carry', async () => {
    const owner = await newOwner('import_partial');
    const stored = readCard(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u-csv\r\nFN:Ida\r\nN:;Ida;;;\r\n' +
        'GEO:geo:52.1,4.3\r\nitem1.X-ABLabel:Kept\r\nX-PET:Rex\r\nEND:VCARD\r\n',
    );
    await applyImport(owner, [{ model: stored.model, rest: stored.rest, flags: [], photo: null }]);
    const row = { ...stored.model, note: 'from the spreadsheet' };
    const extras = restFromExtras([{ name: 'Shoe size', value: '44' }]);
    expect(
      await applyImport(owner, [
        { model: row, rest: extras, flags: [], photo: null, partial: true },
      ]),
    ).toMatchObject({ updated: 1 });
    const { contacts: found } = await listContacts(owner, { q: 'ida' });
    const card = (await getContact(owner, found[0]!.id))!.card;
    expect(card).toContain('GEO:geo:52.1,4.3');
    expect(card).toContain('X-PET:Rex');
    expect(card).toContain('item1.X-ABLabel:Kept');
    expect(card).toContain('Shoe size');
    expect(card).toContain('NOTE:from the spreadsheet');
  });
});
