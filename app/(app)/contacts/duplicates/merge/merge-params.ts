import { z } from 'zod';
import {
  CHOICE_FIELDS,
  type ChoiceField,
  type Choices,
} from '@/lib/contacts/duplicates/merge-model';
import { isContactId } from '@/lib/contacts/store/ids';

/** The most contacts one merge takes (a group larger than this is merged in parts). */
export const MAX_MERGED = 10;

const idList = z
  .string()
  .max(MAX_MERGED * 37)
  .transform((s) => [...new Set(s.split(','))])
  .refine((ids) => ids.length >= 2 && ids.length <= MAX_MERGED && ids.every(isContactId));

/** The contacts a merge page is about; undefined when the address names fewer than two or bad ids. */
export function parseIds(raw: unknown): string[] | undefined {
  const parsed = idList.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** The choices the address or form gives (each an id among `ids`); the rest left to defaults. */
export function parseChoices(
  read: (field: ChoiceField) => unknown,
  ids: string[],
): Partial<Choices> {
  const choices: Partial<Choices> = {};
  for (const field of CHOICE_FIELDS) {
    const value = read(field);
    if (typeof value === 'string' && ids.includes(value)) choices[field] = value;
  }
  return choices;
}

/** The merge page for these contacts, with the choices made so far. */
export function mergeHref(ids: string[], choices: Partial<Choices> = {}): string {
  const query = new URLSearchParams({ ids: ids.join(',') });
  for (const field of CHOICE_FIELDS) if (choices[field]) query.set(field, choices[field]);
  return `/contacts/duplicates/merge?${query.toString().replaceAll('%2C', ',')}`;
}
