import { foldText } from '@/lib/contacts/normalize';
import type { NameOrder } from '@/lib/contacts/store';

/** The letters of the A–Z jump, and "#" for names that start with anything else. */
export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

/**
 * The letter a contact is filed under when the list is sorted by name: the first letter of the
 * same folded key the database sorts by (lib/contacts/derive.ts: "Ångström" under A), "#" for a
 * digit, a sign or another script.
 */
export function letterOf(item: NamedItem, order: NameOrder): string {
  return letterOfKey(sortKeyOf(item, order));
}

type NamedItem = { displayName: string; givenName: string; familyName: string };

/** The start of the key the list is sorted by, enough to compare two rows' places. */
export function sortKeyOf(item: NamedItem, order: NameOrder): string {
  const parts =
    order === 'last' ? [item.familyName, item.givenName] : [item.givenName, item.familyName];
  return foldText(parts.filter((p) => p.trim()).join(' ') || item.displayName);
}

/** The letter of a folded sort key (the database's sort_first / sort_last). */
export function letterOfKey(key: string): string {
  const first = key.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** The ?letter= of an A–Z jump link, or null for anything else. */
export function readLetter(value: string | string[] | undefined): string | null {
  const letter = Array.isArray(value) ? value[0] : value;
  return letter && (LETTERS as readonly string[]).includes(letter) ? letter : null;
}

/** The id of a letter's heading on the list page ("#" is not a friendly fragment). */
export const letterId = (letter: string) => `letter-${letter === '#' ? 'other' : letter}`;

/** Consecutive items under the same letter, in the list's order. */
export function groupByLetter<T>(items: T[], letter: (item: T) => string): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const l = letter(item);
    const last = groups.at(-1);
    if (last && last[0] === l) last[1].push(item);
    else groups.push([l, [item]]);
  }
  return groups;
}
