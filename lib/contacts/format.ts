/**
 * How contacts are shown: names, dates and the only links a contact's fields may become.
 * Pure functions, safe in server and client components.
 */
import { formatCalendarDate, formatMonthDay } from '../format/date';
import { FALLBACK_LOCALE } from '../format/locale';

/** Month names, January first (the editor's month list uses them too). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12 Apr 1985", or "12 Apr" for a birthday whose year is unknown, in the locale; '' when none. */
export function formatBirthday(
  birthday: string | null,
  monthDay: number | null,
  locale: string = FALLBACK_LOCALE,
): string {
  if (birthday) return formatCalendarDate(birthday, locale) ?? birthday;
  return monthDay == null ? '' : formatMonthDay(monthDay, locale);
}

/** A tel: URI (RFC 3966) for a stored phone number: "+1 213 373 4253 ext. 12" → "tel:+12133734253;ext=12". */
export function telHref(phone: string): string | null {
  const [main = '', ext] = phone.split(/\s*ext\.\s*/);
  const digits = main.replace(/[^\d+]/g, '');
  if (!/^\+?\d{3,}$/.test(digits)) return null;
  return `tel:${digits}${ext && /^\d+$/.test(ext) ? `;ext=${ext}` : ''}`;
}

export function mailtoHref(email: string): string | null {
  return /^[^\s@<>"]+@[^\s@<>"]+$/.test(email) ? `mailto:${email}` : null;
}

/** The website as a link target only when it is http or https; anything else is shown as text. */
export function websiteHref(website: string): string | null {
  try {
    const url = new URL(website);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "There are 3 contacts in your address book." with its singular and zero forms. */
export function countSentence(count: number): string {
  if (count === 0) return 'There are no contacts in your address book.';
  if (count === 1) return 'There is 1 contact in your address book.';
  return `There are ${count.toLocaleString('en-US')} contacts in your address book.`;
}
