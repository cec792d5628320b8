/**
 * PROPFIND and PROPPATCH (RFC 4918 §9.1–9.2) on the principal, the home, the address book and a
 * card, with the properties issue 13 lists: RFC 5397, RFC 6352 §6.2/§7, RFC 6578 §4, RFC 4331
 * (quota), RFC 3744 §5.4 (current-user-privilege-set), RFC 3253 §3.1.5 (supported-report-set), and
 * CalendarServer's getctag (no RFC; macOS Contacts needs it).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createContact, getContact, updateContact } from '../contacts/store';
import { write } from '../contacts/store/test-helpers';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import {
  HTTP_DATE,
  NS,
  STRONG_ETAG,
  cardName,
  children,
  client,
  errorConditions,
  hrefsIn,
  multistatus,
  newDavUser,
  okProp,
  prop,
  propfindBody,
  responseFor,
  textOf,
  startDavServer,
  vcard,
} from './test-support';

const server = startDavServer();

const ALL_BOOK_PROPS = [
  'D:resourcetype',
  'D:displayname',
  'D:current-user-principal',
  'D:sync-token',
  'CS:getctag',
  'D:supported-report-set',
  'C:supported-address-data',
  'D:current-user-privilege-set',
  'C:max-resource-size',
  'D:quota-available-bytes',
  'D:quota-used-bytes',
];

const nonNegativeInteger = /^\d+$/;

describe('PROPFIND on the address book, depth 0', () => {
  it('answers every listed property with 200', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(user.book, propfindBody(...ALL_BOOK_PROPS));
    expect(res.status).toBe(207);
    expect(res.header('content-type')).toMatch(/^(application|text)\/xml\b/);
    const ms = multistatus(res.text);
    // Depth 0: only the collection itself (RFC 4918 §9.1).
    expect(ms.responses).toHaveLength(1);
    const r = responseFor(ms, user.book);

    const rt = okProp(r, NS.D, 'resourcetype');
    expect(children(rt, NS.D, 'collection')).toHaveLength(1);
    expect(children(rt, NS.C, 'addressbook')).toHaveLength(1);
    expect(textOf(okProp(r, NS.D, 'displayname'))).toBe('Contacts');
    expect(hrefsIn(okProp(r, NS.D, 'current-user-principal'))).toEqual([user.principal]);

    // RFC 6578 §4: the sync-token property is a URI.
    const token = textOf(okProp(r, NS.D, 'sync-token'));
    expect(() => new URL(token)).not.toThrow();
    expect(textOf(okProp(r, NS.CS, 'getctag'))).not.toBe('');

    // RFC 3253 §3.1.5: supported-report/report/<name> for each report.
    const reports = Array.from(
      okProp(r, NS.D, 'supported-report-set').getElementsByTagNameNS(NS.D, 'report'),
    ).flatMap((rep) => children(rep).map((e) => `{${e.namespaceURI}}${e.localName}`));
    expect(reports).toEqual(
      expect.arrayContaining([
        '{DAV:}sync-collection',
        `{${NS.C}}addressbook-multiget`,
        `{${NS.C}}addressbook-query`,
      ]),
    );

    // RFC 6352 §6.2.2: address-data-type elements with content-type and version.
    const types = children(
      okProp(r, NS.C, 'supported-address-data'),
      NS.C,
      'address-data-type',
    ).map((e) => `${e.getAttribute('content-type')} ${e.getAttribute('version')}`);
    expect(types).toEqual(expect.arrayContaining(['text/vcard 3.0', 'text/vcard 4.0']));

    // RFC 3744 §5.4: the owner may read and write.
    const privs = Array.from(
      okProp(r, NS.D, 'current-user-privilege-set').getElementsByTagNameNS(NS.D, 'privilege'),
    ).flatMap((p) => children(p).map((e) => e.localName ?? ''));
    expect(privs).toContain('read');
    expect(privs.some((p) => ['write', 'write-content', 'all'].includes(p))).toBe(true);

    // RFC 6352 §6.2.3: a positive integer in octets; the contract sets 5 MiB.
    expect(textOf(okProp(r, NS.C, 'max-resource-size'))).toBe(String(5 * 1024 * 1024));
    expect(textOf(okProp(r, NS.D, 'quota-available-bytes'))).toMatch(nonNegativeInteger);
    expect(textOf(okProp(r, NS.D, 'quota-used-bytes'))).toMatch(nonNegativeInteger);
  });

  it('sync-token and getctag change when a card is added, and quota-used-bytes grows', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const read = async () => {
      const res = await c.propfind(
        user.book,
        propfindBody('D:sync-token', 'CS:getctag', 'D:quota-used-bytes'),
      );
      const r = responseFor(multistatus(res.text), user.book);
      return {
        token: textOf(okProp(r, NS.D, 'sync-token')),
        ctag: textOf(okProp(r, NS.CS, 'getctag')),
        used: Number(textOf(okProp(r, NS.D, 'quota-used-bytes'))),
      };
    };
    const before = await read();
    expect((await c.put(user.book + cardName(), vcard({ fn: 'Quota Filler' }))).status).toBe(201);
    const after = await read();
    expect(after.token).not.toBe(before.token);
    expect(after.ctag).not.toBe(before.ctag);
    expect(after.used).toBeGreaterThan(before.used);
  });

  it('a web-side edit changes sync-token and getctag too (macOS polls getctag)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const web = await createContact(user.id, write({ given: 'Web', family: 'Edited' }));
    const read = async () => {
      const res = await c.propfind(user.book, propfindBody('D:sync-token', 'CS:getctag'));
      const r = responseFor(multistatus(res.text), user.book);
      return [textOf(okProp(r, NS.D, 'sync-token')), textOf(okProp(r, NS.CS, 'getctag'))];
    };
    const before = await read();
    const current = (await getContact(user.id, web.id))!;
    const saved = await updateContact(user.id, web.id, current.version, {
      model: { ...current.model, note: 'changed on the web' },
      rest: current.rest,
      flags: current.flags,
    });
    expect(saved.status).toBe('saved');
    const after = await read();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('answers unknown properties with 404 in their own propstat, inside the 207 (RFC 4918 §9.1)', async () => {
    const user = await newDavUser();
    const body = `<?xml version="1.0"?>
<D:propfind xmlns:D="DAV:" xmlns:X="urn:example:unknown"><D:prop><D:displayname/><X:colour/><D:no-such-dav-property/></D:prop></D:propfind>`;
    const res = await client(server, user).propfind(user.book, body);
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book);
    expect(prop(r, NS.D, 'displayname')?.status).toBe(200);
    expect(prop(r, 'urn:example:unknown', 'colour')?.status).toBe(404);
    expect(prop(r, NS.D, 'no-such-dav-property')?.status).toBe(404);
  });

  it('reads namespaces, not prefixes: a default namespace works and a foreign getetag is unknown', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const viaDefault = await c.propfind(
      user.book,
      `<propfind xmlns="DAV:"><prop><displayname/></prop></propfind>`,
    );
    expect(viaDefault.status).toBe(207);
    expect(
      textOf(okProp(responseFor(multistatus(viaDefault.text), user.book), NS.D, 'displayname')),
    ).toBe('Contacts');
    const oddPrefix = await c.propfind(
      user.book,
      `<z:propfind xmlns:z="DAV:" xmlns:D="urn:not-dav"><z:prop><D:displayname/><z:resourcetype/></z:prop></z:propfind>`,
    );
    expect(oddPrefix.status).toBe(207);
    const r = responseFor(multistatus(oddPrefix.text), user.book);
    expect(prop(r, NS.D, 'resourcetype')?.status).toBe(200);
    // D: is bound to another namespace here: this displayname is not DAV:displayname.
    expect(prop(r, 'urn:not-dav', 'displayname')?.status).toBe(404);
    expect(prop(r, NS.D, 'displayname')).toBeUndefined();
  });
});

describe('PROPFIND on the home and on every resource', () => {
  it('current-user-principal is the same on the root, principal, home, book and a card (RFC 5397 §3)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    for (const path of ['/dav/', user.principal, user.home, user.book, user.book + name]) {
      const res = await c.propfind(path, propfindBody('D:current-user-principal'));
      expect(res.status, path).toBe(207);
      const r = responseFor(multistatus(res.text), path);
      expect(hrefsIn(okProp(r, NS.D, 'current-user-principal')), path).toEqual([user.principal]);
    }
  });

  it('the home, depth 0: a collection the owner may read, with its privileges', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      user.home,
      propfindBody('D:resourcetype', 'D:current-user-privilege-set', 'D:no-such-thing'),
    );
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    expect(ms.responses).toHaveLength(1);
    const r = responseFor(ms, user.home);
    expect(children(okProp(r, NS.D, 'resourcetype'), NS.D, 'collection')).toHaveLength(1);
    const privs = Array.from(
      okProp(r, NS.D, 'current-user-privilege-set').getElementsByTagNameNS(NS.D, 'privilege'),
    ).flatMap((p) => children(p).map((e) => e.localName ?? ''));
    expect(privs).toContain('read');
    expect(prop(r, NS.D, 'no-such-thing')?.status).toBe(404);
  });

  it('HEAD on a card: the GET headers (ETag, Content-Type, Content-Length), no body (RFC 9110 §9.3.2)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const card = vcard({ fn: 'Head Only' });
    expect((await c.put(user.book + name, card)).status).toBe(201);
    const get = await c.get(user.book + name);
    const head = await c.send('HEAD', user.book + name);
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.header('etag')).toBe(get.header('etag'));
    expect(head.header('content-type')).toBe(get.header('content-type'));
    expect(head.header('content-length')).toBe(String(Buffer.byteLength(card)));
  });
});

describe('PROPFIND depth 1 on the address book and depth 0 on a card', () => {
  it('lists each card with a strong getetag equal to its GET ETag, and text/vcard', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const names = [cardName('a'), cardName('b')];
    for (const n of names) expect((await c.put(user.book + n, vcard())).status).toBe(201);
    const res = await c.propfind(
      user.book,
      propfindBody('D:getetag', 'D:getcontenttype', 'D:resourcetype'),
      '1',
    );
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    expect(ms.responses).toHaveLength(3);
    for (const n of names) {
      const r = responseFor(ms, user.book + n);
      const etag = textOf(okProp(r, NS.D, 'getetag'));
      expect(etag).toMatch(STRONG_ETAG);
      expect((await c.get(user.book + n)).header('etag')).toBe(etag);
      expect(textOf(okProp(r, NS.D, 'getcontenttype'))).toMatch(/^text\/vcard\b/);
      expect(children(okProp(r, NS.D, 'resourcetype'))).toHaveLength(0);
    }
  });

  it('a card has getetag, getcontenttype, getlastmodified (an HTTP date) and getcontentlength', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    const card = vcard({ fn: 'Zoë Länge' });
    expect((await c.put(user.book + name, card)).status).toBe(201);
    const res = await c.propfind(
      user.book + name,
      propfindBody('D:getetag', 'D:getcontenttype', 'D:getlastmodified', 'D:getcontentlength'),
    );
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book + name);
    expect(textOf(okProp(r, NS.D, 'getetag'))).toMatch(STRONG_ETAG);
    expect(textOf(okProp(r, NS.D, 'getlastmodified'))).toMatch(HTTP_DATE);
    // RFC 4918 §15.4: the length GET would return, in octets (not UTF-16 code units).
    expect(textOf(okProp(r, NS.D, 'getcontentlength'))).toBe(
      String(Buffer.byteLength(card, 'utf8')),
    );
  });

  it('Depth: infinity, or no Depth (RFC 4918 §9.1: infinity), is answered or refused with propfind-finite-depth', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    expect((await c.put(user.book + cardName(), vcard())).status).toBe(201);
    for (const depth of ['infinity', undefined] as const) {
      const res = await c.send('PROPFIND', user.home, {
        body: propfindBody('D:getetag'),
        ...(depth ? { depth } : {}),
      });
      if (res.status === 403) {
        expect(errorConditions(res.text)).toContain('{DAV:}propfind-finite-depth');
      } else {
        expect(res.status).toBe(207);
        // The RFC wants infinity served or refused with 403; sabre (enablePropfindDepthInfinity
        // off, its default) answers it as depth 1, and so may this server: at least the home and
        // its address book.
        const hrefs = multistatus(res.text).responses.map((r) => r.href.replace(/\/?$/, '/'));
        expect(hrefs).toEqual(expect.arrayContaining([user.home, user.book]));
      }
    }
  });

  it('allprop, and an empty body (RFC 4918 §9.1: treated as allprop), return live properties', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect((await c.put(user.book + name, vcard())).status).toBe(201);
    for (const body of [
      `<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:allprop/></D:propfind>`,
      undefined,
    ]) {
      const res = await c.propfind(user.book + name, body);
      expect(res.status).toBe(207);
      const r = responseFor(multistatus(res.text), user.book + name);
      expect(textOf(okProp(r, NS.D, 'getetag'))).toMatch(STRONG_ETAG);
      expect(okProp(r, NS.D, 'resourcetype')).toBeTruthy();
      // allprop names no property, so none can be "not found".
      expect(r.propstats.every((p) => p.status === 200)).toBe(true);
    }
  });

  it('propname lists property names without values (RFC 4918 §9.1)', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      user.book,
      `<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:propname/></D:propfind>`,
    );
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book);
    const names = r.propstats.flatMap((p) => p.props);
    expect(names.map((e) => `{${e.namespaceURI}}${e.localName}`)).toEqual(
      expect.arrayContaining(['{DAV:}resourcetype', '{DAV:}displayname', '{DAV:}sync-token']),
    );
    for (const e of names) {
      expect(e.childNodes.length, e.localName ?? '').toBe(0);
    }
  });
});

describe('PROPPATCH (RFC 4918 §9.2)', () => {
  const patch = (set: string) => `<?xml version="1.0" encoding="utf-8"?>
<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>${set}</D:prop></D:set></D:propertyupdate>`;

  it('sets the address book displayname, which the account keeps', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const res = await c.send('PROPPATCH', user.book, {
      body: patch('<D:displayname>Famille &amp; amis</D:displayname>'),
    });
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book);
    expect(prop(r, NS.D, 'displayname')?.status).toBe(200);
    const read = await c.propfind(user.book, propfindBody('D:displayname'));
    expect(
      textOf(okProp(responseFor(multistatus(read.text), user.book), NS.D, 'displayname')),
    ).toBe('Famille & amis');
    const db = await getDb();
    const [row] = await db
      .select({ name: users.addressBookName })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.name).toBe('Famille & amis');
  });

  it('refuses a protected property with 403 and fails the rest with 424: all or nothing', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const res = await c.send('PROPPATCH', user.book, {
      body: patch('<D:displayname>Should not stick</D:displayname><D:getetag>"x"</D:getetag>'),
    });
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book);
    expect(prop(r, NS.D, 'getetag')?.status).toBe(403);
    // §9.2: "either all be executed or none"; §9.2.1 shows 424 for the ones not applied.
    expect(prop(r, NS.D, 'displayname')?.status).toBe(424);
    const read = await c.propfind(user.book, propfindBody('D:displayname'));
    expect(
      textOf(okProp(responseFor(multistatus(read.text), user.book), NS.D, 'displayname')),
    ).toBe('Contacts');
  });

  it('a displayname longer than the app keeps is refused, never cut silently nor a 500', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const long = 'n'.repeat(300);
    const res = await c.send('PROPPATCH', user.book, {
      body: patch(`<D:displayname>${long}</D:displayname>`),
    });
    expect(res.status).toBeLessThan(500);
    const read = await c.propfind(user.book, propfindBody('D:displayname'));
    const now = textOf(okProp(responseFor(multistatus(read.text), user.book), NS.D, 'displayname'));
    expect([long, 'Contacts']).toContain(now);
    if (res.status === 207 && now === 'Contacts') {
      const r = responseFor(multistatus(res.text), user.book);
      expect(prop(r, NS.D, 'displayname')?.status).not.toBe(200);
    }
  });
});
