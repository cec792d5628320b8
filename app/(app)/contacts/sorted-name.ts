import type { NameOrder } from '@/lib/contacts/store';

/** A name cut in three around the part the list is sorted by: before, the part, after. */
export type NameParts = [before: string, key: string, after: string];

/**
 * Where the sort key sits in the name as shown ("Ada Lovelace" sorted by last name: "Lovelace"),
 * so the list can set it in bold, as address books do. Null when the shown name does not contain
 * it (a display name of its own, or no such part): the name is then shown plain.
 */
export function sortedNameParts(
  item: { displayName: string; givenName: string; familyName: string },
  order: NameOrder,
): NameParts | null {
  const key = (order === 'last' ? item.familyName : item.givenName).trim();
  if (!key) return null;
  const shown = item.displayName;
  // The family name is looked for from the end, the given name from the start.
  const at = order === 'last' ? shown.lastIndexOf(key) : shown.indexOf(key);
  if (at < 0) return null;
  return [shown.slice(0, at), key, shown.slice(at + key.length)];
}
