/**
 * How contacts are shown: names, dates and the only links a contact's fields may become.
 * Pure functions, safe in server and client components.
 */
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

/** "12 April 1985", or "12 April" for a birthday whose year is unknown; '' when none. */
export function formatBirthday(birthday: string | null, monthDay: number | null): string {
  if (birthday) {
    const [y, m, d] = birthday.split('-').map(Number);
    return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
  }
  if (monthDay == null) return '';
  return `${monthDay % 100} ${MONTHS[Math.floor(monthDay / 100) - 1]}`;
}

/** The date a contact was added, e.g. "3 March 2026". */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
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
