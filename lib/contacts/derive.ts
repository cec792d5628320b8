import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { displayName, type ContactModel, type LabelledValue } from './model';
import { codePointSlice } from './code-points';
import { foldText, phoneDigits } from './normalize';

/**
 * The columns the data layer derives from a card's model for listing, searching, sorting,
 * birthdays, labels and favourites. The card stays the truth: these are rewritten from it on
 * every save, and a row whose derived_version is older than DERIVED_VERSION is out of date.
 */
export const DERIVED_VERSION = 1;

export interface DerivedColumns {
  derivedVersion: number;
  displayName: string;
  givenName: string;
  familyName: string;
  organization: string;
  primaryEmail: string;
  primaryPhone: string;
  birthday: string | null;
  birthdayMonthDay: number | null;
  labels: string[];
  favourite: boolean;
  sortFirst: string;
  sortLast: string;
  searchText: string;
}

// The columns' lengths (lib/db/schema.ts, varchar(n) counts characters): a card may hold longer
// values, the card keeps them.
const cut = (value: string, max: number) => codePointSlice(value.trim(), max);
const SORT_MAX = 210;
const LABEL_KEY_MAX = 100;

/** The key a label is filtered and matched by: folded, so "Friends" and "friends" are one. */
export function labelKey(name: string): string {
  return codePointSlice(foldText(name), LABEL_KEY_MAX);
}

/** The preferred value of a kind, else the first non-empty one. */
function primary(values: LabelledValue[]): string {
  const filled = values.filter((v) => v.value.trim());
  return (filled.find((v) => v.pref) ?? filled[0])?.value.trim() ?? '';
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A full YYYY-MM-DD birthday, and month * 100 + day for one with or without a year. */
export function birthdayColumns(
  value: string,
): Pick<DerivedColumns, 'birthday' | 'birthdayMonthDay'> {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (y >= 1 && isRealDate(y, m, d))
      return { birthday: value.trim(), birthdayMonthDay: m * 100 + d };
  }
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(value.trim());
  if (noYear) {
    const [m, d] = [Number(noYear[1]), Number(noYear[2])];
    // A leap year, so 29 February without a year is a real date.
    if (isRealDate(2000, m, d)) return { birthday: null, birthdayMonthDay: m * 100 + d };
  }
  return { birthday: null, birthdayMonthDay: null };
}

/** The digits of a number as stored and as spelled nationally, so either spelling finds it. */
function phoneSearchDigits(value: string): string[] {
  const digits = [phoneDigits(value)];
  const parsed = parsePhoneNumberFromString(value);
  if (parsed) digits.push(phoneDigits(parsed.formatNational()), phoneDigits(parsed.number));
  return digits.filter(Boolean);
}

function nameKey(parts: string[], fallback: string): string {
  return codePointSlice(foldText(parts.filter((p) => p.trim()).join(' ') || fallback), SORT_MAX);
}

/** Every derived column of one contact. */
export function deriveColumns(model: ContactModel): DerivedColumns {
  const shown = displayName(model);
  const { prefix, given, middle, family, suffix } = model.name;
  const words = [
    model.formattedName,
    prefix,
    given,
    middle,
    family,
    suffix,
    model.nickname,
    model.organization,
    ...model.emails.map((e) => e.value),
  ]
    .map(foldText)
    .flatMap((text) => text.split(' '));
  const digits = model.phones.flatMap((p) => phoneSearchDigits(p.value));
  return {
    derivedVersion: DERIVED_VERSION,
    displayName: cut(shown, 300),
    givenName: cut(given, 100),
    familyName: cut(family, 100),
    organization: cut(model.organization, 200),
    primaryEmail: cut(primary(model.emails), 254),
    primaryPhone: cut(primary(model.phones), 64),
    ...birthdayColumns(model.birthday),
    labels: [...new Set(model.labels.map(labelKey).filter(Boolean))],
    favourite: model.favourite,
    sortFirst: nameKey([given, middle, family], shown),
    sortLast: nameKey([family, given, middle], shown),
    searchText: [...new Set([...words, ...digits].filter(Boolean))].join(' '),
  };
}
