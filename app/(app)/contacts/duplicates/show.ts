import type { PostalAddress } from '@/lib/contacts/model';
import { formatCalendarDate } from '@/lib/format/date';

/** A birthday as the contact page words it; text that is not a date as it was kept. */
export const showBirthday = (value: string, locale: string): string =>
  formatCalendarDate(value, locale) ?? value;

/** An address on one line: "1 High St, London, NW1 6XE, United Kingdom". */
export const showAddress = (a: PostalAddress) =>
  [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country]
    .map((p) => p.trim())
    .filter(Boolean)
    .join(', ');
