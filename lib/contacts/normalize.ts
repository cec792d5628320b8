/**
 * The one normalization behind sorting and searching: what is stored in name_sort and
 * search_text and what a search query is turned into must agree, so both come from here.
 */
import anyAscii from 'any-ascii';

/**
 * NFKD, marks removed, Latin letters without a decomposition (ø ł đ æ ß œ ð þ) spelled in ASCII,
 * lower case, single spaces: "Zoë  ÅSTRÖM" → "zoe astrom", "Łukasz Østergaard" → "lukasz
 * ostergaard". Marks go first so Müller folds to "muller", not German "mueller"; any-ascii runs
 * on Latin-script runs only, so 日本 and Дмитрий stay searchable as typed.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/\p{Script=Latin}+/gu, anyAscii)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The digits of a phone number, nothing else. */
export function phoneDigits(value: string): string {
  return value.replace(/\D+/g, '');
}

const NAME_SORT_MAX = 210;

/** The name sort key: "last first", folded, so "de la Cruz" sorts with "De La Cruz". */
export function nameSortKey(firstName: string, lastName: string): string {
  return foldText(`${lastName} ${firstName}`).slice(0, NAME_SORT_MAX);
}

export interface SearchableFields {
  firstName: string;
  lastName: string;
  email: string;
  /** Each number as stored, plus any other spellings whose digits should match (e.g. national). */
  phones: string[];
}

/** What search matches: names and email folded, then the digits of every phone spelling. */
export function searchTextFor(fields: SearchableFields): string {
  const digits = [...new Set(fields.phones.map(phoneDigits).filter(Boolean))];
  return [foldText(fields.firstName), foldText(fields.lastName), foldText(fields.email), ...digits]
    .filter(Boolean)
    .join(' ');
}

/** Escapes LIKE's wildcards so user input is matched literally (the escape character is \). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const PHONE_LIKE = /^[+\d\s().\-/]+$/;
// Stored text never holds control characters (validation drops them) and PostgreSQL text cannot
// hold NUL at all: a query must not carry them to the database.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const MAX_TERMS = 6;
const MAX_QUERY = 100;

/**
 * The LIKE patterns a search query becomes; a contact matches when every pattern does.
 * Words are matched separately ("lovelace ada" finds Ada Lovelace); a query that looks like a
 * phone number ("(213) 373-4253") becomes one digits-only pattern, so formatting never matters.
 */
export function searchPatterns(query: string): string[] {
  const trimmed = query.replace(CONTROL, '').slice(0, MAX_QUERY).trim();
  if (!trimmed) return [];
  if (PHONE_LIKE.test(trimmed) && phoneDigits(trimmed).length >= 3) {
    return [`%${phoneDigits(trimmed)}%`];
  }
  const terms = [...new Set(foldText(trimmed).split(' ').filter(Boolean))].slice(0, MAX_TERMS);
  return terms.map((term) => `%${escapeLike(term)}%`);
}

/** month * 100 + day of a YYYY-MM-DD or MM-DD string, for the birthday widget; null if none. */
export function monthDayOf(value: string | null | undefined): number | null {
  const match = value ? /(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? Number(match[1]) * 100 + Number(match[2]) : null;
}
