/**
 * When a birthday next comes round, and the age it brings. Pure; "today" is a calendar day held
 * as its UTC midnight: the visitor's date where their browser told us its zone, UTC's otherwise
 * (lib/format/time-zone.ts).
 *
 * 29 February in a year without one is kept on 28 February, as the list orders it: ordered by
 * month-day, 229 comes straight after 228 and before 301, so 28 February is the day the list
 * already puts it on (and the one most people who have it celebrate; UK and Hong Kong law pick
 * 1 March for coming of age, New Zealand and Taiwan 28 February).
 */
const DAY_MS = 86_400_000;

/** month * 100 + day of a moment's UTC date: 5 September → 905. */
export const monthDayOfDate = (d: Date): number => (d.getUTCMonth() + 1) * 100 + d.getUTCDate();

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The UTC midnight of a month-day in a year; 29 February falls on 28 February when it can't. */
function occurrence(year: number, monthDay: number): number {
  const month = Math.floor(monthDay / 100);
  const day = month === 2 && monthDay % 100 === 29 && !isLeap(year) ? 28 : monthDay % 100;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year);
  return d.getTime();
}

export interface NextBirthday {
  /** UTC midnight of the day. */
  date: Date;
  /** 0 today, 1 tomorrow… */
  days: number;
  /** The age they turn that day, when the year of birth is known. */
  age?: number;
}

/**
 * The next birthday on or after `today` for a month-day (month * 100 + day), with the age they
 * turn when `birthday` (YYYY-MM-DD) gives the year.
 */
export function nextBirthday(monthDay: number, birthday: string | null, today: Date): NextBirthday {
  const year = today.getUTCFullYear();
  const start = Date.UTC(year, today.getUTCMonth(), today.getUTCDate());
  let next = occurrence(year, monthDay);
  if (next < start) next = occurrence(year + 1, monthDay);
  const date = new Date(next);
  const born = birthday ? Number(birthday.slice(0, 4)) : NaN;
  const age = Number.isInteger(born) ? date.getUTCFullYear() - born : undefined;
  return { date, days: Math.round((next - start) / DAY_MS), ...(age === undefined ? {} : { age }) };
}

/** "today", "tomorrow" or "in 12 days". */
export function whenText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}
