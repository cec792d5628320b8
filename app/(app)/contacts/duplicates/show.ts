import { formatBirthday } from '@/lib/contacts/format';
import type { PostalAddress } from '@/lib/contacts/model';
import { monthDayOf } from '@/lib/contacts/normalize';

/** A birthday as the contact page words it; text that is not a date as it was kept. */
export function showBirthday(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatBirthday(value, null);
  if (/^--\d{2}-\d{2}$/.test(value)) return formatBirthday(null, monthDayOf(value));
  return value;
}

/** An address on one line: "1 High St, London, NW1 6XE, United Kingdom". */
export const showAddress = (a: PostalAddress) =>
  [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country]
    .map((p) => p.trim())
    .filter(Boolean)
    .join(', ');
