/**
 * Hostile input: XML entities and DOCTYPEs (XXE, billion laughs), oversized and deeply nested
 * bodies, malformed and non-UTF-8 XML, a multiget with a huge number of hrefs, path traversal and
 * CR/LF in names. The contract: XML ≤ 1 MiB, a card ≤ 5 MiB, any DOCTYPE refused with 400.
 * After each, the server must still answer: a hostile request never takes it down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  NS,
  cardName,
  client,
  multigetBody,
  multistatus,
  newDavUser,
  okProp,
  propfindBody,
  responseFor,
  textOf,
  startDavServer,
  vcard,
  type DavUser,
} from './test-support';

const server = startDavServer();
const MiB = 1024 * 1024;

let lastUser: DavUser | undefined;
async function user() {
  lastUser = await newDavUser();
  return lastUser;
}

// The server is still there and still right after each hostile request.
afterEach(async () => {
  if (!lastUser) return;
  const res = await client(server, lastUser).propfind(lastUser.book, propfindBody('D:displayname'));
  expect(res.status).toBe(207);
  lastUser = undefined;
});

const displayname = async (u: DavUser) => {
  const res = await client(server, u).propfind(u.book, propfindBody('D:displayname'));
  return textOf(okProp(responseFor(multistatus(res.text), u.book), NS.D, 'displayname'));
};

const proppatch = (inner: string) =>
  `<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>${inner}</D:displayname></D:prop></D:set></D:propertyupdate>`;

describe('DOCTYPE and entities (contract: any DOCTYPE → 400)', () => {
  it('XXE: an external entity is neither fetched nor stored', async () => {
    const u = await user();
    const body = `<?xml version="1.0"?>
<!DOCTYPE D:propertyupdate [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${proppatch('&xxe;')}`;
    const res = await client(server, u).send('PROPPATCH', u.book, { body });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/root:/);
    expect(await displayname(u)).toBe('Contacts');
  });

  it('XXE in a REPORT: no file content in the answer', async () => {
    const u = await user();
    const body = `<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<C:addressbook-multiget xmlns:D="DAV:" xmlns:C="${NS.C}"><D:prop><D:getetag/></D:prop><D:href>${u.book}&xxe;</D:href></C:addressbook-multiget>`;
    const res = await client(server, u).report(u.book, body);
    expect(res.status).toBe(400);
  });

  it('billion laughs → 400, at once', async () => {
    const u = await user();
    const ents = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++)
      ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const body = `<?xml version="1.0"?>
<!DOCTYPE lolz [${ents.join('')}]>
${proppatch('&lol9;')}`;
    const res = await client(server, u).send('PROPPATCH', u.book, { body });
    expect(res.status).toBe(400);
    expect(await displayname(u)).toBe('Contacts');
  });

  it('even a harmless DOCTYPE → 400', async () => {
    const u = await user();
    const body = `<?xml version="1.0"?><!DOCTYPE propfind><D:propfind xmlns:D="DAV:"><D:prop><D:displayname/></D:prop></D:propfind>`;
    expect((await client(server, u).propfind(u.book, body)).status).toBe(400);
  });

  it('an internal entity reference without a DOCTYPE is not well-formed → 400', async () => {
    const u = await user();
    const res = await client(server, u).send('PROPPATCH', u.book, {
      body: proppatch('&undefined;'),
    });
    expect(res.status).toBe(400);
    expect(await displayname(u)).toBe('Contacts');
  });
});

describe('size caps (contract: XML ≤ 1 MiB → else 413)', () => {
  const bigPropfind = (bytes: number) =>
    `<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><!-- ${'x'.repeat(bytes)} --><D:prop><D:displayname/></D:prop></D:propfind>`;

  it('an XML body over 1 MiB → 413', async () => {
    const u = await user();
    const res = await client(server, u).propfind(u.book, bigPropfind(MiB + 10));
    expect(res.status).toBe(413);
  });

  it('the same body sent chunked, without Content-Length → 413 (the cap counts bytes)', async () => {
    const u = await user();
    const res = await client(server, u).send('PROPFIND', u.book, {
      body: bigPropfind(MiB + 10),
      depth: '0',
      chunked: true,
    });
    expect(res.status).toBe(413);
  });

  it('a body just under the cap is still read', async () => {
    const u = await user();
    const res = await client(server, u).propfind(u.book, bigPropfind(MiB - 4096));
    expect(res.status).toBe(207);
  });

  it('a card body over the cap sent chunked → 413, nothing stored', async () => {
    const u = await user();
    const name = cardName();
    const big = vcard({
      extra: [
        `NOTE:${'y'
          .repeat(6 * MiB)
          .match(/.{1,74}/g)!
          .join('\r\n ')}`,
      ],
    });
    const res = await client(server, u).send('PUT', u.book + name, {
      body: big,
      headers: { 'content-type': 'text/vcard' },
      chunked: true,
    });
    expect([403, 413]).toContain(res.status);
    expect((await client(server, u).get(u.book + name)).status).toBe(404);
  });
});

describe('malformed and deep XML', () => {
  it.each([
    ['unclosed', '<D:propfind xmlns:D="DAV:"><D:prop><D:displayname/></D:prop>'],
    ['mismatched tags', '<D:propfind xmlns:D="DAV:"><D:prop></D:propfind></D:prop>'],
    ['an undeclared prefix', '<D:propfind><D:prop><D:displayname/></D:prop></D:propfind>'],
    ['not XML at all', '{"propfind": ["displayname"]}'],
    ['two roots', '<D:propfind xmlns:D="DAV:"/><D:propfind xmlns:D="DAV:"/>'],
  ])('%s → 400', async (_label, body) => {
    const u = await user();
    expect((await client(server, u).propfind(u.book, body)).status).toBe(400);
  });

  it('a PROPFIND whose root is not DAV:propfind → 400 (RFC 4918 §9.1)', async () => {
    const u = await user();
    const res = await client(server, u).propfind(u.book, proppatch('x'));
    expect(res.status).toBe(400);
  });

  it('50,000 nested elements → a 4xx, not a crash or a 500', async () => {
    const u = await user();
    const depth = 50_000;
    const body = `<D:propfind xmlns:D="DAV:"><D:prop>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</D:prop></D:propfind>`;
    const res = await client(server, u).propfind(u.book, body);
    // A nesting limit (400) or a 207 that treats <a> as an unknown property (404 inside) would
    // both be safe; a stack overflow (500, a dead process) is not.
    expect([207, 400, 413]).toContain(res.status);
  });

  it('invalid UTF-8 in an XML body → 400, nothing stored', async () => {
    const u = await user();
    const body = Buffer.concat([
      Buffer.from(
        '<?xml version="1.0" encoding="utf-8"?>' + proppatch('').replace('</D:displayname>', ''),
      ),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0xff, 0xfe]), // "Caf" + Latin-1 é + bytes never valid
      Buffer.from('</D:displayname></D:prop></D:set></D:propertyupdate>'),
    ]);
    const res = await client(server, u).send('PROPPATCH', u.book, { body });
    expect([400, 415]).toContain(res.status);
    expect(await displayname(u)).toBe('Contacts');
  });

  it('invalid UTF-8 in a card → a 4xx, or a card rewritten as UTF-8 without an ETag', async () => {
    const u = await user();
    const name = cardName();
    const card = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:latin1\r\nFN:Andr'),
      Buffer.from([0xe9, 0xff]),
      Buffer.from('\r\nN:;Andre;;;\r\nEND:VCARD\r\n'),
    ]);
    const res = await client(server, u).put(u.book + name, card);
    const get = await client(server, u).get(u.book + name);
    if (res.status >= 400) {
      // RFC 6350 §3.1: vCard is UTF-8; Radicale refuses such a body with 400.
      expect([400, 403, 415, 422]).toContain(res.status);
      expect(get.status).toBe(404);
      return;
    }
    // Read leniently (as a legacy charset), as the importer does: then what is stored must be
    // UTF-8, and since it is not the bytes sent, the PUT must not have promised them with an ETag.
    expect(res.status).toBe(201);
    expect(get.status).toBe(200);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(get.body)).not.toThrow();
    expect(res.header('etag')).toBeUndefined();
  });

  it('a NUL inside a card → stored with U+FFFD in its place, without an ETag, never a 500', async () => {
    const u = await user();
    const name = cardName();
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:nul\r\nFN:Nul\r\nX-NOTE:a\u0000b\r\nEND:VCARD\r\n';
    const res = await client(server, u).put(u.book + name, Buffer.from(card));
    expect(res.status).toBe(201);
    expect(res.header('etag')).toBeUndefined();
    const get = await client(server, u).get(u.book + name);
    expect(get.text).toContain('X-NOTE:a\uFFFDb');
    expect(get.text).not.toContain('\u0000');
  });
});

describe('multiget with very many hrefs', () => {
  it('is bounded: a 207 with one response each, or a clear 4xx/507, not a 500', async () => {
    const u = await user();
    const c = client(server, u);
    const name = cardName();
    expect((await c.put(u.book + name, vcard())).status).toBe(201);
    // About 0.9 MiB: under the body cap, so the href count itself is what is tested.
    const hrefs = Array.from({ length: 12_000 }, (_, i) => `${u.book}n${i}.vcf`);
    hrefs.push(u.book + name);
    const body = multigetBody(hrefs);
    expect(Buffer.byteLength(body)).toBeLessThan(MiB);
    const res = await c.report(u.book, body);
    expect([207, 400, 403, 413, 507]).toContain(res.status);
    if (res.status === 207) {
      const ms = multistatus(res.text);
      // Either all answered, or a bounded answer; never more responses than hrefs.
      expect(ms.responses.length).toBeLessThanOrEqual(hrefs.length);
    }
  });
});

describe('paths', () => {
  async function victim() {
    const other = await newDavUser();
    const name = cardName('victim');
    const card = vcard({ fn: 'Victim Card' });
    expect((await client(server, other).put(other.book + name, card)).status).toBe(201);
    return { other, name, card };
  }

  it("`..` and encoded `..`/`/` never reach another user's card", async () => {
    const u = await user();
    const { other, name } = await victim();
    const c = client(server, u);
    const otherKey = encodeURIComponent(other.key);
    const paths = [
      `${u.book}../../${otherKey}/contacts/${name}`,
      `${u.book}%2e%2e/%2e%2e/${otherKey}/contacts/${name}`,
      `${u.book}..%2F..%2F${otherKey}%2Fcontacts%2F${name}`,
      `${u.book}%2E%2E%2F%2E%2E%2F${otherKey}%2Fcontacts%2F${name}`,
      `/dav/addressbooks/${encodeURIComponent(u.key)}/../${otherKey}/contacts/${name}`,
    ];
    for (const path of paths) {
      const res = await c.get(path);
      expect([400, 403, 404], path).toContain(res.status);
      expect(res.text, path).not.toContain('Victim Card');
    }
  });

  it("a PUT with traversal or an encoded slash in the name never writes into another's book", async () => {
    const u = await user();
    const { other, name, card } = await victim();
    const c = client(server, u);
    const otherKey = encodeURIComponent(other.key);
    for (const path of [
      `${u.book}..%2F..%2F${otherKey}%2Fcontacts%2F${name}`,
      `${u.book}../../${otherKey}/contacts/${name}`,
      `${u.book}sub%2Fdir.vcf`,
    ]) {
      const res = await c.put(path, vcard({ fn: 'Traversal Write' }));
      expect(res.status, path).toBeLessThan(500);
    }
    const owner = client(server, other);
    expect((await owner.get(other.book + name)).text).toBe(card);
    const list = await owner.propfind(other.book, propfindBody('D:getetag'), '1');
    expect(multistatus(list.text).responses).toHaveLength(2);
  });

  it('CR/LF and NUL in a card name: no header injection, a 4xx (or a literal name), never a 500', async () => {
    const u = await user();
    const c = client(server, u);
    for (const raw of [
      'crlf%0D%0AX-Injected:%20yes.vcf',
      'nul%00.vcf',
      'lf%0Aset-cookie:%20a=b.vcf',
    ]) {
      const res = await c.put(u.book + raw, vcard());
      expect(res.status, raw).toBeLessThan(500);
      expect(res.headers['x-injected'], raw).toBeUndefined();
      expect(res.headers['set-cookie'], raw).toBeUndefined();
      for (const value of Object.values(res.headers).flat())
        expect(String(value), raw).not.toMatch(/[\r\n\0]/);
    }
  });

  it('CR/LF in a multiget href: the response stays well-formed and the href gets a 404 or a 400', async () => {
    const u = await user();
    const res = await client(server, u).report(
      u.book,
      multigetBody([`${u.book}a%0D%0AX-Injected: yes.vcf`]).replace(
        '</D:href>',
        '&#13;&#10;X-Injected: yes</D:href>',
      ),
    );
    expect([207, 400]).toContain(res.status);
    expect(res.headers['x-injected']).toBeUndefined();
    if (res.status === 207) {
      for (const r of multistatus(res.text).responses) expect(r.status).toBe(404);
    }
  });

  it('a 300-character card name → a 4xx or stored, never a 500', async () => {
    const u = await user();
    const res = await client(server, u).put(`${u.book}${'n'.repeat(296)}.vcf`, vcard());
    expect(res.status).toBeLessThan(500);
  });
});

describe('methods', () => {
  // RFC 9110 §15.6.2 / §15.5.6: 501 for a method the server does not implement, 405 (with Allow)
  // for one it knows but not on this resource; sabre answers 501, Radicale 405. A name Node's HTTP
  // parser does not know at all ("BREW") never reaches the handler: Node itself answers 400.
  it.each(['LOCK', 'MKCALENDAR', 'PATCH', 'POST'])(
    '%s (not offered: DAV class 1 and 3, no locks) → 405 or 501',
    async (method) => {
      const u = await user();
      const res = await client(server, u).send(method, u.book);
      expect([405, 501]).toContain(res.status);
      if (res.status === 405) expect(res.header('allow')).toBeTruthy();
    },
  );

  it('DELETE of the address book or the home is refused and every card stays', async () => {
    const u = await user();
    const c = client(server, u);
    const name = cardName();
    expect((await c.put(u.book + name, vcard())).status).toBe(201);
    for (const path of [u.book, u.home, u.principal]) {
      expect([403, 405], path).toContain((await c.del(path)).status);
    }
    expect((await c.get(u.book + name)).status).toBe(200);
  });

  it('PROPPATCH on a card: a 207 (set or refused per property) or a 4xx, never a 500', async () => {
    const u = await user();
    const c = client(server, u);
    const name = cardName();
    expect((await c.put(u.book + name, vcard())).status).toBe(201);
    const res = await c.send('PROPPATCH', u.book + name, {
      body: `<D:propertyupdate xmlns:D="DAV:" xmlns:X="urn:example"><D:set><D:prop><X:colour>teal</X:colour></D:prop></D:set></D:propertyupdate>`,
    });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    if (res.status === 207) multistatus(res.text);
  });

  it('MKCOL → 403 or 405 (one address book per user)', async () => {
    const u = await user();
    const c = client(server, u);
    expect([403, 405]).toContain((await c.send('MKCOL', `${u.home}second/`)).status);
  });
});
