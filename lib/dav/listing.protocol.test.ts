import { describe, expect, it } from 'vitest';
import { setFavourite } from '../contacts/store';
import {
  NS,
  cardName,
  client,
  contactIdByHref,
  multistatus,
  newDavUser,
  propfindBody,
  responseFor,
  startDavServer,
  textOf,
  vcard,
} from './test-support';

/**
 * The depth-1 listing of the address book is cached per revision (lib/dav/listing-cache.ts):
 * every way a card can change must show in the next listing.
 */
const server = startDavServer();
const LISTING = propfindBody('D:getetag', 'D:getcontenttype');

async function etags(c: ReturnType<typeof client>, book: string): Promise<Map<string, string>> {
  const res = await c.propfind(book, LISTING, '1');
  expect(res.status).toBe(207);
  const ms = multistatus(res.text);
  const out = new Map<string, string>();
  for (const r of ms.responses) {
    const found = r.propstats.find((p) => p.status === 200)?.props ?? [];
    const etag = found.find((el) => el.namespaceURI === NS.D && el.localName === 'getetag');
    if (etag) out.set(r.href, textOf(etag));
  }
  return out;
}

describe('the depth-1 listing', () => {
  it('shows a new card, an edit by a client, a web change and a delete at once', async () => {
    const user = await newDavUser('list');
    const c = client(server, user);
    const name = cardName();
    expect((await etags(c, user.book)).size).toBe(0);
    expect((await c.put(user.book + name, vcard({ uid: 'l-1', fn: 'One' }))).status).toBe(201);
    const first = await etags(c, user.book);
    expect([...first.keys()]).toEqual([user.book + name]);
    // Asked twice with nothing changed: the same answer (from the cache).
    expect(await etags(c, user.book)).toEqual(first);

    await c.put(user.book + name, vcard({ uid: 'l-1', fn: 'One, edited' }));
    const edited = await etags(c, user.book);
    expect(edited.get(user.book + name)).not.toBe(first.get(user.book + name));

    const id = await contactIdByHref(user.id, name);
    expect(await setFavourite(user.id, id!, true)).toBe(true);
    const starred = await etags(c, user.book);
    expect(starred.get(user.book + name)).not.toBe(edited.get(user.book + name));

    expect((await c.del(user.book + name)).status).toBe(204);
    expect((await etags(c, user.book)).size).toBe(0);
  });

  it('never shows one user the listing of another', async () => {
    const [a, b] = [await newDavUser('lista'), await newDavUser('listb')];
    await client(server, a).put(a.book + cardName(), vcard({ uid: 'same-uid', fn: 'A' }));
    expect((await etags(client(server, a), a.book)).size).toBe(1);
    expect((await etags(client(server, b), b.book)).size).toBe(0);
  });
});

describe('minimal answers', () => {
  it('Prefer: return=minimal and Brief: t leave out the properties not found', async () => {
    const user = await newDavUser('min');
    const c = client(server, user);
    const body = propfindBody('D:displayname', 'D:getetag');
    const full = multistatus((await c.propfind(user.book, body)).text);
    expect(
      responseFor(full, user.book)
        .propstats.map((p) => p.status)
        .sort(),
    ).toEqual([200, 404]);
    for (const headers of [{ prefer: 'return=minimal' }, { brief: 't' }] as Record<
      string,
      string
    >[]) {
      const res = await c.send('PROPFIND', user.book, { body, depth: '0', headers });
      const stats = responseFor(multistatus(res.text), user.book).propstats;
      expect(stats.map((p) => p.status)).toEqual([200]);
    }
  });
});

describe('PROPPATCH', () => {
  it('on a card that does not exist is a 404', async () => {
    const user = await newDavUser('pp');
    const body = `<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>x</D:displayname></D:prop></D:set></D:propertyupdate>`;
    const res = await client(server, user).send('PROPPATCH', `${user.book}nothing.vcf`, { body });
    expect(res.status).toBe(404);
  });
});
