import { foldText } from '@/lib/contacts/normalize';
import type { NameOrder } from '@/lib/contacts/store';

/** The letters of the A–Z jump, and "#" for names that start with anything else. */
export const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

/**
 * The letter a contact is filed under when the list is sorted by name: the first letter of the
 * same folded key the database sorts by (lib/contacts/derive.ts: "Ångström" under A), "#" for a
 * digit, a sign or another script.
 */
export function letterOf(
  item: { displayName: string; givenName: string; familyName: string },
  order: NameOrder,
): string {
  const parts =
    order === 'last' ? [item.familyName, item.givenName] : [item.givenName, item.familyName];
  const key = foldText(parts.filter((p) => p.trim()).join(' ') || item.displayName);
  const first = key.charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
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
