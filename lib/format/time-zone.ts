import { formatter } from './date';

/**
 * "Today" in the visitor's time zone, for birthdays: the browser names its zone in a cookie
 * (components/time-zone-cookie.tsx); without JavaScript there is none and the day is UTC's.
 */
export const TIME_ZONE_COOKIE = 'cc_tz';

const YEAR_MONTH_DAY = { year: 'numeric', month: 'numeric', day: 'numeric' } as const;

/**
 * The year, month and day in `timeZone`, built once per zone (building one was 1.4 % of the list
 * page's main thread); throws a RangeError for a zone the runtime does not know.
 */
const dayFormatter = (timeZone: string) =>
  formatter('ymd', 'en-US', { ...YEAR_MONTH_DAY, timeZone });

/** An IANA zone name the runtime knows ("Europe/Paris"); anything else is not one. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  if (!/^[A-Za-z0-9_+\-/]+$/.test(name)) return false;
  try {
    dayFormatter(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date it is now in `timeZone`, as that date's UTC midnight (the form the birthday
 * code reads with UTC getters).
 */
export function todayIn(timeZone: string, now = new Date()): Date {
  const parts = dayFormatter(timeZone).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const date = new Date(Date.UTC(2000, part('month') - 1, part('day')));
  date.setUTCFullYear(part('year'));
  return date;
}
