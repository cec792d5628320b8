import type { ContactValues } from './fields';

/**
 * What the vCard and CSV readers hand to the import: each record's form values (strings, to be
 * validated like a typed form) and where in the file it came from, for the summary.
 */
interface ParsedRecord {
  /** "Card 3 (line 17)" or "Line 5": how the summary names it. */
  where: string;
  values: ContactValues;
}
export interface ParseProblem {
  where: string;
  reason: string;
}
export interface ParsedFile {
  records: ParsedRecord[];
  problems: ParseProblem[];
  /** True when the file holds more records than the cap (reading stopped there). */
  tooMany: boolean;
}

/**
 * An exported birthday in any of the common shapes, as the form's fields: a full date goes to
 * `birthday` (YYYY-MM-DD), a date without a year to `birthdayNoYear` (MM-DD). Anything else is
 * passed through unchanged so validation names it as the reason a record was skipped.
 */
export function birthdayFields(raw: string): Pick<ContactValues, 'birthday' | 'birthdayNoYear'> {
  const v = raw.trim();
  if (!v || v === '0/0/00' || v === '00/00/0000') return {};
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v); // 1985-04-12, 19850412, with a time
  if (m) {
    // Apple writes 1604 for "year unknown" (X-APPLE-OMIT-YEAR).
    return m[1] === '1604' || m[1] === '0000'
      ? { birthdayNoYear: `${m[2]}-${m[3]}` }
      : { birthday: `${m[1]}-${m[2]}-${m[3]}` };
  }
  m = /^--(\d{2})-?(\d{2})$/.exec(v); // --0412, --04-12 (RFC 6350, Google)
  if (m) return { birthdayNoYear: `${m[1]}-${m[2]}` };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v); // 4/12/1985: Outlook's US export, month first
  if (m) return { birthday: `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` };
  return { birthday: v };
}

export type PhoneSlot = 'workPhone' | 'homePhone' | 'mobilePhone';

/**
 * Puts phone numbers into the three slots: a typed number in its own slot (first wins), then
 * untyped ones into whichever slots are still empty. Extra numbers are dropped.
 */
export function assignPhones(
  phones: { slot: PhoneSlot | null; value: string }[],
): Partial<Record<PhoneSlot, string>> {
  const out: Partial<Record<PhoneSlot, string>> = {};
  for (const { slot, value } of phones) if (slot && value && !out[slot]) out[slot] = value;
  for (const { slot, value } of phones) {
    if (slot || !value) continue;
    const free = (['mobilePhone', 'homePhone', 'workPhone'] as const).find((s) => !out[s]);
    if (free) out[free] = value;
  }
  return out;
}

/** "Ada Lovelace" → first "Ada", last "Lovelace"; a single word is a first name. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? '', lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}
