/**
 * Cards: GET, PUT and DELETE with strong ETags and conditional requests (RFC 9110 §8.8.3, §13.1;
 * RFC 6352 §6.3.2 and §5.1), storage as sent, content negotiation (RFC 6352 §6.3.2.1 / the Accept
 * header), and the version a web edit and a phone edit share (issue 13).
 */
import ICAL from 'ical.js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  createContact,
  deleteContactForever,
  getContact,
  listTrash,
  updateContact,
} from '../contacts/store';
import { write } from '../contacts/store/test-helpers';
import {
  NS,
  STRONG_ETAG,
  cardName,
  client,
  contactIdByHref,
  errorConditions,
  hrefsIn,
  multistatus,
  newDavUser,
  okProp,
  parseXml,
  propfindBody,
  responseFor,
  textOf,
  startDavServer,
  vcard,
} from './test-support';

const server = startDavServer();

/** A card with what the app does not show: X- properties, a group, parameters, a folded line. */
const richCard = (uid: string) =>
  [
    'BEGIN:VCARD',
    'VERSION:3.0',
    'PRODID:-//Example Corp.//Phone 1.0//EN',
    `UID:${uid}`,
    'FN:Ada Lovelace',
    'N:Lovelace;Ada;;;',
    'item1.EMAIL;TYPE=INTERNET:ada@example.org',
    'item1.X-ABLabel:_$!<Other>!$_',
    'X-UNKNOWN-THING;X-PARAM="quoted, value":keep me; exactly\\, as sent',
    'NOTE:A note long enough to be folded by the client that wrote it\\, so the line continues',
    '  on the next one after a space.',
    'X-SOCIALPROFILE;TYPE=mastodon:https://example.social/@ada',
    'END:VCARD',
    '',
  ].join('\r\n');

describe('PUT and GET', () => {
  it('stores a new card as sent: 201, a strong ETag, and GET returns the same bytes', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const card = richCard(`urn:uuid:rich-${name}`);
    const put = await c.put(user.book + name, card, { 'if-none-match': '*' });
    expect(put.status).toBe(201);
    const get = await c.get(user.book + name);
    expect(get.status).toBe(200);
    expect(get.header('content-type')).toMatch(/^text\/vcard\b/);
    expect(get.body.equals(Buffer.from(card))).toBe(true);
    const etag = get.header('etag');
    expect(etag).toMatch(STRONG_ETAG);
    // The card was stored as sent, so the PUT may (and, as sabre and Radicale do, should) give it.
    expect(put.header('etag')).toBe(etag);
  });

  // RFC 6352 §6.3.2.3 / sabre's CardDAV plugin: an ETag in the PUT response promises that a GET
  // returns exactly the bytes sent; a server that changed the card must leave the ETag out, so
  // the client fetches it again. Cards a server may well rewrite:
  it.each([
    ['LF line ends', vcard({ fn: 'Bare LF' }).replace(/\r\n/g, '\n')],
    ['no UID', vcard({ fn: 'No UID' }).replace(/UID:[^\r]*\r\n/, '')],
    ['lower-case names', vcard({ fn: 'Lower' }).replace('BEGIN:VCARD', 'begin:vcard')],
    ['no final line break', vcard({ fn: 'No final CRLF' }).replace(/\r\n$/, '')],
    ['a 4.0 card', vcard({ fn: 'Four', version: '4.0' })],
    [
      'a 2.1 card with quoted-printable',
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Old;Phone\r\nFN;ENCODING=QUOTED-PRINTABLE:Old=20Phone\r\nTEL;CELL:+15550100\r\nEND:VCARD\r\n',
    ],
  ])('an ETag on PUT only when GET gives the bytes sent back (%s)', async (_label, card) => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const put = await c.put(user.book + name, card);
    expect(put.status).toBe(201);
    const get = await c.get(user.book + name);
    expect(get.status).toBe(200);
    expect(get.text).toMatch(/^BEGIN:VCARD/i);
    if (put.header('etag') !== undefined) {
      expect(get.body.equals(Buffer.from(card))).toBe(true);
      expect(get.header('etag')).toBe(put.header('etag'));
    }
  });

  it('a client-chosen name with spaces and non-ASCII letters round-trips (RFC 3986 percent-encoding)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = `Zoë Smith ${Date.now()}.vcf`;
    const path = user.book + encodeURIComponent(name);
    expect((await c.put(path, vcard({ fn: 'Zoë Smith' }))).status).toBe(201);
    expect((await c.get(path)).status).toBe(200);
    const list = await c.propfind(user.book, propfindBody('D:getetag'), '1');
    expect(multistatus(list.text).responses.map((r) => r.href)).toContain(user.book + name);
  });

  it('If-None-Match: * on an existing card → 412 and the card is unchanged (RFC 9110 §13.1.2)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const first = vcard({ fn: 'First' });
    expect((await c.put(user.book + name, first, { 'if-none-match': '*' })).status).toBe(201);
    const again = await c.put(user.book + name, vcard({ fn: 'Second' }), { 'if-none-match': '*' });
    expect(again.status).toBe(412);
    expect((await c.get(user.book + name)).text).toBe(first);
  });

  it('If-Match with the current ETag updates (200/204, a new ETag); a stale one → 412, unchanged', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:if-match-${name}`;
    const v1 = vcard({ uid, fn: 'Version One' });
    expect((await c.put(user.book + name, v1)).status).toBe(201);
    const e1 = (await c.get(user.book + name)).header('etag')!;
    const v2 = vcard({ uid, fn: 'Version Two' });
    const upd = await c.put(user.book + name, v2, { 'if-match': e1 });
    expect([200, 204]).toContain(upd.status);
    const after = await c.get(user.book + name);
    expect(after.text).toBe(v2);
    const e2 = after.header('etag')!;
    expect(e2).toMatch(STRONG_ETAG);
    expect(e2).not.toBe(e1);
    const stale = await c.put(user.book + name, vcard({ uid, fn: 'Lost Update' }), {
      'if-match': e1,
    });
    expect(stale.status).toBe(412);
    const still = await c.get(user.book + name);
    expect(still.text).toBe(v2);
    expect(still.header('etag')).toBe(e2);
  });

  it('If-Match on a card that does not exist → 412, nothing created (RFC 9110 §13.1.1)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const res = await c.put(user.book + name, vcard(), { 'if-match': '"no-such-etag"' });
    expect(res.status).toBe(412);
    expect((await c.get(user.book + name)).status).toBe(404);
  });

  it('GET with If-None-Match of the current ETag → 304', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    const etag = (await c.get(user.book + name)).header('etag')!;
    const res = await c.get(user.book + name, { 'if-none-match': etag });
    expect(res.status).toBe(304);
    expect(res.header('etag')).toBe(etag);
  });

  it('GET of a card that does not exist → 404', async () => {
    const user = await newDavUser();
    expect((await client(server, user).get(user.book + cardName())).status).toBe(404);
  });
});

describe('photos, media types and entity-tag comparison', () => {
  const jpeg = () =>
    sharp({ create: { width: 48, height: 48, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .jpeg()
      .toBuffer();
  /** RFC 6350 §3.2 folding: lines of at most 75 octets, continued after CRLF and one space. */
  const fold = (line: string) => line.match(/.{1,74}/g)!.join('\r\n ');

  it.each(['3.0', '4.0'] as const)(
    'a %s card with an embedded photo and unknown properties comes back byte for byte, with its ETag',
    async (version) => {
      const user = await newDavUser();
      const c = client(server, user);
      const b64 = (await jpeg()).toString('base64');
      const photo =
        version === '3.0'
          ? `PHOTO;ENCODING=b;TYPE=JPEG:${b64}`
          : `PHOTO:data:image/jpeg;base64,${b64}`;
      const card = vcard({
        version,
        fn: 'Photo Person',
        extra: [fold(photo), 'X-PHONETIC-FIRST-NAME:Foto', 'X-CUSTOM;X-A=1:value'],
      });
      const name = cardName();
      const put = await c.put(user.book + name, card);
      expect(put.status).toBe(201);
      const get = await c.get(user.book + name);
      expect(get.body.equals(Buffer.from(card))).toBe(true);
      expect(put.header('etag')).toBe(get.header('etag'));
    },
  );

  it.each([
    'text/vcard',
    'text/vcard; charset=utf-8',
    'text/vcard; version=4.0',
    'text/x-vcard',
    'text/directory; profile=vCard',
  ])('a PUT sent as %s is accepted (clients send all of these)', async (type) => {
    const user = await newDavUser();
    const c = client(server, user);
    const res = await c.put(user.book + cardName(), vcard(), { 'content-type': type });
    expect(res.status).toBe(201);
  });

  it('If-Match uses the strong comparison: a weak W/ form of the current ETag → 412 (RFC 9110 §13.1.1)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:weak-${name}`;
    expect((await c.put(user.book + name, vcard({ uid }))).status).toBe(201);
    const etag = (await c.get(user.book + name)).header('etag')!;
    const weak = await c.put(user.book + name, vcard({ uid, fn: 'Weak' }), {
      'if-match': `W/${etag}`,
    });
    expect(weak.status).toBe(412);
  });

  it('If-Match with a list naming the current ETag succeeds; If-None-Match naming it → 412', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:list-${name}`;
    expect((await c.put(user.book + name, vcard({ uid }))).status).toBe(201);
    const etag = (await c.get(user.book + name)).header('etag')!;
    const none = await c.put(user.book + name, vcard({ uid, fn: 'None Match' }), {
      'if-none-match': etag,
    });
    expect(none.status).toBe(412);
    const listed = await c.put(user.book + name, vcard({ uid, fn: 'Listed' }), {
      'if-match': `"not-it", ${etag}`,
    });
    expect([200, 204]).toContain(listed.status);
    expect((await c.get(user.book + name)).text).toContain('FN:Listed');
  });
});

describe('what PUT refuses', () => {
  it('a UID another card already has → 409 with CARDDAV:no-uid-conflict naming it (RFC 6352 §6.3.2.1)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const uid = `urn:uuid:shared-${Date.now()}`;
    const first = cardName('first');
    expect((await c.put(user.book + first, vcard({ uid, fn: 'First' }))).status).toBe(201);
    const second = cardName('second');
    const res = await c.put(user.book + second, vcard({ uid, fn: 'Second' }));
    expect(res.status).toBe(409);
    expect(errorConditions(res.text)).toContain(`{${NS.C}}no-uid-conflict`);
    const hrefs = hrefsIn(parseXml(res.text).documentElement!);
    expect(hrefs).toEqual([user.book + first]);
    expect((await c.get(user.book + second)).status).toBe(404);
  });

  it('a UID that a web-created contact has → 409 as well', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const web = await createContact(user.id, write({ given: 'Web', family: 'Made' }));
    const res = await c.put(user.book + cardName(), vcard({ uid: web.uid, fn: 'Phone Made' }));
    expect(res.status).toBe(409);
    expect(errorConditions(res.text)).toContain(`{${NS.C}}no-uid-conflict`);
  });

  it.each([
    ['plain text', 'hello, this is not a card\r\n'],
    ['an iCalendar object', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n'],
    ['a card with no END', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut\r\n'],
    // RFC 6352 §5.1: an address object resource holds exactly one vCard.
    ['two cards in one body', vcard({ fn: 'One' }) + vcard({ fn: 'Two' })],
    ['an empty body', ''],
  ])('not a vCard (%s) → a clear 4xx and nothing stored', async (_label, body) => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const res = await c.put(user.book + name, body);
    // Radicale answers 400, sabre 415; RFC 6352 §6.3.2.1 allows 403/409 with
    // CARDDAV:valid-address-data. Any of them, never a 2xx or a 500.
    expect([400, 403, 409, 415, 422]).toContain(res.status);
    expect((await c.get(user.book + name)).status).toBe(404);
  });

  it('a card larger than max-resource-size → 413 and nothing stored', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const res0 = await c.propfind(user.book, propfindBody('C:max-resource-size'));
    const max = Number(
      textOf(okProp(responseFor(multistatus(res0.text), user.book), NS.C, 'max-resource-size')),
    );
    expect(max).toBeGreaterThan(0);
    const filler = 'x'.repeat(max);
    const folded = filler.match(/.{1,74}/g)!.join('\r\n ');
    const card = vcard({ fn: 'Too Big', extra: [`NOTE:${folded}`] });
    expect(Buffer.byteLength(card)).toBeGreaterThan(max);
    const name = cardName();
    const res = await c.put(user.book + name, card);
    // Radicale's answer to a body over its limit; RFC 6352's max-resource-size precondition
    // (403) is accepted too when the body says so.
    if (res.status === 403)
      expect(errorConditions(res.text)).toContain(`{${NS.C}}max-resource-size`);
    else expect(res.status).toBe(413);
    expect((await c.get(user.book + name)).status).toBe(404);
  });

  it('a card PUT into a collection that does not exist → 404/409, not created', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const res = await c.put(`${user.home}no-such-book/${cardName()}`, vcard());
    expect([403, 404, 409]).toContain(res.status);
  });
});

describe('DELETE', () => {
  it('a stale If-Match → 412 and the card stays; then DELETE → 204, GET 404, the contact in Trash', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:del-${name}`;
    expect((await c.put(user.book + name, vcard({ uid, fn: 'Doomed' }))).status).toBe(201);
    const e1 = (await c.get(user.book + name)).header('etag')!;
    expect([200, 204]).toContain(
      (await c.put(user.book + name, vcard({ uid, fn: 'Doomed Two' }))).status,
    );
    const id = await contactIdByHref(user.id, name);
    expect(id).toBeTruthy();
    expect((await c.del(user.book + name, { 'if-match': e1 })).status).toBe(412);
    expect((await c.get(user.book + name)).status).toBe(200);
    const del = await c.del(user.book + name);
    expect([200, 204]).toContain(del.status);
    expect((await c.get(user.book + name)).status).toBe(404);
    // Issue 13: a DAV DELETE moves the contact to Trash, where the web app can restore it.
    const trash = await listTrash(user.id);
    expect(trash.contacts.map((t) => t.id)).toContain(id);
    expect((await c.del(user.book + name)).status).toBe(404);
  });
});

// After a DELETE the card is in the web app's Trash, but for DAV it is gone: sync reports it 404.
// Its name and UID must be free again, or a client that deletes and re-adds a contact (or
// restores a backup) is stuck with a conflict pointing at a card it cannot see.
describe("a deleted card's name and UID are free again", () => {
  it('PUT with If-None-Match: * at the name of a deleted card → 201, the new card served', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:again-${name}`;
    expect((await c.put(user.book + name, vcard({ uid, fn: 'Before' }))).status).toBe(201);
    expect([200, 204]).toContain((await c.del(user.book + name)).status);
    const again = vcard({ uid, fn: 'After' });
    const res = await c.put(user.book + name, again, { 'if-none-match': '*' });
    expect(res.status).toBe(201);
    expect((await c.get(user.book + name)).text).toBe(again);
  });

  it("a deleted card's UID under a new name → 201, not no-uid-conflict (RFC 6352 §6.3.2.1: only cards in the collection conflict)", async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const first = cardName('first');
    const uid = `urn:uuid:reuse-${first}`;
    expect((await c.put(user.book + first, vcard({ uid, fn: 'Old' }))).status).toBe(201);
    expect([200, 204]).toContain((await c.del(user.book + first)).status);
    const second = cardName('second');
    const res = await c.put(user.book + second, vcard({ uid, fn: 'New' }));
    expect(res.status).toBe(201);
    expect((await c.get(user.book + second)).status).toBe(200);
  });

  it('the same after the web app deleted the contact forever', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:forever-${name}`;
    expect((await c.put(user.book + name, vcard({ uid, fn: 'Gone' }))).status).toBe(201);
    const id = (await contactIdByHref(user.id, name))!;
    expect([200, 204]).toContain((await c.del(user.book + name)).status);
    expect(await deleteContactForever(user.id, id)).toBe(true);
    expect((await c.put(user.book + name, vcard({ uid, fn: 'Back' }))).status).toBe(201);
  });

  it('a PUT that changes the UID of a card: refused (409/403), or stored as sent when it says so by an ETag', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard({ uid: `urn:uuid:one-${name}` }))).status).toBe(
      201,
    );
    const changed = vcard({ uid: `urn:uuid:two-${name}`, fn: 'Changed UID' });
    const res = await c.put(user.book + name, changed);
    if (res.status === 409 || res.status === 403) {
      expect(errorConditions(res.text)).toContain(`{${NS.C}}no-uid-conflict`);
      return;
    }
    expect([200, 204]).toContain(res.status);
    const get = await c.get(user.book + name);
    if (res.header('etag') !== undefined) expect(get.text).toBe(changed);
  });
});

describe('one version for the web form and the phone', () => {
  it('a web edit changes the ETag; a PUT made from the old ETag gets 412 and does not undo it', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const web = await createContact(user.id, write({ given: 'Grace', family: 'Hopper' }));
    const path = `${user.book}${web.id}.vcf`;
    const before = await c.get(path);
    expect(before.status).toBe(200);
    const e1 = before.header('etag')!;
    expect(e1).toMatch(STRONG_ETAG);

    const current = (await getContact(user.id, web.id))!;
    const saved = await updateContact(user.id, web.id, current.version, {
      model: { ...current.model, nickname: 'Amazing Grace' },
      rest: current.rest,
      flags: current.flags,
    });
    expect(saved.status).toBe('saved');

    const after = await c.get(path);
    expect(after.header('etag')).not.toBe(e1);
    expect(after.text).toContain('Amazing Grace');

    const phone = before.text.replace(/^FN:.*$/m, 'FN:Phone Edit');
    const stale = await c.put(path, phone, { 'if-match': e1 });
    expect(stale.status).toBe(412);
    expect((await c.get(path)).text).toBe(after.text);
  });

  it('a phone edit moves the version on: a web form opened before it is refused', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:shared-version-${name}`;
    expect((await c.put(user.book + name, vcard({ uid, fn: 'Katherine Johnson' }))).status).toBe(
      201,
    );
    const id = (await contactIdByHref(user.id, name))!;
    const opened = (await getContact(user.id, id))!;
    const etag = (await c.get(user.book + name)).header('etag')!;
    const put = await c.put(user.book + name, vcard({ uid, fn: 'Katherine G. Johnson' }), {
      'if-match': etag,
    });
    expect([200, 204]).toContain(put.status);
    const result = await updateContact(user.id, id, opened.version, {
      model: { ...opened.model, nickname: 'Web form' },
      rest: opened.rest,
      flags: opened.flags,
    });
    expect(result.status).toBe('conflict');
    expect((await c.get(user.book + name)).text).toContain('FN:Katherine G. Johnson');
  });
});

describe('races', () => {
  it('two PUTs made from the same ETag at once: one wins, the other gets 412', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:race-${name}`;
    expect((await c.put(user.book + name, vcard({ uid }))).status).toBe(201);
    const etag = (await c.get(user.book + name)).header('etag')!;
    const cards = ['Racer One', 'Racer Two'].map((fn) => vcard({ uid, fn }));
    const results = await Promise.all(
      cards.map((card) => c.put(user.book + name, card, { 'if-match': etag })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((st) => st === 412)).toHaveLength(1);
    expect(statuses.filter((st) => st === 200 || st === 204)).toHaveLength(1);
    const winner = cards[statuses.findIndex((st) => st !== 412)];
    expect((await c.get(user.book + name)).text).toBe(winner);
  });

  it('two PUTs with If-None-Match: * to one new name at once: one 201, one 412, never a 500', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const results = await Promise.all(
      ['First In', 'Second In'].map((fn) =>
        c.put(user.book + name, vcard({ fn }), { 'if-none-match': '*' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
  });

  it('two new cards with one UID at once: one 201, one 409, never a 500', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const uid = `urn:uuid:twin-${Date.now()}`;
    const results = await Promise.all(
      ['twin-a', 'twin-b'].map((stem) => c.put(user.book + cardName(stem), vcard({ uid }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('content negotiation (RFC 6352 §6.3.2.1 address-data versions, via Accept)', () => {
  const versionOf = (text: string) => /^VERSION:(.*)$/m.exec(text)?.[1]?.trim();

  it('a 3.0 card is served as 4.0 when asked, and as stored otherwise', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const uid = `urn:uuid:neg-${name}`;
    const card = vcard({
      uid,
      fn: 'Three Oh',
      email: 'three@example.org',
      tel: '+44 20 7946 0000',
    });
    expect((await c.put(user.book + name, card)).status).toBe(201);
    const as4 = await c.get(user.book + name, { accept: 'text/vcard; version=4.0' });
    expect(as4.status).toBe(200);
    expect(as4.header('content-type')).toMatch(/^text\/vcard\b/);
    expect(versionOf(as4.text)).toBe('4.0');
    expect(as4.text).toContain(uid);
    expect(as4.text).toContain('three@example.org');
    // An independent parser must read it.
    expect(() => ICAL.parse(as4.text)).not.toThrow();
    const plain = await c.get(user.book + name);
    expect(plain.text).toBe(card);
    const as3 = await c.get(user.book + name, { accept: 'text/vcard; version=3.0' });
    expect(as3.text).toBe(card);
  });

  it('a 4.0 card is served as 3.0 when asked (Accept: text/vcard; version=3.0)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const card = vcard({ fn: 'Four Oh', version: '4.0', email: 'four@example.org' });
    expect((await c.put(user.book + name, card)).status).toBe(201);
    const as3 = await c.get(user.book + name, { accept: 'text/vcard; version=3.0' });
    expect(as3.status).toBe(200);
    expect(versionOf(as3.text)).toBe('3.0');
    expect(as3.text).toContain('four@example.org');
    expect(() => ICAL.parse(as3.text)).not.toThrow();
  });

  it('text/x-vcard (older Thunderbird add-ons) gets a card, not 406', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    const res = await c.get(user.book + name, { accept: 'text/x-vcard' });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^BEGIN:VCARD/);
  });
});

// A card listed by depth 1 must be readable by its href: hrefs are how clients address cards.
describe('hrefs', () => {
  it('every href a depth-1 PROPFIND lists can be fetched', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    await createContact(user.id, write({ given: 'Listed', family: 'Web' }));
    expect((await c.put(user.book + cardName(), vcard())).status).toBe(201);
    const res = await c.propfind(user.book, propfindBody('D:getetag'), '1');
    const members = multistatus(res.text).responses.filter((r) => r.href !== user.book);
    expect(members).toHaveLength(2);
    for (const m of members) {
      const path = /^https?:/.test(m.rawHref) ? new URL(m.rawHref).pathname : m.rawHref;
      const get = await c.get(path);
      expect(get.status, m.rawHref).toBe(200);
      expect(get.header('etag')).toBe(textOf(okProp(m, NS.D, 'getetag')));
    }
  });
});
