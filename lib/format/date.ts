/**
 * The one way the app writes dates and times: Intl.DateTimeFormat with short month names in the
 * locale lib/format/locale.ts negotiated ("5 Sept 1999" in en-GB, "Sep 5, 1999" in en-US).
 * Pure functions, safe in server and client components. The Gregorian calendar and Latin digits
 * are fixed so that no locale can change them.
 */
const FIXED = { calendar: 'gregory', numberingSystem: 'latn' } as const;
const DAY: Intl.DateTimeFormatOptions = {
  ...FIXED,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
};
const MONTH_DAY: Intl.DateTimeFormatOptions = { ...FIXED, day: 'numeric', month: 'short' };
const MOMENT: Intl.DateTimeFormatOptions = {
  ...DAY,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

// A formatter is costly to build; the locales are few (English variants) and the zones the
// runtime's own (a name it does not know throws before anything is kept), so each is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(
  kind: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind} ${locale} ${options.timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

const CALENDAR_DATE = /^(\d{4}|-)-(\d{2})-(\d{2})$/;

/**
 * A calendar date as kept in a card: "1985-04-12" → "12 Apr 1985", "--04-12" → "12 Apr" (a
 * birthday without a year). Undefined for anything that is not a real date, which callers show
 * as it was kept.
 */
export function formatCalendarDate(value: string, locale: string): string | undefined {
  const m = CALENDAR_DATE.exec(value);
  if (!m) return undefined;
  const yearless = m[1] === '-';
  // A year-less 29 February is real: check it against a leap year.
  const year = yearless ? 2000 : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return yearless
    ? formatter('md', locale, { ...MONTH_DAY, timeZone: 'UTC' }).format(date)
    : formatter('day', locale, { ...DAY, timeZone: 'UTC' }).format(date);
}

/** A month-day kept as month * 100 + day (412 → "12 Apr"). */
export function formatMonthDay(monthDay: number, locale: string): string {
  const mm = String(Math.floor(monthDay / 100)).padStart(2, '0');
  const dd = String(monthDay % 100).padStart(2, '0');
  return formatCalendarDate(`--${mm}-${dd}`, locale) ?? '';
}

/** The day of a moment, in UTC (when a contact was added or deleted): "3 Mar 2026". */
export function formatDay(date: Date, locale: string): string {
  return formatter('day', locale, { ...DAY, timeZone: 'UTC' }).format(date);
}

/**
 * A moment with its time and zone: "1 Dec 2026, 19:13 UTC". Without a time zone, the runtime's
 * own: in a browser, the visitor's.
 */
export function formatMoment(date: Date, locale: string, timeZone?: string): string {
  return formatter('moment', locale, { ...MOMENT, timeZone }).format(date);
}
