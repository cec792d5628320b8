import { beforeAll, describe, expect, test } from 'vitest';
import { readCardInput } from '../../dav/card-input';
import { applyImport } from './apply-import';
import {
  davChangesSince,
  deleteDavCard,
  getDavBook,
  getDavCards,
  putDavCard,
  type DavCardWrite,
} from './dav';
import { getContact, listContacts } from './read';
import { newOwner, person } from './test-helpers';
import { deleteContactForever, restoreContact } from './trash';
import { updateContact } from './write';

const card3 = (uid: string, fn: string, extra = '') =>
  `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${fn}\r\nN:${fn};;;;\r\n${extra}END:VCARD\r\n`;

async function writeOf(text: string): Promise<DavCardWrite> {
  const input = await readCardInput(Buffer.from(text, 'utf8'));
  if (!input.ok) throw new Error(input.message);
  return input.write;
}

const put = async (owner: string, href: string, text: string, pre = {}) =>
  putDavCard(owner, href, await writeOf(text), pre);

// The first test would otherwise also pay for opening and migrating the database.
beforeAll(() => newOwner('warm-up'));

describe('putDavCard', () => {
  test('stores the text as sent, lists the contact, and refuses stale or duplicate writes', async () => {
    const owner = await newOwner('dav');
    const text = card3(
      'u-1',
      'Ada',
      'X-UNKNOWN;X-P="a:b":keep me\r\nitem1.EMAIL:ada@example.org\r\n',
    );
    const created = await put(owner, 'a.vcf', text, { ifNoneMatch: ['*'] });
    expect(created.status).toBe('created');
    const [stored] = await getDavCards(owner, ['a.vcf']);
    expect(stored?.card).toBe(text);
    expect((await listContacts(owner, {})).contacts.map((c) => c.displayName)).toEqual(['Ada']);

    expect((await put(owner, 'a.vcf', text, { ifNoneMatch: ['*'] })).status).toBe(
      'precondition-failed',
    );
    expect((await put(owner, 'a.vcf', card3('u-1', 'Ada B'), { ifMatch: ['nope'] })).status).toBe(
      'precondition-failed',
    );
    expect((await getDavCards(owner, ['a.vcf']))[0]?.card).toBe(text);
    const etag = created.status === 'created' ? created.etag : '';
    const updated = await put(owner, 'a.vcf', card3('u-1', 'Ada B'), { ifMatch: [etag] });
    expect(updated.status).toBe('updated');

    const conflict = await put(owner, 'b.vcf', card3('u-1', 'Other'));
    expect(conflict).toEqual({ status: 'uid-conflict', href: 'a.vcf' });
  });

  test('a web edit changes the ETag (a phone holding the old one gets a precondition failure) and keeps 3.0 and unknown properties', async () => {
    const owner = await newOwner('dav');
    const created = await put(owner, 'w.vcf', card3('u-w', 'Web', 'X-KEEP:yes\r\n'));
    if (created.status !== 'created') throw new Error(created.status);
    const [row] = await listContacts(owner, {}).then((p) => p.contacts);
    const contact = (await getContact(owner, row!.id))!;
    const saved = await updateContact(owner, contact.id, contact.version, {
      model: { ...contact.model, nickname: 'Webby' },
      rest: contact.rest,
      flags: [],
    });
    expect(saved.status).toBe('saved');
    const [after] = await getDavCards(owner, ['w.vcf']);
    expect(after?.etag).not.toBe(created.etag);
    expect(after?.cardVersion).toBe('3.0');
    expect(after?.card).toContain('VERSION:3.0');
    expect(after?.card).toContain('X-KEEP:yes');
    expect(after?.card).toContain('NICKNAME:Webby');
    const stale = await put(owner, 'w.vcf', card3('u-w', 'Phone'), { ifMatch: [created.etag] });
    expect(stale.status).toBe('precondition-failed');
  });

  test('a card at a trashed contact’s name or UID brings it back instead of failing', async () => {
    const owner = await newOwner('dav');
    await put(owner, 't.vcf', card3('u-t', 'Trashed'));
    expect(await deleteDavCard(owner, 't.vcf', {})).toBe('deleted');
    expect((await getDavBook(owner))?.count).toBe(0);
    expect((await put(owner, 'moved.vcf', card3('u-t', 'Back'))).status).toBe('created');
    expect((await getDavBook(owner))?.count).toBe(1);
    expect(await getDavCards(owner, ['t.vcf'])).toEqual([]);
  });
});

describe('davChangesSince', () => {
  test('reports changes, trashed and deleted cards after a revision, and refuses unknown ones', async () => {
    const owner = await newOwner('dav');
    await put(owner, '1.vcf', card3('u1', 'One'));
    await put(owner, '2.vcf', card3('u2', 'Two'));
    const start = (await davChangesSince(owner, 0))!;
    expect(start.changed.map((c) => c.href).sort()).toEqual(['1.vcf', '2.vcf']);
    expect(start.removed).toEqual([]);

    await put(owner, '3.vcf', card3('u3', 'Three'));
    await deleteDavCard(owner, '1.vcf', {});
    const next = (await davChangesSince(owner, start.revision))!;
    expect(next.changed.map((c) => c.href)).toEqual(['3.vcf']);
    expect(next.removed).toEqual(['1.vcf']);

    const none = (await davChangesSince(owner, next.revision))!;
    expect(none).toEqual({ changed: [], removed: [], revision: next.revision, truncated: false });
    // A revision the book never reached is not a token this server gave.
    expect(await davChangesSince(owner, next.revision + 5)).toBeNull();
  });

  test('a limit ends on a whole revision, and the next request continues without a gap', async () => {
    const owner = await newOwner('dav');
    await put(owner, 'a.vcf', card3('a', 'A'));
    const base = (await davChangesSince(owner, 0))!.revision;
    // One import: five contacts at one revision.
    await applyImport(
      owner,
      ['P', 'Q', 'R', 'S', 'T'].map((n) => ({
        model: person({ given: n, uid: `imp-${n}` }),
        rest: null,
        flags: [],
        photo: null,
      })),
    );
    await put(owner, 'z.vcf', card3('z', 'Z'));
    const first = (await davChangesSince(owner, base, 3))!;
    // The limit falls inside the import's revision: the answer is the whole import, nothing less.
    expect(first.truncated).toBe(true);
    expect(first.changed).toHaveLength(5);
    const second = (await davChangesSince(owner, first.revision, 3))!;
    expect(second.truncated).toBe(false);
    expect(second.changed.map((c) => c.href)).toEqual(['z.vcf']);
  });

  test('a contact deleted forever is reported as removed, and a restored one as changed', async () => {
    const owner = await newOwner('dav');
    await put(owner, 'f.vcf', card3('f', 'Forever'));
    await put(owner, 'r.vcf', card3('r', 'Restored'));
    const ids = new Map(
      (await listContacts(owner, {})).contacts.map((c) => [c.displayName, c.id] as const),
    );
    const since = (await davChangesSince(owner, 0))!.revision;
    await deleteDavCard(owner, 'f.vcf', {});
    await deleteDavCard(owner, 'r.vcf', {});
    expect(await deleteContactForever(owner, ids.get('Forever')!)).toBe(true);
    expect(await restoreContact(owner, ids.get('Restored')!)).toBe(true);
    const changes = (await davChangesSince(owner, since))!;
    expect(changes.removed).toEqual(['f.vcf']);
    expect(changes.changed.map((c) => c.href)).toEqual(['r.vcf']);
  });
});
