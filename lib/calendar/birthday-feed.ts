import 'server-only';
import ical, { ICalEventRepeatingFreq, ICalEventTransparency } from 'ical-generator';
import { listBirthdays, type BirthdayRow } from './birthdays';
import { MONTHS } from '../contacts/format';

/** The calendar's name in calendar apps. */
export const FEED_NAME = 'Birthdays — Contact Cards';
/** How often apps should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 12 * 60 * 60;
const DAY_MS = 86_400_000;

/**
 * The first occurrence of a birthday without a year, and of one whose year is too early.
 * 2000: a leap year, so --02-29 is a real date on which the rule below starts (RFC 5545 wants
 * DTSTART to be an occurrence of its RRULE); in the past, so every year since shows it; a fixed
 * year, not "last year", so the feed's bytes and ETag stay the same from one day to the next.
 */
const YEARLESS_START = 2000;
/**
 * Windows' date type (FILETIME, used by Outlook) starts in 1601; a birth date before it starts
 * the rule in YEARLESS_START instead, with the real year kept in the description.
 */
const EARLIEST_START = 1601;

/** A name on one line: control characters (a newline in an FN) would split the event's title. */
const oneLine = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function describe(row: BirthdayRow, month: number, day: number): string {
  const year = row.birthday ? Number(row.birthday.slice(0, 4)) : null;
  const lines = year ? [`Born ${day} ${MONTHS[month - 1]} ${year}.`] : [];
  if (month === 2 && day === 29) lines.push('Shown on 28 February in years without a 29th.');
  return lines.join('\n');
}

/** The iCalendar text of these birthdays: one yearly all-day event each. */
export function birthdayCalendar(rows: readonly BirthdayRow[]): string {
  const calendar = ical({
    name: FEED_NAME,
    prodId: { company: 'Contact Cards', product: 'Birthday calendar', language: 'EN' },
    ttl: REFRESH_SECONDS,
  });
  for (const row of rows) {
    const month = Math.floor(row.birthdayMonthDay / 100);
    const day = row.birthdayMonthDay % 100;
    const born = row.birthday ? Number(row.birthday.slice(0, 4)) : 0;
    const year = born >= EARLIEST_START ? born : YEARLESS_START;
    const start = new Date(Date.UTC(year, month - 1, day));
    // The derived column only holds real dates; anything else is skipped, not a failed feed.
    if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day) continue;
    const leapDay = month === 2 && day === 29;
    const name = oneLine(row.displayName);
    calendar.createEvent({
      // The contact's row id, so an app updates the event when the name or date changes rather
      // than adding a second one; not the card's UID, which names the contact, not this event.
      id: `birthday-${row.id}@contact-cards`,
      allDay: true,
      // ical-generator writes an all-day date from the Date's UTC parts when no zone is set.
      start,
      end: new Date(start.getTime() + DAY_MS),
      // A plain yearly rule on 29 February would skip three years in four (RFC 5545 drops
      // occurrences on dates that do not exist). The last day of February is 29 February in leap
      // years and 28 February otherwise: one event, one UID, and the day stays in February,
      // where most people born on the 29th celebrate in other years.
      repeating: leapDay
        ? { freq: ICalEventRepeatingFreq.YEARLY, byMonth: [2], byMonthDay: [-1] }
        : { freq: ICalEventRepeatingFreq.YEARLY },
      summary: name ? `${name}'s birthday` : 'Birthday',
      description: describe(row, month, day) || null,
      // Birthdays do not make anyone busy: free/busy lookups must not see them.
      transparency: ICalEventTransparency.TRANSPARENT,
      // When the contact last changed: stable between requests, so the ETag is too.
      stamp: row.updatedAt,
      lastModified: row.updatedAt,
    });
  }
  return calendar.toString();
}

/** Events built between two turns of the event loop: a few tens of milliseconds of work. */
const CHUNK = 500;
const END = 'END:VCALENDAR';

/**
 * The same text as birthdayCalendar(rows), built `chunk` events at a time with a turn of the
 * event loop between chunks: the 20,000-event cap takes seconds of CPU, which in one piece would
 * stall every other request of the server. The calendar's header does not depend on its events,
 * so the chunks' events join under one header.
 */
export async function birthdayCalendarInChunks(
  rows: readonly BirthdayRow[],
  chunk = CHUNK,
): Promise<string> {
  const empty = birthdayCalendar([]);
  const parts = [empty.slice(0, -END.length)];
  for (let i = 0; i < rows.length; i += chunk) {
    await new Promise((resolve) => setImmediate(resolve));
    const text = birthdayCalendar(rows.slice(i, i + chunk));
    parts.push(text.slice(text.indexOf('BEGIN:VEVENT'), -END.length));
  }
  parts.push(END);
  return parts.join('');
}

/** The owner's birthday feed (live contacts only, capped at 20,000 events). */
export async function buildBirthdayFeed(ownerId: string): Promise<string> {
  return birthdayCalendarInChunks(await listBirthdays(ownerId));
}
