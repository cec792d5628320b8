import { CONTACT_FIELDS, FIELD_LABELS, type ContactField, type ContactValues } from './fields';
import { contactTextValues } from './form-values';
import {
  assignPhones,
  birthdayFields,
  splitFullName,
  type ParsedFile,
  type PhoneSlot,
} from './records';
import type { VCardContact } from './vcard';

/**
 * CSV reading (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, a BOM; comma,
 * semicolon or tab separated) with the columns of our own export, Google Contacts and Outlook;
 * and CSV writing in our own columns.
 */

export interface CsvRow {
  /** The line the row starts on (1-based). */
  line: number;
  fields: string[];
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/** Splits CSV text into rows; throws a message with the line number for an unclosed quote. */
export function parseCsvRows(
  input: string,
  maxRows = Infinity,
): { rows: CsvRow[]; tooMany: boolean } {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      if (rows.length > maxRows) return { rows: rows.slice(0, maxRows), tooMany: true };
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) throw new Error(`Line ${quoteLine}: a quoted field is never closed.`);
  if (field !== '' || fields.length > 0) endRow();
  return { rows: rows.slice(0, maxRows), tooMany: rows.length > maxRows };
}

const key = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

/** Header names (folded) each field is read from, in order of preference. */
const COLUMNS: Record<string, string[]> = {
  firstName: ['first name', 'given name', 'firstname', 'first'],
  middleName: ['middle name', 'additional name'],
  lastName: ['last name', 'family name', 'surname', 'lastname', 'last'],
  fullName: ['name', 'full name', 'display name'],
  birthday: ['birthday', 'birth date', 'date of birth'],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'e-mail 1 - value',
    'email 1 - value',
  ],
  website: ['website', 'web site', 'web page', 'website 1 - value', 'personal web page', 'url'],
  workPhone: ['work phone', 'business phone'],
  homePhone: ['home phone'],
  mobilePhone: ['mobile phone', 'mobile', 'cell phone', 'cell'],
  otherPhone: ['phone', 'primary phone', 'other phone', 'phone number'],
  notes: ['notes', 'note'],
};

/** Google's typed pairs: "Phone 1 - Type" (or "- Label") and "Phone 1 - Value". */
function googlePhoneColumns(headers: string[]): { type: number; value: number }[] {
  const pairs: { type: number; value: number }[] = [];
  headers.forEach((h, value) => {
    const m = /^phone (\d+) - value$/.exec(h);
    if (!m) return;
    const type = headers.findIndex(
      (t) => t === `phone ${m[1]} - type` || t === `phone ${m[1]} - label`,
    );
    pairs.push({ type, value });
  });
  return pairs;
}

function googleSlot(type: string): PhoneSlot | null | 'skip' {
  const t = type.toLowerCase();
  if (/fax|pager/.test(t)) return 'skip';
  if (/mobile|cell/.test(t)) return 'mobilePhone';
  if (/work/.test(t)) return 'workPhone';
  if (/home/.test(t)) return 'homePhone';
  return null;
}

/** Google joins several values of one cell with " ::: ": the first is kept. */
const firstValue = (v: string) => v.split(' ::: ')[0]!.trim();
/** Our export guards text against spreadsheet formulas with a leading quote: remove it. */
const unguard = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** Reads a CSV address book with a header row, up to `maxRows` contacts. */
export function parseContactsCsv(text: string, maxRows = Infinity): ParsedFile {
  let parsed: ReturnType<typeof parseCsvRows>;
  try {
    parsed = parseCsvRows(text, maxRows + 1);
  } catch (error) {
    return {
      records: [],
      problems: [{ where: 'File', reason: (error as Error).message }],
      tooMany: false,
    };
  }
  const [header, ...rows] = parsed.rows;
  const result: ParsedFile = {
    records: [],
    problems: [],
    tooMany: parsed.tooMany || rows.length > maxRows,
  };
  if (!header) return result;
  const headers = header.fields.map(key);
  const column = (name: string) =>
    COLUMNS[name]!.map((alias) => headers.indexOf(alias)).find((i) => i >= 0) ?? -1;
  const index = Object.fromEntries(Object.keys(COLUMNS).map((name) => [name, column(name)]));
  const google = googlePhoneColumns(headers);
  if (Object.values(index).every((i) => i < 0) && google.length === 0) {
    result.problems.push({
      where: 'Line 1',
      reason: `No known columns in the header row. Use columns such as ${Object.values(FIELD_LABELS).join(', ')}.`,
    });
    return result;
  }
  for (const row of rows.slice(0, maxRows)) {
    if (row.fields.every((f) => !f.trim())) continue;
    const get = (name: string) => {
      const i = index[name]!;
      return i < 0 ? '' : unguard(firstValue(row.fields[i] ?? ''));
    };
    let name = {
      firstName: [get('firstName'), get('middleName')].filter(Boolean).join(' '),
      lastName: get('lastName'),
    };
    if (!name.firstName && !name.lastName) name = splitFullName(get('fullName'));
    const phones: { slot: PhoneSlot | null; value: string }[] = [
      { slot: 'workPhone', value: get('workPhone') },
      { slot: 'homePhone', value: get('homePhone') },
      { slot: 'mobilePhone', value: get('mobilePhone') },
      { slot: null, value: get('otherPhone') },
    ];
    for (const pair of google) {
      const slot = googleSlot(pair.type < 0 ? '' : (row.fields[pair.type] ?? ''));
      if (slot !== 'skip') phones.push({ slot, value: firstValue(row.fields[pair.value] ?? '') });
    }
    const values: ContactValues = {
      ...name,
      ...birthdayFields(get('birthday')),
      email: get('email'),
      website: get('website'),
      ...assignPhones(phones),
      notes: get('notes'),
    };
    result.records.push({ where: `Line ${row.line}`, values });
  }
  return result;
}

// Our own CSV has one column per form field, in the form's order.
const CSV_COLUMNS = CONTACT_FIELDS;

function csvField(value: string, guard: boolean): string {
  // A cell starting with = + - @ is a formula to a spreadsheet: a leading quote keeps it text.
  const safe = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header row of an export (with a BOM, so spreadsheets read it as UTF-8). */
export function csvHeader(): string {
  return `\uFEFF${CSV_COLUMNS.map((f) => csvField(FIELD_LABELS[f], false)).join(',')}\r\n`;
}

/** One contact as a CSV row in our own columns. */
export function csvRow(c: VCardContact): string {
  const birthday =
    c.birthday ??
    (c.birthdayMonthDay == null
      ? ''
      : `--${String(c.birthdayMonthDay)
          .padStart(4, '0')
          .replace(/^(\d\d)/, '$1-')}`);
  const values: Record<ContactField, string> = { ...contactTextValues(c), birthday };
  // Phone numbers were validated and formatted ("+1 213 …"): they are never formulas.
  const phones = new Set<ContactField>(['workPhone', 'homePhone', 'mobilePhone', 'birthday']);
  return `${CSV_COLUMNS.map((f) => csvField(values[f], !phones.has(f))).join(',')}\r\n`;
}
