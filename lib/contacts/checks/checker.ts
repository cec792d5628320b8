/** Caps, messages and the bookkeeping of one check: flags for the contact page, errors for the editor. */
import type { ContactFlag } from '../model';
import { codePointSlice } from '../code-points';
import { inCountry } from './country-name';

export interface FieldError {
  /** 'phones.2.value', 'birthday', 'name.given'…; '' for the record as a whole. */
  path: string;
  message: string;
}

/** Caps in characters the editor accepts without asking ("soft"). */
export const FIELD_LIMITS = {
  uid: 500,
  formattedName: 200,
  namePart: 100,
  nickname: 100,
  organization: 200,
  department: 200,
  jobTitle: 200,
  label: 100,
  email: 254,
  phone: 100,
  url: 2048,
  date: 100,
  related: 200,
  street: 500,
  addressPart: 200,
  category: 100,
  note: 10_000,
} as const;
/** A value over its cap is kept in full (flagged) up to this many times the cap, else dropped. */
export const HARD_CAP_FACTOR = 10;
/** Rows per list field (phones, emails, labels…); more are dropped, named in a flag. */
export const MAX_ROWS = 100;

// PostgreSQL text cannot hold NUL or lone surrogates; other control characters are never meant.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const MESSAGES = {
  identity: 'Enter a name, an organisation, an email address or a phone number.',
  email: 'Enter an email address like name@example.com.',
  url: 'Enter a web address like https://example.com.',
  date: 'Enter the date as YYYY-MM-DD (e.g. 1985-04-12), or --MM-DD without a year.',
  future: 'Enter a date no later than today.',
  phone: (region: string) =>
    `Enter a valid phone number, with the country code (e.g. +44) unless it is in ${inCountry(region)}.`,
  length: (cap: number) => `Use at most ${cap.toLocaleString('en')} characters.`,
};

/** Where a flag points: the list field and the row in the checked model. */
export interface Place {
  field: string;
  index?: number;
}

export class Checker {
  readonly flags: ContactFlag[] = [];
  readonly errors: FieldError[] = [];
  constructor(private readonly keep: Set<string>) {}

  /** Cleans a text value and applies its cap; '' when the value had to be dropped. */
  text(path: string, at: Place, raw: string, cap: number, multiline = false): string {
    let v = raw.replace(LONE_SURROGATE, '\ufffd');
    v = multiline ? v.replace(/\r\n?/g, '\n') : v.replace(/[\r\n\t]+/g, ' ');
    v = v.replace(CONTROL, '').trim();
    if (v.length <= cap) return v;
    if (v.length > cap * HARD_CAP_FACTOR) {
      const hard = cap * HARD_CAP_FACTOR;
      this.flag(at, v, `dropped: longer than ${hard.toLocaleString('en')} characters`);
      this.errors.push({ path, message: MESSAGES.length(cap) });
      return '';
    }
    this.invalid(
      path,
      at,
      v,
      `kept in full: longer than ${cap.toLocaleString('en')} characters`,
      MESSAGES.length(cap),
    );
    return v;
  }

  /** A value that failed its check: kept as typed with a flag, an error unless confirmed. */
  invalid(path: string, at: Place, value: string, reason: string, message: string) {
    this.flag(at, value, reason);
    if (!this.keep.has(path)) this.errors.push({ path, message });
  }

  flag(at: Place, value: string, reason: string) {
    // Shown in notes and kept in the contact's flags (jsonb): cut between characters, not inside one.
    const cut = codePointSlice(value, 80);
    const shown = cut.length < value.length ? `${cut}…` : value;
    this.flags.push({ ...at, value: shown, reason });
  }
}
