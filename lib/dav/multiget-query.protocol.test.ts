/**
 * CARDDAV:addressbook-multiget (RFC 6352 §8.7) and CARDDAV:addressbook-query (§8.6, filters
 * §10.5, text-match §10.5.4, collations §8.3), and an unsupported REPORT (RFC 3253 §3.6).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NS,
  STRONG_ETAG,
  cardName,
  client,
  errorConditions,
  multigetBody,
  multistatus,
  newDavUser,
  okProp,
  prop,
  responseFor,
  textOf,
  startDavServer,
  vcard,
  type DavUser,
} from './test-support';

const server = startDavServer();

const versionOf = (text: string) => /^VERSION:(.*)$/m.exec(text)?.[1]?.trim();

describe('addressbook-multiget', () => {
  it('returns each found card with getetag and address-data, and 404 for the rest', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const a = cardName('a');
    const b = cardName('b');
    const cardA = vcard({ fn: 'Multi A', email: 'a@example.org' });
    const cardB = vcard({ fn: 'Multi B' });
    expect((await c.put(user.book + a, cardA)).status).toBe(201);
    expect((await c.put(user.book + b, cardB)).status).toBe(201);
    const missing = user.book + cardName('missing');
    const res = await c.report(user.book, multigetBody([user.book + a, user.book + b, missing]));
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    expect(ms.responses).toHaveLength(3);
    for (const [name, card] of [
      [a, cardA],
      [b, cardB],
    ] as const) {
      const r = responseFor(ms, user.book + name);
      const etag = textOf(okProp(r, NS.D, 'getetag'));
      expect(etag).toMatch(STRONG_ETAG);
      expect((await c.get(user.book + name)).header('etag')).toBe(etag);
      // Stored as sent, so served as sent; XML end-of-line handling (XML 1.0 §2.11) turns a raw
      // CRLF into LF on reading, so compare with LF line ends.
      const lf = (s: string) => s.replace(/\r\n/g, '\n');
      expect(lf(okProp(r, NS.C, 'address-data').textContent ?? '')).toBe(lf(card));
    }
    const gone = responseFor(ms, missing);
    // RFC 6352 §8.7 example: a missing resource is a response with DAV:status 404.
    expect(gone.status).toBe(404);
  });

  it('address-data with version 3.0 or 4.0 converts (RFC 6352 §10.4, content-type/version)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const three = cardName('three');
    const four = cardName('four');
    expect((await c.put(user.book + three, vcard({ fn: 'Three' }))).status).toBe(201);
    expect((await c.put(user.book + four, vcard({ fn: 'Four', version: '4.0' }))).status).toBe(201);
    const hrefs = [user.book + three, user.book + four];
    for (const version of ['3.0', '4.0']) {
      const res = await c.report(
        user.book,
        multigetBody(hrefs, `<C:address-data content-type="text/vcard" version="${version}"/>`),
      );
      expect(res.status).toBe(207);
      const ms = multistatus(res.text);
      for (const h of hrefs) {
        const data = okProp(responseFor(ms, h), NS.C, 'address-data').textContent ?? '';
        expect(versionOf(data), `${h} as ${version}`).toBe(version);
      }
    }
  });

  it('address-data limited to some properties returns those (and the required ones) only (§10.4.2)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const name = cardName();
    expect(
      (
        await c.put(
          user.book + name,
          vcard({ fn: 'Partial', email: 'p@example.org', tel: '+1 555 0100' }),
        )
      ).status,
    ).toBe(201);
    const res = await c.report(
      user.book,
      multigetBody([user.book + name], '<C:address-data><C:prop name="EMAIL"/></C:address-data>'),
    );
    expect(res.status).toBe(207);
    const data = okProp(
      responseFor(multistatus(res.text), user.book + name),
      NS.C,
      'address-data',
    ).textContent!;
    expect(data).toContain('p@example.org');
    // sabre and Radicale ignore C:prop and return the whole card; both are allowed by the RFC's
    // "MAY", so only check that the card is still a card.
    expect(data).toMatch(/BEGIN:VCARD[\s\S]*END:VCARD/);
  });

  it('hrefs as absolute URLs and percent-encoded paths are found (RFC 4918 §8.3: any URI reference)', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const plain = cardName('abs');
    const spaced = `With Space ${Date.now()}.vcf`;
    expect((await c.put(user.book + plain, vcard())).status).toBe(201);
    expect((await c.put(user.book + encodeURIComponent(spaced), vcard())).status).toBe(201);
    const res = await c.report(
      user.book,
      multigetBody([
        `${server.origin}${user.book}${plain}`,
        user.book + encodeURIComponent(spaced),
      ]),
    );
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    expect(textOf(okProp(responseFor(ms, user.book + plain), NS.D, 'getetag'))).toMatch(
      STRONG_ETAG,
    );
    expect(textOf(okProp(responseFor(ms, user.book + spaced), NS.D, 'getetag'))).toMatch(
      STRONG_ETAG,
    );
  });

  it("an href outside the user's address book is 404 (or 403) in the multistatus, never its data", async () => {
    const me = await newDavUser();
    const other = await newDavUser();
    const secretName = cardName('secret');
    expect(
      (await client(server, other).put(other.book + secretName, vcard({ fn: 'Secret Person' })))
        .status,
    ).toBe(201);
    const res = await client(server, me).report(me.book, multigetBody([other.book + secretName]));
    expect([207, 400, 403, 404]).toContain(res.status);
    expect(res.text).not.toContain('Secret Person');
    if (res.status === 207) {
      const r = responseFor(multistatus(res.text), other.book + secretName);
      expect([403, 404]).toContain(r.status);
    }
  });
});

describe('addressbook-query', () => {
  let user: DavUser;
  const names = {
    ada: cardName('ada'),
    alan: cardName('alan'),
    grace: cardName('grace'),
  };

  beforeAll(async () => {
    user = await newDavUser();
    const c = client(server, user);
    const put = async (name: string, card: string) =>
      expect((await c.put(user.book + name, card)).status).toBe(201);
    await put(
      names.ada,
      vcard({
        fn: 'Ada Lovelace',
        n: 'Lovelace;Ada;;;',
        email: 'ada@analytical.example',
        tel: '+44 20 7000 0001',
      }),
    );
    await put(
      names.alan,
      vcard({
        fn: 'Alan Turing',
        n: 'Turing;Alan;;;',
        email: 'alan@bletchley.example',
        tel: '+44 1908 000002',
      }),
    );
    await put(
      names.grace,
      vcard({
        fn: 'Grace Hopper',
        n: 'Hopper;Grace;;;',
        email: 'grace@navy.example',
        tel: '+1 202 555 0199',
      }),
    );
  });

  const query = (filter: string) => `<?xml version="1.0" encoding="utf-8"?>
<C:addressbook-query xmlns:D="DAV:" xmlns:C="${NS.C}"><D:prop><D:getetag/></D:prop>${filter}</C:addressbook-query>`;

  async function matches(filter: string): Promise<string[]> {
    const res = await client(server, user).report(user.book, query(filter), '1');
    expect(res.status, res.text).toBe(207);
    const ms = multistatus(res.text);
    for (const r of ms.responses) expect(textOf(okProp(r, NS.D, 'getetag'))).toMatch(STRONG_ETAG);
    return ms.responses.map((r) => r.href.slice(user.book.length)).sort();
  }

  const tm = (prop: string, text: string, attrs = '') =>
    `<C:prop-filter name="${prop}"><C:text-match${attrs ? ` ${attrs}` : ''}>${text}</C:text-match></C:prop-filter>`;

  it('FN contains (the default match-type), case-insensitively (i;unicode-casemap default)', async () => {
    expect(await matches(`<C:filter>${tm('FN', 'LOVE')}</C:filter>`)).toEqual([names.ada]);
  });

  it.each([
    ['equals', 'Alan Turing', ['alan']],
    ['equals', 'Alan', []],
    ['starts-with', 'gra', ['grace']],
    ['ends-with', 'hopper', ['grace']],
    ['contains', 'a', ['ada', 'alan', 'grace']],
  ])('FN match-type=%s "%s"', async (type, text, want) => {
    const got = await matches(`<C:filter>${tm('FN', text, `match-type="${type}"`)}</C:filter>`);
    expect(got).toEqual(want.map((k) => names[k as keyof typeof names]).sort());
  });

  it('EMAIL and TEL', async () => {
    expect(await matches(`<C:filter>${tm('EMAIL', 'bletchley')}</C:filter>`)).toEqual([names.alan]);
    expect(await matches(`<C:filter>${tm('TEL', '555 0199')}</C:filter>`)).toEqual([names.grace]);
  });

  it('N (structured: the text-match applies to the value as written)', async () => {
    expect(await matches(`<C:filter>${tm('N', 'Turing')}</C:filter>`)).toEqual([names.alan]);
  });

  it('negate-condition="yes" inverts the match', async () => {
    expect(
      await matches(`<C:filter>${tm('FN', 'Ada', 'negate-condition="yes"')}</C:filter>`),
    ).toEqual([names.alan, names.grace].sort());
  });

  it('filter test="anyof" (the default) and test="allof" (§10.5)', async () => {
    const two = `${tm('FN', 'Ada')}${tm('EMAIL', 'navy')}`;
    expect(await matches(`<C:filter>${two}</C:filter>`)).toEqual([names.ada, names.grace].sort());
    expect(await matches(`<C:filter test="anyof">${two}</C:filter>`)).toEqual(
      [names.ada, names.grace].sort(),
    );
    expect(await matches(`<C:filter test="allof">${two}</C:filter>`)).toEqual([]);
    expect(
      await matches(
        `<C:filter test="allof">${tm('FN', 'Ada')}${tm('EMAIL', 'analytical')}</C:filter>`,
      ),
    ).toEqual([names.ada]);
  });

  it('C:limit truncates: ≤ nresults cards and a 507 response for the address book (RFC 6352 §8.6.1)', async () => {
    const res = await client(server, user).report(
      user.book,
      `<?xml version="1.0"?><C:addressbook-query xmlns:D="DAV:" xmlns:C="${NS.C}"><D:prop><D:getetag/></D:prop><C:filter>${tm('FN', 'a')}</C:filter><C:limit><C:nresults>1</C:nresults></C:limit></C:addressbook-query>`,
      '1',
    );
    expect(res.status).toBe(207);
    const ms = multistatus(res.text);
    const book = user.book.replace(/\/$/, '');
    const cards = ms.responses.filter((r) => r.href.replace(/\/$/, '') !== book);
    const marker = ms.responses.filter((r) => r.href.replace(/\/$/, '') === book);
    expect(cards.length).toBeLessThanOrEqual(1);
    expect(marker).toHaveLength(1);
    expect(marker[0]!.status).toBe(507);
  });

  it('collation i;ascii-casemap is supported (RFC 6352 §8.3: a MUST), i;octet is case-sensitive or refused', async () => {
    expect(
      await matches(`<C:filter>${tm('FN', 'LOVE', 'collation="i;ascii-casemap"')}</C:filter>`),
    ).toEqual([names.ada]);
    const res = await client(server, user).report(
      user.book,
      query(`<C:filter>${tm('FN', 'LOVE', 'collation="i;octet"')}</C:filter>`),
      '1',
    );
    if (res.status === 403) {
      expect(errorConditions(res.text)).toContain(`{${NS.C}}supported-collation`);
    } else {
      expect(res.status).toBe(207);
      expect(multistatus(res.text).responses).toHaveLength(0);
      expect(
        await matches(`<C:filter>${tm('FN', 'Love', 'collation="i;octet"')}</C:filter>`),
      ).toEqual([names.ada]);
    }
  });

  it('an unsupported collation → 403 CARDDAV:supported-collation (§8.3)', async () => {
    const res = await client(server, user).report(
      user.book,
      query(`<C:filter>${tm('FN', 'Ada', 'collation="i;x-no-such-collation"')}</C:filter>`),
      '1',
    );
    expect(res.status).toBe(403);
    expect(errorConditions(res.text)).toContain(`{${NS.C}}supported-collation`);
  });

  it('address-data in a query returns the card', async () => {
    const res = await client(server, user).report(
      user.book,
      `<?xml version="1.0"?><C:addressbook-query xmlns:D="DAV:" xmlns:C="${NS.C}"><D:prop><C:address-data/></D:prop><C:filter>${tm('EMAIL', 'analytical')}</C:filter></C:addressbook-query>`,
      '1',
    );
    expect(res.status).toBe(207);
    const r = responseFor(multistatus(res.text), user.book + names.ada);
    expect(prop(r, NS.C, 'address-data')?.el.textContent).toContain('FN:Ada Lovelace');
  });
});

describe('addressbook-query beyond text-match on the common properties', () => {
  // Each is either answered right or refused with 403 CARDDAV:supported-filter (RFC 6352 §8.6:
  // "the server MUST fail with the CARDDAV:supported-filter condition" for what it cannot
  // evaluate); an answer that silently ignores the filter is the one thing that is wrong.
  async function queryOrRefuse(user: DavUser, filter: string): Promise<string[] | 'refused'> {
    const res = await client(server, user).report(
      user.book,
      `<?xml version="1.0"?><C:addressbook-query xmlns:D="DAV:" xmlns:C="${NS.C}"><D:prop><D:getetag/></D:prop>${filter}</C:addressbook-query>`,
      '1',
    );
    if (res.status === 403) {
      expect(errorConditions(res.text)).toContain(`{${NS.C}}supported-filter`);
      return 'refused';
    }
    expect(res.status).toBe(207);
    return multistatus(res.text)
      .responses.map((r) => r.href.slice(user.book.length))
      .sort();
  }

  it('is-not-defined (§10.5.1) and an X- property', async () => {
    const user = await newDavUser();
    const c = client(server, user);
    const withEmail = cardName('with-email');
    const without = cardName('without');
    expect(
      (await c.put(user.book + withEmail, vcard({ fn: 'Has Mail', email: 'm@example.org' })))
        .status,
    ).toBe(201);
    expect(
      (
        await c.put(
          user.book + without,
          vcard({ fn: 'No Mail', extra: ['X-FAVOURITE-COLOUR:teal'] }),
        )
      ).status,
    ).toBe(201);
    const undefinedEmail = await queryOrRefuse(
      user,
      '<C:filter><C:prop-filter name="EMAIL"><C:is-not-defined/></C:prop-filter></C:filter>',
    );
    if (undefinedEmail !== 'refused') expect(undefinedEmail).toEqual([without]);
    const colour = await queryOrRefuse(
      user,
      '<C:filter><C:prop-filter name="X-FAVOURITE-COLOUR"><C:text-match>teal</C:text-match></C:prop-filter></C:filter>',
    );
    if (colour !== 'refused') expect(colour).toEqual([without]);
  });
});

describe('an unsupported REPORT', () => {
  // RFC 3253 §3.6: precondition DAV:supported-report; §1.6 makes a failed precondition 403 with a
  // DAV:error body. (sabre 3 answers 403 so; sabre 4 moved to 415; a 501 is for an unknown method.)
  it('→ 403 with DAV:supported-report, not a 500', async () => {
    const user = await newDavUser();
    const res = await client(server, user).report(
      user.book,
      `<?xml version="1.0"?><D:expand-property xmlns:D="DAV:"><D:property name="owner"/></D:expand-property>`,
    );
    expect(res.status).toBe(403);
    expect(errorConditions(res.text)).toContain('{DAV:}supported-report');
  });

  it('a calendar report on an address book → 403 with DAV:supported-report', async () => {
    const user = await newDavUser();
    const res = await client(server, user).report(
      user.book,
      `<?xml version="1.0"?><C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></C:calendar-query>`,
      '1',
    );
    expect(res.status).toBe(403);
    expect(errorConditions(res.text)).toContain('{DAV:}supported-report');
  });
});
