import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { getConfig } from '../config';
import { monthDayOf } from './normalize';
import { BIRTHDAY_MIN, FIELD_MAX, todayIso, type ContactField } from './fields';

/** A contact as validated and normalized, ready for the data layer. */
export interface ContactInput {
  firstName: string;
  lastName: string;
  /** YYYY-MM-DD, or null. */
  birthday: string | null;
  /** month * 100 + day; set without `birthday` for a birthday whose year is unknown. */
  birthdayMonthDay: number | null;
  email: string;
  website: string;
  workPhone: string;
  homePhone: string;
  mobilePhone: string;
  notes: string;
}

const tooLong = (field: ContactField) => `Use at most ${FIELD_MAX[field]} characters.`;

// PostgreSQL text cannot hold NUL, and other control characters are never meant in a contact.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAKS = /[\r\n\t]+/g;

/** A single-line text field: control characters and line breaks become spaces, then trimmed. */
const line = (field: ContactField) =>
  z
    .string()
    .default('')
    .transform((v) => v.replace(LINE_BREAKS, ' ').replace(CONTROL, '').trim())
    .pipe(z.string().max(FIELD_MAX[field], tooLong(field)));

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const birthday = z
  .string()
  .default('')
  .transform((v) => v.trim())
  .superRefine((v, ctx) => {
    if (!v) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the date as YYYY-MM-DD, e.g. 1985-04-12.' });
    } else if (!isRealDate(v) || v < BIRTHDAY_MIN || v > todayIso()) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a real date between 1900-01-01 and today.',
      });
    }
  });

/** A birthday without a year ("MM-DD"), kept from an import when the date field stays empty. */
const birthdayNoYear = z
  .string()
  .default('')
  .refine((v) => !v || (/^\d{2}-\d{2}$/.test(v) && isRealDate(`2000-${v}`)), 'Invalid birthday.');

const email = z
  .string()
  .default('')
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .max(FIELD_MAX.email, tooLong('email'))
      .refine(
        (v) => !v || z.email().safeParse(v).success,
        'Enter an email address like name@example.com.',
      ),
  );

const DOMAIN_ONLY = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

/** The normalized address of an http(s) website, or null when it is not one. */
export function normalizeWebsite(typed: string): string | null {
  // "www.example.com" as exported by many address books: assume https.
  const withScheme = DOMAIN_ONLY.test(typed) ? `https://${typed}` : typed;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  if (/\s/.test(typed)) return null;
  return url.href;
}

const website = z
  .string()
  .default('')
  .transform((v) => v.trim())
  .pipe(z.string().max(FIELD_MAX.website, tooLong('website')))
  .transform((v, ctx) => {
    if (!v) return '';
    const url = normalizeWebsite(v);
    if (url && url.length <= FIELD_MAX.website) return url;
    ctx.addIssue({
      code: 'custom',
      message: 'Enter a web address starting with http:// or https://, e.g. https://example.com.',
    });
    return z.NEVER;
  });

/** A phone number formatted internationally ("+1 213 373 4253"), or null when it is not one. */
export function formatPhone(typed: string, region: string): string | null {
  const number = parsePhoneNumberFromString(typed, region as CountryCode);
  if (!number?.isValid()) return null;
  const formatted = number.formatInternational();
  return formatted.length <= FIELD_MAX.workPhone ? formatted : null;
}

const phone = (field: ContactField) =>
  z
    .string()
    .default('')
    .transform((v) => v.trim())
    .pipe(z.string().max(FIELD_MAX[field], tooLong(field)))
    .transform((v, ctx) => {
      if (!v) return '';
      const region = getConfig().DEFAULT_PHONE_REGION;
      const formatted = formatPhone(v, region);
      if (formatted) return formatted;
      ctx.addIssue({
        code: 'custom',
        message: `Enter a valid phone number, with the country code (e.g. +44) unless it is in ${region}.`,
      });
      return z.NEVER;
    });

const notes = z
  .string()
  .default('')
  .transform((v) => v.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim())
  .pipe(z.string().max(FIELD_MAX.notes, tooLong('notes')));

/** A contact as a form or an import gives it (strings), validated and normalized. */
export const contactSchema = z
  .object({
    firstName: line('firstName'),
    lastName: line('lastName'),
    birthday,
    birthdayNoYear,
    email,
    website,
    workPhone: phone('workPhone'),
    homePhone: phone('homePhone'),
    mobilePhone: phone('mobilePhone'),
    notes,
  })
  .refine((c) => Boolean(String(c.firstName ?? '').trim() || String(c.lastName ?? '').trim()), {
    path: ['firstName'],
    message: 'Enter a first or last name.',
    // Checked even when other fields failed, so every error shows at once.
    when: () => true,
  })
  .transform(({ birthdayNoYear: noYear, birthday: date, ...rest }): ContactInput => ({
    ...rest,
    birthday: date || null,
    birthdayMonthDay: monthDayOf(date || noYear),
  }));

/** A contact id from a URL or a form: anything but a UUID can name no contact. */
export function isContactId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
