/**
 * The DAV:sync-collection REPORT (RFC 6578): the initial sync, incremental syncs after adds,
 * edits and deletions (by DAV and by the web app, trash and delete-forever), invalid tokens,
 * DAV:limit truncation with a token that continues, and the Depth rule.
 */
import { describe, expect, it } from 'vitest';
import {
  createContact,
  deleteContactForever,
  restoreContact,
  trashContact,
} from '../contacts/store';
import { write } from '../contacts/store/test-helpers';
import {
  NS,
  STRONG_ETAG,
  cardName,
  client,
  errorConditions,
  multistatus,
  newDavUser,
  okProp,
  syncBody,
  textOf,
  startDavServer,
  vcard,
  type DavUser,
  type MultiStatus,
} from './test-support';

const server = startDavServer();

async function sync(user: DavUser, token: string, limit?: number) {
  const res = await client(server, user).report(user.book, syncBody(token, { limit }));
  return res;
}

async function sync207(user: DavUser, token: string, limit?: number): Promise<MultiStatus> {
  const res = await sync(user, token, limit);
  expect(res.status, res.text).toBe(207);
  return multistatus(res.text);
}

/** RFC 6578 §3.2: the members in a response, the collection's own (truncation) one excluded. */
const members = (user: DavUser, ms: MultiStatus) =>
  ms.responses.filter((r) => r.href.replace(/\/$/, '') !== user.book.replace(/\/$/, ''));

/** The members as href → etag, or 404 for removed ones, checking RFC 6578 §3.2's shapes. */
function changes(user: DavUser, ms: MultiStatus): Map<string, string | 404> {
  const out = new Map<string, string | 404>();
  for (const r of members(user, ms)) {
    // "A given member URL MUST appear only once in the response."
    expect(out.has(r.href), `${r.href} twice`).toBe(false);
    if (r.status !== undefined) {
      // Removed: "one DAV:status with a value set to '404 Not Found' and MUST NOT contain any
      // DAV:propstat element".
      expect(r.status).toBe(404);
      expect(r.propstats).toHaveLength(0);
      out.set(r.href, 404);
    } else {
      // Changed: "at least one DAV:propstat element and MUST NOT contain any DAV:status".
      const etag = textOf(okProp(r, NS.D, 'getetag'));
      expect(etag).toMatch(STRONG_ETAG);
      out.set(r.href, etag);
    }
  }
  return out;
}

const tokenOf = (ms: MultiStatus) => {
  expect(ms.syncToken).toBeTruthy();
  // §3.2 / §4: the token is a URI.
  expect(() => new URL(ms.syncToken!)).not.toThrow();
  return ms.syncToken!;
};

describe('initial sync (empty DAV:sync-token)', () => {
  it('lists every live card, DAV- and web-made, with the ETag GET gives, and a token', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const a = cardName('a');
    const b = cardName('b');
    for (const n of [a, b]) expect((await c.put(user.book + n, vcard())).status).toBe(201);
    const web = await createContact(user.id, write({ given: 'From', family: 'Web' }));
    const trashed = await createContact(user.id, write({ given: 'In', family: 'Trash' }));
    expect(await trashContact(user.id, trashed.id)).toBe(true);

    const ms = await sync207(user, '');
    tokenOf(ms);
    const got = changes(user, ms);
    // A first sync reports no removals (§3.4: the initial result lists members only).
    expect([...got.keys()].sort()).toEqual(
      [user.book + a, user.book + b, `${user.book}${web.id}.vcf`].sort(),
    );
    for (const [href, etag] of got) expect((await c.get(href)).header('etag')).toBe(etag);
  });

  it('an empty address book gives no members and a token', async () => {
    const user = await newDavUser();
    const ms = await sync207(user, '');
    expect(members(user, ms)).toHaveLength(0);
    tokenOf(ms);
  });
});

describe('incremental sync', () => {
  it('reports adds, edits and DAV deletions (404) since the token, and nothing else', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const [keep, edit, gone, added] = ['keep', 'edit', 'gone', 'added'].map((s) => cardName(s));
    const editUid = `urn:uuid:edit-${edit}`;
    for (const n of [keep, edit, gone])
      expect(
        (await c.put(user.book + n, n === edit ? vcard({ uid: editUid }) : vcard())).status,
      ).toBe(201);
    const t0 = tokenOf(await sync207(user, ''));

    expect((await c.put(user.book + added, vcard())).status).toBe(201);
    expect([200, 204]).toContain(
      (await c.put(user.book + edit, vcard({ uid: editUid, fn: 'Edited' }))).status,
    );
    expect([200, 204]).toContain((await c.del(user.book + gone)).status);

    const ms = await sync207(user, t0);
    const t1 = tokenOf(ms);
    expect(t1).not.toBe(t0);
    const got = changes(user, ms);
    expect(new Set(got.keys())).toEqual(
      new Set([user.book + added, user.book + edit, user.book + gone]),
    );
    expect(got.get(user.book + gone)).toBe(404);
    expect(got.get(user.book + edit)).toBe((await c.get(user.book + edit)).header('etag'));

    // Nothing changed since t1: no members.
    const again = await sync207(user, t1);
    expect(members(user, again)).toHaveLength(0);
  });

  it('web-side trash and delete-forever are 404 members; a restore brings the card back', async () => {
    const user = await newDavUser();
    const trashed = await createContact(user.id, write({ given: 'To', family: 'Trash' }));
    const forever = await createContact(user.id, write({ given: 'For', family: 'Ever' }));
    const t0 = tokenOf(await sync207(user, ''));
    expect(await trashContact(user.id, trashed.id)).toBe(true);
    expect(await trashContact(user.id, forever.id)).toBe(true);
    expect(await deleteContactForever(user.id, forever.id)).toBe(true);

    const ms = await sync207(user, t0);
    const got = changes(user, ms);
    expect(got.get(`${user.book}${trashed.id}.vcf`)).toBe(404);
    expect(got.get(`${user.book}${forever.id}.vcf`)).toBe(404);
    const t1 = tokenOf(ms);

    expect(await restoreContact(user.id, trashed.id)).toBe(true);
    const back = changes(user, await sync207(user, t1));
    expect(back.get(`${user.book}${trashed.id}.vcf`)).toMatch(STRONG_ETAG);
  });

  it('a card added and deleted between two syncs is reported removed or not at all, never live', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const t0 = tokenOf(await sync207(user, ''));
    const name = cardName('flash');
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    expect([200, 204]).toContain((await c.del(user.book + name)).status);
    const got = changes(user, await sync207(user, t0));
    expect([undefined, 404]).toContain(got.get(user.book + name));
  });
});

describe('properties in a sync', () => {
  it('address-data can be asked for with getetag: each changed member carries its card', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const card = vcard({ fn: 'Synced Data' });
    expect((await c.put(user.book + name, card)).status).toBe(201);
    const res = await c.report(user.book, syncBody('', { props: ['D:getetag', 'C:address-data'] }));
    expect(res.status).toBe(207);
    const r = members(user, multistatus(res.text)).find((m) => m.href === user.book + name)!;
    expect(r).toBeTruthy();
    const lf = (s: string) => s.replace(/\r\n/g, '\n');
    expect(lf(okProp(r, NS.C, 'address-data').textContent ?? '')).toBe(lf(card));
  });
});

describe('invalid tokens (RFC 6578 §3.2 DAV:valid-sync-token)', () => {
  it('a token this server never issued → 403 with DAV:valid-sync-token', async () => {
    const user = await newDavUser();
    for (const token of ['http://example.com/ns/sync/1234', 'not a uri at all', 'data:,12']) {
      const res = await sync(user, token);
      expect(res.status, token).toBe(403);
      expect(errorConditions(res.text), token).toContain('{DAV:}valid-sync-token');
    }
  });

  // The token must be one "previously returned by the server for the collection targeted by the
  // request-URI". Another user's token, taken after more changes than this book has had, accepted
  // here would make a client skip this book's next changes (a per-user counter reading "57" when
  // this book is at 3): refused, as Radicale and sabre refuse another collection's token.
  it("another user's token → 403 with DAV:valid-sync-token", async () => {
    const busy = await newDavUser();
    const quiet = await newDavUser();
    const cb = client(server, busy);
    for (let i = 0; i < 5; i++)
      expect((await cb.put(busy.book + cardName(), vcard())).status).toBe(201);
    const busyToken = tokenOf(await sync207(busy, ''));
    tokenOf(await sync207(quiet, ''));
    const res = await sync(quiet, busyToken);
    expect(res.status).toBe(403);
    expect(errorConditions(res.text)).toContain('{DAV:}valid-sync-token');
  });
});

describe('DAV:limit and truncation (RFC 6578 §3.6, §3.7)', () => {
  it('limit 2 with 3 changes: ≤2 members, a 507 for the collection, and a token that continues', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const t0 = tokenOf(await sync207(user, ''));
    const names = ['one', 'two', 'three'].map((s) => cardName(s));
    for (const n of names) expect((await c.put(user.book + n, vcard())).status).toBe(201);

    const first = await sync207(user, t0, 2);
    const page1 = changes(user, first);
    expect(page1.size).toBeGreaterThan(0);
    expect(page1.size).toBeLessThanOrEqual(2);
    const marker = first.responses.filter(
      (r) => r.href.replace(/\/$/, '') === user.book.replace(/\/$/, ''),
    );
    expect(marker).toHaveLength(1);
    expect(marker[0]!.status).toBe(507);
    const t1 = tokenOf(first);
    expect(t1).not.toBe(t0);

    // Continue without a limit until no truncation: every change arrives exactly once overall.
    const seen = new Set(page1.keys());
    let token = t1;
    for (let round = 0; round < 5; round++) {
      const next = await sync207(user, token);
      for (const href of changes(user, next).keys()) seen.add(href);
      token = tokenOf(next);
      const truncated = next.responses.some((r) => r.status === 507);
      if (!truncated) break;
    }
    expect(seen).toEqual(new Set(names.map((n) => user.book + n)));
  });

  it('a limit on the initial sync pages through everything, or is refused as §3.7 allows', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const names = ['p', 'q', 'r'].map((s) => cardName(s));
    for (const n of names) expect((await c.put(user.book + n, vcard())).status).toBe(201);
    const res = await sync(user, '', 1);
    if (res.status === 507) {
      // sabre: "cannot honour the limit" → 507 with DAV:number-of-matches-within-limits.
      expect(errorConditions(res.text)).toContain('{DAV:}number-of-matches-within-limits');
      return;
    }
    expect(res.status).toBe(207);
    let ms = multistatus(res.text);
    const seen = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const page = changes(user, ms);
      expect(page.size).toBeLessThanOrEqual(1);
      for (const href of page.keys()) seen.add(href);
      if (!ms.responses.some((r) => r.status === 507)) break;
      ms = await sync207(user, tokenOf(ms), 1);
    }
    expect(seen).toEqual(new Set(names.map((n) => user.book + n)));
  });
});

describe('request shape', () => {
  it('Depth other than 0 → 400 (RFC 6578 §3.2: "only defined when the Depth header has value 0")', async () => {
    const user = await newDavUser();
    const res = await client(server, user).report(user.book, syncBody(''), '1');
    // The RFC says 400; sabre answers 403 ("only implemented on depth: 0"). Either refuses.
    expect([400, 403]).toContain(res.status);
  });

  it('sync-collection on a card, not a collection → 403 DAV:supported-report, or 4xx', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    const res = await c.report(user.book + name, syncBody(''));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
