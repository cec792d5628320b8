import ICAL from 'ical.js';

/** Test helpers: read a feed with ical.js, an iCalendar parser independent of the generator. */

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  /** DTSTART is a DATE (all day), not a DATE-TIME. */
  allDay: boolean;
  /** Days from DTSTART to DTEND. */
  days: number;
  rrule: string;
  transparency: string;
  /** The first `count` occurrences on or after `from` (YYYY-MM-DD each). */
  occurrences: (count: number, from?: string) => string[];
}

const day = (time: ICAL.Time) => time.toString().slice(0, 10);

export function parseFeed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? '',
      start: day(event.startDate),
      allDay: event.startDate.isDate,
      days: event.endDate.subtractDate(event.startDate).toSeconds() / 86_400,
      rrule: String(component.getFirstPropertyValue('rrule') ?? ''),
      transparency: String(component.getFirstPropertyValue('transp') ?? ''),
      occurrences(count, from = '0001-01-01') {
        const it = event.iterator();
        const found: string[] = [];
        // A bound on the walk, so a rule that never reaches `from` fails instead of hanging.
        for (let i = 0; i < 5000 && found.length < count; i++) {
          const next = it.next();
          if (!next) break;
          if (day(next) >= from) found.push(day(next));
        }
        return found;
      },
    };
  });
  const prop = (name: string) => String(calendar.getFirstPropertyValue(name) ?? '');
  return { calendar, events, prop };
}

/** The event whose summary starts with `name`. */
export function eventFor(events: ParsedEvent[], name: string): ParsedEvent {
  const event = events.find((e) => e.summary.startsWith(name));
  if (!event) throw new Error(`no event for ${name}: ${events.map((e) => e.summary).join(', ')}`);
  return event;
}
