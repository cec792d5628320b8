import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { users } from '../../db/schema';
import {
  countContacts,
  createContact,
  getContact,
  iterateCards,
  listContacts,
  listRecentContacts,
  listUpcomingBirthdays,
  PAGE_SIZE,
  trashContact,
  updateContact,
  applyImport,
  getContactPhoto,
} from './index';
import { newOwner, person, write } from './test-helpers';

async function syncRevision(ownerId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ r: users.syncRevision }).from(users).where(eq(users.id, ownerId));
  return row!.r;
}

let owner = '';
let other = '';
beforeAll(async () => {
  owner = await newOwner();
  other = await newOwner('other');
});

describe('writing contacts', () => {
  it('create, get, update and trash, keeping the count and the sync revision in step', async () => {
    const before = await countContacts(owner);
    const rev0 = await syncRevision(owner);
    const ada = await createContact(owner, write({ given: 'Ada', family: 'Lovelace' }));
    expect(ada.version).toBe(1);
    expect(ada.uid).toBe(`urn:uuid:${ada.id}`);
    expect(ada.model.name.given).toBe('Ada');
    expect(ada.card).toContain('BEGIN:VCARD');
    expect(await countContacts(owner)).toBe(before + 1);
    expect(await syncRevision(owner)).toBe(rev0 + 1);

    const saved = await updateContact(owner, ada.id, 1, write({ given: 'Ada', family: 'King' }));
    expect(saved.status).toBe('saved');
    if (saved.status !== 'saved') return;
    expect(saved.contact.version).toBe(2);
    expect(saved.contact.uid).toBe(ada.uid);
    expect(saved.contact.model.name.family).toBe('King');
    expect(await syncRevision(owner)).toBe(rev0 + 2);

    expect(await trashContact(owner, ada.id)).toBe(true);
    expect(await trashContact(owner, ada.id)).toBe(false);
    expect(await getContact(owner, ada.id)).toBeUndefined();
    expect((await getContact(owner, ada.id, { includeTrashed: true }))?.deletedAt).toBeInstanceOf(
      Date,
    );
    expect(await countContacts(owner)).toBe(before);
    expect(await syncRevision(owner)).toBe(rev0 + 3);
  });

  it('keeps a UID from the card, unless the owner already has it', async () => {
    const a = await createContact(owner, write({ given: 'Kept', uid: 'urn:uuid:kept-1' }));
    expect(a.uid).toBe('urn:uuid:kept-1');
    const b = await createContact(owner, write({ given: 'Clash', uid: 'urn:uuid:kept-1' }));
    expect(b.uid).not.toBe('urn:uuid:kept-1');
    // Another owner may hold the same UID.
    const c = await createContact(other, write({ given: 'Theirs', uid: 'urn:uuid:kept-1' }));
    expect(c.uid).toBe('urn:uuid:kept-1');
  });

  it("never reads or changes another owner's contact", async () => {
    const mine = await createContact(owner, write({ given: 'Mine' }));
    const otherCount = await countContacts(other);
    expect(await getContact(other, mine.id)).toBeUndefined();
    expect(await updateContact(other, mine.id, 1, write({ given: 'Stolen' }))).toEqual({
      status: 'not-found',
    });
    expect(await trashContact(other, mine.id)).toBe(false);
    expect((await listContacts(other, { q: 'mine' })).contacts).toEqual([]);
    expect(await getContactPhoto(other, mine.id)).toBeUndefined();
    expect(await countContacts(other)).toBe(otherCount);
    expect((await getContact(owner, mine.id))?.version).toBe(1);
  });

  it('treats malformed ids as missing', async () => {
    expect(await getContact(owner, 'not-a-uuid')).toBeUndefined();
    expect(await getContact(owner, "' or 1=1 --")).toBeUndefined();
    expect(await trashContact(owner, '123')).toBe(false);
    expect(await updateContact(owner, 'x', 1, write({ given: 'X' }))).toEqual({
      status: 'not-found',
    });
  });

  it('refuses an edit made from a stale version and returns the current contact', async () => {
    const c = await createContact(owner, write({ given: 'Grace', family: 'Hopper' }));
    expect(
      (await updateContact(owner, c.id, 1, write({ given: 'Grace', family: 'B' }))).status,
    ).toBe('saved');
    const stale = await updateContact(owner, c.id, 1, write({ given: 'Overwritten' }));
    expect(
      stale.status === 'conflict' && [stale.current.model.name.family, stale.current.version],
    ).toEqual(['B', 2]);
    expect((await updateContact(owner, c.id, 2, write({ given: 'Overwritten' }))).status).toBe(
      'saved',
    );
  });

  it('stores, keeps and removes the photo rendition', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const etag = createHash('sha256').update(bytes).digest('hex');
    const photo = { mime: 'image/jpeg' as const, bytes, etag };
    const c = await createContact(owner, { ...write({ given: 'Pic' }), photo });
    expect(c.photoEtag).toBe(etag);
    expect((await getContactPhoto(owner, c.id))?.bytes).toEqual(bytes);
    const kept = await updateContact(owner, c.id, 1, write({ given: 'Pic', family: 'Kept' }));
    expect(kept.status === 'saved' && kept.contact.photoEtag).toBe(etag);
    expect(await getContactPhoto(owner, c.id)).toMatchObject({ mime: 'image/jpeg', etag });
    const removed = await updateContact(owner, c.id, 2, {
      ...write({ given: 'Pic' }),
      photo: null,
    });
    expect(removed.status === 'saved' && removed.contact.photoEtag).toBeNull();
    expect(await getContactPhoto(owner, c.id)).toBeUndefined();
  });
});

describe('listing and searching', () => {
  let user = '';
  beforeAll(async () => {
    user = await newOwner('lister');
    await applyImport(
      user,
      [
        person({
          given: 'Zoë',
          family: 'Ångström',
          emails: ['zoe@example.org'],
          birthday: '1990-01-05',
        }),
        person({
          given: 'Ada',
          family: 'Lovelace',
          phones: ['+1 213 373 4253'],
          birthday: '1985-12-10',
        }),
        person({
          given: 'Grace',
          family: 'Hopper',
          phones: ['+44 20 7946 0958'],
          organization: 'Navy',
        }),
        person({ given: '100%', family: 'Under_score', nickname: 'Percent' }),
        person({ given: 'Alan', family: 'Lovelace', birthday: '--12-10' }),
      ].map((model) => ({ model, rest: null, flags: [], photo: null })),
    );
  });

  const names = (page: { contacts: { displayName: string }[] }) =>
    page.contacts.map((c) => c.displayName.split(' ')[0]);

  it('sorts by last or first name, by birthday (none last), and newest first', async () => {
    expect(names(await listContacts(user))).toEqual(['Zoë', 'Grace', 'Ada', 'Alan', '100%']);
    expect(names(await listContacts(user, { nameOrder: 'first' }))).toEqual([
      '100%',
      'Ada',
      'Alan',
      'Grace',
      'Zoë',
    ]);
    // By next birthday from today (only Date is faked: the database's timers keep running).
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
      const june = names(await listContacts(user, { sort: 'birthday' }));
      expect(june.slice(0, 3)).toEqual(['Ada', 'Alan', 'Zoë']);
      expect(june.slice(3).sort()).toEqual(['100%', 'Grace']);
      vi.setSystemTime(new Date('2030-12-20T12:00:00Z'));
      const christmas = names(await listContacts(user, { sort: 'birthday' }));
      expect(christmas.slice(0, 3)).toEqual(['Zoë', 'Ada', 'Alan']);
    } finally {
      vi.useRealTimers();
    }
    expect(names(await listContacts(user, { sort: 'added' }))).toEqual([
      'Alan',
      '100%',
      'Grace',
      'Ada',
      'Zoë',
    ]);
  });

  it('searches every name part, nickname, organisation and email, ignoring case and accents', async () => {
    expect(names(await listContacts(user, { q: 'ANGSTROM' }))).toEqual(['Zoë']);
    expect(names(await listContacts(user, { q: 'zoe' }))).toEqual(['Zoë']);
    expect(names(await listContacts(user, { q: 'lovelace ada' }))).toEqual(['Ada']);
    expect(names(await listContacts(user, { q: 'example.org' }))).toEqual(['Zoë']);
    expect(names(await listContacts(user, { q: 'navy' }))).toEqual(['Grace']);
    expect(names(await listContacts(user, { q: 'percent' }))).toEqual(['100%']);
  });

  it('searches phone numbers however they are written', async () => {
    for (const q of ['213-373-4253', '(213) 373 4253', '+1 213 373 4253', '3734253']) {
      expect(names(await listContacts(user, { q })), q).toEqual(['Ada']);
    }
    // A national spelling of a foreign number matches too.
    expect(names(await listContacts(user, { q: '020 7946 0958' }))).toEqual(['Grace']);
  });

  it('matches wildcards and quotes literally', async () => {
    expect(names(await listContacts(user, { q: '100%' }))).toEqual(['100%']);
    expect(names(await listContacts(user, { q: '_' }))).toEqual(['100%']);
    expect(names(await listContacts(user, { q: "'; drop table contacts; --" }))).toEqual([]);
  });

  it('lists recent contacts and upcoming birthdays (with or without a year) across the new year', async () => {
    expect(names({ contacts: await listRecentContacts(user, 2) })).toEqual(['Alan', '100%']);
    const dec = await listUpcomingBirthdays(user, { today: new Date('2030-12-20T12:00:00Z') });
    expect(names({ contacts: dec })).toEqual(['Zoë']);
    const wrap = await listUpcomingBirthdays(user, {
      today: new Date('2030-12-01T12:00:00Z'),
      days: 40,
    });
    expect(names({ contacts: wrap })).toEqual(['Ada', 'Alan', 'Zoë']);
    expect(wrap.map((c) => c.birthday)).toEqual(['1985-12-10', null, '1990-01-05']);
  });
});

describe('search folding', () => {
  it('finds letters NFKD leaves alone (ø, ł, ß…) typed without them, and CJK as typed', async () => {
    const user = await newOwner('fold');
    for (const [given, family] of [
      ['Søren', 'Østergaard'],
      ['Łukasz', 'Straße'],
      ['太郎', '日本'],
    ])
      await createContact(user, write({ given, family }));
    const found = async (q: string) =>
      (await listContacts(user, { q })).contacts.map((c) => c.displayName);
    expect(await found('ostergaard')).toEqual(['Søren Østergaard']);
    expect(await found('soren')).toEqual(['Søren Østergaard']);
    expect(await found('lukasz strasse')).toEqual(['Łukasz Straße']);
    expect(await found('日本')).toEqual(['太郎 日本']);
  });
});

describe('paging and export', () => {
  it('pages of 25 in a stable order, even when sort keys are equal', async () => {
    const user = await newOwner('pager');
    await applyImport(
      user,
      Array.from({ length: 60 }, () => ({
        model: person({ given: 'Same', family: 'Name' }),
        rest: null,
        flags: [],
        photo: null,
      })),
    );
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = await listContacts(user, { page });
      expect(result.contacts).toHaveLength(page < 3 ? PAGE_SIZE : 10);
      expect(result.hasNext).toBe(page < 3);
      expect(result.hasPrevious).toBe(page > 1);
      seen.push(...result.contacts.map((c) => c.id));
    }
    expect(new Set(seen).size).toBe(60);
    expect(await countContacts(user)).toBe(60);
  });

  it('iterates every live card once, oldest first, across batches', async () => {
    const user = await newOwner('iter');
    const ids = [];
    for (const given of ['One', 'Two', 'Three', 'Four'])
      ids.push((await createContact(user, write({ given }))).id);
    await trashContact(user, ids[2]!);
    const seen = [];
    for await (const c of iterateCards(user, 1)) seen.push(c.model.name.given);
    expect(seen).toEqual(['One', 'Two', 'Four']);
  });
});
