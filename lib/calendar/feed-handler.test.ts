import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, trashContact, updateContact } from '../contacts/store';
import { newOwner, write } from '../contacts/store/test-helpers';
import { listBirthdays } from './birthdays';
import { createCalendarToken, revokeCalendarToken } from './feed-token';
import { BIRTHDAY_FEED_PATH, serveBirthdayFeed } from './feed-handler';
import { eventFor, parseFeed } from './ics-test-helpers';

let server: http.Server;
let base = '';
let owner = '';
let other = '';
let token = '';
let otherToken = '';
let trashedId = '';

const feed = (t: string | null, init: RequestInit = {}) =>
  fetch(`${base}${BIRTHDAY_FEED_PATH}${t === null ? '' : `?token=${encodeURIComponent(t)}`}`, init);
const summaries = async (res: Response) =>
  parseFeed(await res.text())
    .events.map((e) => e.summary)
    .sort();

beforeAll(async () => {
  server = http.createServer((req, res) => void serveBirthdayFeed(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  owner = await newOwner('feed');
  other = await newOwner('feedother');
  await createContact(owner, write({ given: 'Ada', family: 'Lovelace', birthday: '1815-12-10' }));
  await createContact(owner, write({ given: 'Leap', family: 'Day', birthday: '1996-02-29' }));
  await createContact(owner, write({ given: 'Grace', family: 'Hopper', birthday: '--07-04' }));
  await createContact(owner, write({ given: 'No', family: 'Birthday' }));
  trashedId = (
    await createContact(owner, write({ given: 'Trashed', family: 'One', birthday: '1970-01-01' }))
  ).id;
  await trashContact(owner, trashedId);
  await createContact(other, write({ given: 'Bob', family: 'Other', birthday: '1980-03-04' }));
  token = await createCalendarToken(owner);
  otherToken = await createCalendarToken(other);
  // Opening the database and two argon2 hashes: minutes, not seconds, on a busy 2-core machine.
}, 180_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('GET /calendar/birthdays.ics', () => {
  it("serves the owner's live birthdays as text/calendar, valid to ical.js", async () => {
    const res = await feed(token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const { events } = parseFeed(await res.text());
    // Not the trashed contact, not the one without a birthday, not the other user's.
    expect(events.map((e) => e.summary).sort()).toEqual([
      "Ada Lovelace's birthday",
      "Grace Hopper's birthday",
      "Leap Day's birthday",
    ]);
    expect(eventFor(events, 'Leap Day').occurrences(4, '2027-01-01')).toEqual([
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
    ]);
    expect(eventFor(events, 'Grace').occurrences(1, '2027-01-01')).toEqual(['2027-07-04']);
  });

  it("never shows another user's contacts", async () => {
    expect(await summaries(await feed(otherToken))).toEqual(["Bob Other's birthday"]);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const get = await feed(token);
    const body = await get.arrayBuffer();
    const head = await feed(token, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String(body.byteLength));
    expect(await head.text()).toBe('');
  });

  it('answers 304 to If-None-Match with the current ETag, and a new ETag once data changes', async () => {
    const first = await feed(token);
    const etag = first.headers.get('etag')!;
    const again = await feed(token, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await feed(token, { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);

    const added = await createContact(
      owner,
      write({ given: 'New', family: 'Comer', birthday: '--01-31' }),
    );
    const changed = await feed(token, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await summaries(changed)).toContain("New Comer's birthday");

    // A rename keeps the event's UID (an app updates it), with the new name.
    const before = eventFor(parseFeed(await (await feed(token)).text()).events, 'New Comer');
    const renamed = await updateContact(
      owner,
      added.id,
      added.version,
      write({ given: 'Renamed', family: 'Comer', birthday: '--01-31' }),
    );
    expect(renamed.status).toBe('saved');
    const after = eventFor(parseFeed(await (await feed(token)).text()).events, 'Renamed Comer');
    expect(after.uid).toBe(before.uid);
    await trashContact(owner, added.id);
    expect(await summaries(await feed(token))).not.toContain("Renamed Comer's birthday");
  });

  it('refuses other methods with 405 and Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PROPFIND']) {
      const res = await feed(token, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    }
  });

  it('answers a missing, unknown or revoked token with the same 404', async () => {
    const temporary = await newOwner('feedrevoked');
    const revoked = await createCalendarToken(temporary);
    expect((await feed(revoked)).status).toBe(200);
    await revokeCalendarToken(temporary);
    const unknown = `${'A'.repeat(42)}B`;
    const answers = await Promise.all(
      [revoked, unknown, null, '', 'not a token', `${token}x`].map(async (t) => {
        const res = await feed(t);
        return `${res.status} ${res.headers.get('cache-control')} ${await res.text()}`;
      }),
    );
    expect(answers[0]).toMatch(/^404 no-store /);
    expect(new Set(answers).size).toBe(1);
  });

  it('a replaced token stops at once; the new one serves the same events', async () => {
    const old = await createCalendarToken(other);
    const fresh = await createCalendarToken(other);
    expect((await feed(old)).status).toBe(404);
    expect(await summaries(await feed(fresh))).toEqual(["Bob Other's birthday"]);
    otherToken = fresh;
  });
});

describe('listBirthdays', () => {
  it('is owner-scoped, live only, ordered by month-day and capped', async () => {
    const rows = await listBirthdays(owner);
    expect(rows.map((r) => r.displayName)).toEqual(['Leap Day', 'Grace Hopper', 'Ada Lovelace']);
    expect(rows.map((r) => r.birthday)).toEqual(['1996-02-29', null, '1815-12-10']);
    expect((await listBirthdays(owner, 2)).map((r) => r.birthdayMonthDay)).toEqual([229, 704]);
    expect(rows.some((r) => r.id === trashedId)).toBe(false);
  });
});
