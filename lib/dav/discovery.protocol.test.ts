/**
 * Service discovery and bootstrapping, as a client does it: RFC 6764 (well-known URI), RFC 6352
 * §6.1 (the DAV header), RFC 5397 (current-user-principal), RFC 6352 §7.1.1
 * (addressbook-home-set), RFC 4918 §9.1 (PROPFIND).
 */
import { describe, expect, it } from 'vitest';
import {
  NS,
  client,
  dav,
  hrefsIn,
  multistatus,
  newDavUser,
  okProp,
  propfindBody,
  responseFor,
  startDavServer,
  children,
  vcard,
} from './test-support';

const server = startDavServer();

/** The comma-separated tokens of a header such as DAV or Allow. */
const tokens = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

describe('/.well-known/carddav (RFC 6764 §5)', () => {
  // The contract names 301; RFC 6764 allows any redirect, so any 301/302/303/307/308 to /dav/ would
  // do for a client, but the contract is what the README documents.
  it.each(['GET', 'PROPFIND'])(
    '%s redirects to the DAV root with 301, without credentials',
    async (method) => {
      const res = await dav(server, method, '/.well-known/carddav');
      expect(res.status).toBe(301);
      const location = res.header('location');
      expect(location).toBeTruthy();
      expect(new URL(location!, server.origin).pathname).toBe('/dav/');
    },
  );
});

describe('OPTIONS (RFC 6352 §6.1, RFC 4918 §10.1)', () => {
  it('advertises DAV: 1, 3, addressbook on the root, the home and the address book', async () => {
    const user = await newDavUser();
    for (const path of ['/dav/', user.home, user.book]) {
      const res = await dav(server, 'OPTIONS', path, { auth: user });
      expect(res.status, path).toBe(200);
      const dav1 = tokens(res.header('dav'));
      expect(dav1, path).toEqual(expect.arrayContaining(['1', '3', 'addressbook']));
    }
  });

  it('lists the methods an address book and a card allow', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const book = await dav(server, 'OPTIONS', user.book, { auth: user });
    expect(tokens(book.header('allow'))).toEqual(
      expect.arrayContaining(['options', 'propfind', 'proppatch', 'report']),
    );
    const name = 'allow-check.vcf';
    expect((await c.put(user.book + name, vcard(), { 'if-none-match': '*' })).status).toBe(201);
    const card = await dav(server, 'OPTIONS', user.book + name, { auth: user });
    expect(card.status).toBe(200);
    expect(tokens(card.header('allow'))).toEqual(
      expect.arrayContaining(['get', 'put', 'delete', 'propfind']),
    );
  });
});

describe('bootstrapping from the root (RFC 6764 §6, RFC 5397 §3)', () => {
  it('the root names the current user principal', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      '/dav/',
      propfindBody('D:current-user-principal', 'D:resourcetype'),
    );
    expect(res.status).toBe(207);
    expect(res.header('content-type')).toMatch(/^(application|text)\/xml\b/);
    const ms = multistatus(res.text);
    const root = responseFor(ms, '/dav/');
    expect(hrefsIn(okProp(root, NS.D, 'current-user-principal'))).toEqual([user.principal]);
    const rt = okProp(root, NS.D, 'resourcetype');
    expect(children(rt, NS.D, 'collection')).toHaveLength(1);
  });

  it('the principal names itself and the address book home', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      user.principal,
      propfindBody(
        'D:principal-URL',
        'D:current-user-principal',
        'C:addressbook-home-set',
        'D:resourcetype',
        'D:displayname',
      ),
    );
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.principal);
    expect(hrefsIn(okProp(r, NS.D, 'principal-URL'))).toEqual([user.principal]);
    expect(hrefsIn(okProp(r, NS.D, 'current-user-principal'))).toEqual([user.principal]);
    expect(hrefsIn(okProp(r, NS.C, 'addressbook-home-set'))).toEqual([user.home]);
    // RFC 3744 §4: a principal resource's resourcetype contains DAV:principal.
    expect(children(okProp(r, NS.D, 'resourcetype'), NS.D, 'principal')).toHaveLength(1);
    expect(okProp(r, NS.D, 'displayname').textContent).toBeTruthy();
  });

  it('the home lists one address book, with the addressbook resource type (RFC 6352 §5.2)', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      user.home,
      propfindBody('D:resourcetype', 'D:displayname'),
      '1',
    );
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    const home = responseFor(ms, user.home);
    const homeType = okProp(home, NS.D, 'resourcetype');
    expect(children(homeType, NS.D, 'collection')).toHaveLength(1);
    expect(children(homeType, NS.C, 'addressbook')).toHaveLength(0);
    const books = ms.responses.filter((r) => {
      const rt = r.propstats.flatMap((p) => p.props).find((e) => e.localName === 'resourcetype');
      return rt && children(rt, NS.C, 'addressbook').length === 1;
    });
    expect(books.map((b) => b.href.replace(/\/?$/, '/'))).toEqual([user.book]);
    const book = books[0]!;
    expect(children(okProp(book, NS.D, 'resourcetype'), NS.D, 'collection')).toHaveLength(1);
    expect(okProp(book, NS.D, 'displayname').textContent).toBe('Contacts');
  });

  it('the address book without its trailing slash is served or redirected, not lost', async () => {
    const user = await newDavUser();
    const res = await client(server, user).propfind(
      user.book.replace(/\/$/, ''),
      propfindBody('D:resourcetype'),
    );
    // sabre serves both forms; a redirect to the slash form (RFC 4918 §5.2) is as good.
    expect([207, 301, 308]).toContain(res.status);
  });

  it('depth 1 on the root, the principals and the homes collection never lists another user', async () => {
    const me = await newDavUser();
    const other = await newDavUser();
    const c = client(server, me);
    for (const path of ['/dav/', '/dav/principals/', '/dav/addressbooks/']) {
      const res = await c.propfind(path, propfindBody('D:resourcetype'), '1');
      // A server may refuse to list these collections (403/404/405); it must not leak.
      expect(res.status, path).toBeLessThan(500);
      expect(res.text, path).not.toContain(other.key);
    }
  });
});
