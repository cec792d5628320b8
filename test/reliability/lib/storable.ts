import { getTableColumns } from 'drizzle-orm';
import { expect } from 'vitest';
import { deriveColumns } from '@/lib/contacts/derive';
import type { ContactModel } from '@/lib/contacts/model';
import { contacts } from '@/lib/db/schema';

/**
 * What "fits the contacts table" means for a contact the app would save: the card text may hold
 * no NUL or lone surrogate (PostgreSQL text cannot), and each column deriveColumns() fills fits
 * its varchar, with the lengths read from lib/db/schema.ts itself so the two cannot drift.
 */

const codePoints = (s: string) => [...s].length;
const COLUMNS: Record<string, unknown> = getTableColumns(contacts);
const varcharLength = (key: string): number | undefined => {
  const column = COLUMNS[key] as { columnType?: string; length?: number } | undefined;
  return column?.columnType === 'PgVarchar' ? column.length : undefined;
};

/** Every string inside a value, with its path. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* strings(v, `${path}.${i}`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

export function expectStorable(model: ContactModel): void {
  for (const [path, s] of strings(model)) {
    expect(s, `${path} holds no NUL`).not.toContain('\u0000');
    expect(s.isWellFormed(), `${path} has no lone surrogate`).toBe(true);
  }
  const derived = deriveColumns(model);
  for (const [key, value] of Object.entries(derived)) {
    const max = varcharLength(key);
    if (max === undefined || typeof value !== 'string') continue;
    expect(codePoints(value), `${key} fits varchar(${max})`).toBeLessThanOrEqual(max);
    expect(value.isWellFormed(), `${key} has no lone surrogate`).toBe(true);
  }
  if (derived.birthday !== null) expect(derived.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (derived.birthdayMonthDay !== null) {
    expect(derived.birthdayMonthDay).toBeGreaterThanOrEqual(101);
    expect(derived.birthdayMonthDay).toBeLessThanOrEqual(1231);
  }
  for (const label of derived.labels) expect(label).not.toContain('\u0000');
}
