import { describe, expect, it } from 'vitest';
import { birthdayCalendar, birthdayCalendarInChunks, FEED_NAME } from './birthday-feed';
import type { BirthdayRow } from './birthdays';
import { eventFor, parseFeed } from './ics-test-helpers';

let serial = 0;
function row(displayName: string, birthday: string): BirthdayRow {
  serial += 1;
  const full = /^\d{4}-\d{2}-\d{2}$/.test(birthday);
  const [m, d] = birthday.slice(-5).split('-');
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    displayName,
    birthday: full ? birthday : null,
    birthdayMonthDay: Number(m) * 100 + Number(d),
    updatedAt: new Date(Date.UTC(2026, 10, serial, 12, 0, 0)),
  };
}

/** Independently of any calendar code: the last day of February in `year`. */
const endOfFebruary = (year: number) =>
  `${year}-02-${String(new Date(Date.UTC(year, 2, 0)).getUTCDate())}`;
const years = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('the birthday calendar', () => {
  it('is a named calendar with a refresh hint, valid to ical.js', () => {
    const { prop, events } = parseFeed(birthdayCalendar([row('Ada Lovelace', '1815-12-10')]));
    expect(prop('version')).toBe('2.0');
    expect(prop('prodid')).toContain('Contact Cards');
    expect(prop('x-wr-calname')).toBe(FEED_NAME);
    expect(prop('name')).toBe('Birthdays — Contact Cards');
    expect(prop('x-published-ttl')).toBe('PT12H');
    expect(prop('refresh-interval')).toBe('PT12H');
    expect(events).toHaveLength(1);
  });

  it('makes one yearly, all-day, transparent event from the birth date', () => {
    const ada = row('Ada Lovelace', '1815-12-10');
    const [event] = parseFeed(birthdayCalendar([ada])).events;
    expect(event).toMatchObject({
      uid: `birthday-${ada.id}@contact-cards`,
      summary: "Ada Lovelace's birthday",
      start: '1815-12-10',
      allDay: true,
      days: 1,
      transparency: 'TRANSPARENT',
    });
    expect(event!.rrule).toBe('FREQ=YEARLY');
    expect(event!.description).toContain('Born 10 December 1815.');
    expect(event!.occurrences(3)).toEqual(['1815-12-10', '1816-12-10', '1817-12-10']);
    expect(event!.occurrences(8, '2026-01-01')).toEqual(years(2026, 8).map((y) => `${y}-12-10`));
  });

  it('shows 29 February on the last day of February every year, 29th in leap years', () => {
    const leap = row('Leap Person', '1996-02-29');
    const [event] = parseFeed(birthdayCalendar([leap])).events;
    expect(event!.start).toBe('1996-02-29');
    expect(event!.description).toContain('Born 29 February 1996.');
    expect(event!.description).toContain('28 February');
    expect(event!.occurrences(5)).toEqual(years(1996, 5).map(endOfFebruary));
    const next8 = event!.occurrences(8, '2026-01-01');
    expect(next8).toEqual(years(2026, 8).map(endOfFebruary));
    expect(next8).toContain('2028-02-29');
    expect(next8).toContain('2027-02-28');
    // 2100 is not a leap year (divisible by 100), 2400 is (by 400).
    expect(event!.occurrences(1, '2100-01-01')).toEqual(['2100-02-28']);
    expect(event!.occurrences(1, '2400-01-01')).toEqual(['2400-02-29']);
  });

  it('keeps birthdays without a year, starting in a leap year, with no year shown', () => {
    const noYear = row('Grace Hopper', '--07-04');
    const leapNoYear = row('Nameless Leap', '--02-29');
    const { events } = parseFeed(birthdayCalendar([noYear, leapNoYear]));
    const grace = eventFor(events, 'Grace Hopper');
    expect(grace.start).toBe('2000-07-04');
    expect(grace.description).toBe('');
    expect(grace.occurrences(8, '2026-01-01')).toEqual(years(2026, 8).map((y) => `${y}-07-04`));
    const leap = eventFor(events, 'Nameless Leap');
    expect(leap.start).toBe('2000-02-29');
    expect(leap.occurrences(8, '2026-01-01')).toEqual(years(2026, 8).map(endOfFebruary));
  });

  it('starts a birth date before 1601 in the fallback year, keeping the year in the text', () => {
    const [event] = parseFeed(birthdayCalendar([row('Old One', '1500-03-01')])).events;
    expect(event!.start).toBe('2000-03-01');
    expect(event!.description).toContain('1500');
    expect(event!.occurrences(2, '2026-01-01')).toEqual(['2026-03-01', '2027-03-01']);
  });

  it('carries unicode names and escapes commas, semicolons, backslashes and newlines', () => {
    const unicode = 'Zoë Ōkubo 李小龍 👩🏽‍🚀 ' + 'Ærøskøbing-'.repeat(8);
    const rows = [
      row(unicode, '1990-05-06'),
      row('Smith, Jr.; "Bob" \\ the\nsecond\r\nline', '1980-01-02'),
      row('', '1970-01-01'),
    ];
    const ics = birthdayCalendar(rows);
    // RFC 5545 3.1: CRLF line ends, no line longer than 75 octets (folded without splitting a
    // character: ical.js would read a broken one as U+FFFD).
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { events } = parseFeed(ics);
    expect(events.map((e) => e.summary)).toEqual([
      `${unicode}'s birthday`,
      'Smith, Jr.; "Bob" \\ the second line\'s birthday',
      'Birthday',
    ]);
    expect(events.every((e) => !e.summary.includes('\uFFFD'))).toBe(true);
  });

  it('is the same text for the same data (stable UIDs and ETags) and differs per contact', () => {
    const rows = [row('A', '2001-01-01'), row('B', '2001-01-01')];
    const first = birthdayCalendar(rows);
    expect(birthdayCalendar(rows)).toBe(first);
    const uids = parseFeed(first).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(2);
    expect(parseFeed(birthdayCalendar([rows[1]!])).events[0]!.uid).toBe(uids[1]);
  });

  it('is an empty, valid calendar with no birthdays', () => {
    const { events, prop } = parseFeed(birthdayCalendar([]));
    expect(events).toEqual([]);
    expect(prop('x-wr-calname')).toBe(FEED_NAME);
  });
});

describe('rows the derived columns should never hold', () => {
  it('skips an impossible month-day instead of failing the whole feed', () => {
    const bad = { ...row('Bad', '2001-01-01'), birthday: null, birthdayMonthDay: 1332 };
    const { events } = parseFeed(birthdayCalendar([bad, row('Good', '2001-01-01')]));
    expect(events.map((e) => e.summary)).toEqual(["Good's birthday"]);
  });
});

describe('building in chunks', () => {
  const many = Array.from({ length: 1234 }, (_, i) =>
    row(
      `Person ${i}`,
      `19${String(10 + (i % 90))}-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`,
    ),
  );

  it('makes exactly the text of one piece', async () => {
    expect(await birthdayCalendarInChunks(many, 100)).toBe(birthdayCalendar(many));
    expect(await birthdayCalendarInChunks(many.slice(0, 3), 100)).toBe(
      birthdayCalendar(many.slice(0, 3)),
    );
    expect(await birthdayCalendarInChunks([])).toBe(birthdayCalendar([]));
    expect(parseFeed(await birthdayCalendarInChunks(many, 500)).events).toHaveLength(1234);
  });

  it('lets other work run between chunks', async () => {
    const order: string[] = [];
    const build = birthdayCalendarInChunks(many, 100).then(() => order.push('feed done'));
    setImmediate(() => order.push('other work'));
    await build;
    expect(order).toEqual(['other work', 'feed done']);
  });
});
