import { FIELD_LABELS, IMPORT_MAX_BYTES, type ContactField } from './fields';
import { parseContactsCsv } from './csv';
import type { ParsedFile, ParseProblem } from './records';
import { contactSchema, type ContactInput } from './validation';
import { parseVCards } from './vcard';

/** The caps on one import: bytes of file (defined with the fields, for the form) and contacts in it. */
export { IMPORT_MAX_BYTES };
export const IMPORT_MAX_RECORDS = 20_000;

export type PreparedImport =
  | { ok: true; format: 'vcard' | 'csv'; inputs: ContactInput[]; skipped: ParseProblem[] }
  | { ok: false; message: string; skipped?: ParseProblem[] };

/** Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (old Outlook). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80–0x9F (Node's TextDecoder treats the label as Latin-1 and gets these wrong).
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function isVCard(fileName: string, text: string): boolean {
  return /^\s*BEGIN:VCARD/i.test(text.replace(/^\uFEFF/, '')) || /\.(vcf|vcard)$/i.test(fileName);
}

const label = (path: PropertyKey | undefined) =>
  path === 'birthdayNoYear' ? 'Birthday' : (FIELD_LABELS[path as ContactField] ?? 'Contact');

/**
 * Reads and validates a file for import: each record is checked like a typed form, and the ones
 * that fail are listed with where they are and why. Nothing is written here.
 */
export function prepareImport(fileName: string, bytes: Uint8Array): PreparedImport {
  if (bytes.length === 0)
    return { ok: false, message: 'Choose a vCard (.vcf) or CSV file to import.' };
  if (bytes.length > IMPORT_MAX_BYTES) {
    return {
      ok: false,
      message: 'The file is larger than 5 MB. Split it into smaller files and import each.',
    };
  }
  const text = decodeText(bytes);
  const format = isVCard(fileName, text) ? 'vcard' : 'csv';
  const parsed: ParsedFile =
    format === 'vcard'
      ? parseVCards(text, IMPORT_MAX_RECORDS)
      : parseContactsCsv(text, IMPORT_MAX_RECORDS);
  if (parsed.tooMany) {
    return {
      ok: false,
      message: `The file holds more than ${IMPORT_MAX_RECORDS.toLocaleString('en-US')} contacts. Split it into smaller files and import each.`,
    };
  }
  const skipped = [...parsed.problems];
  const inputs: ContactInput[] = [];
  for (const record of parsed.records) {
    const result = contactSchema.safeParse(record.values);
    if (result.success) inputs.push(result.data);
    else {
      const reasons = result.error.issues.map((i) => `${label(i.path[0])}: ${i.message}`);
      skipped.push({ where: record.where, reason: reasons.join(' ') });
    }
  }
  if (inputs.length === 0) {
    const what =
      format === 'vcard'
        ? 'No contacts could be read from this vCard file.'
        : 'No contacts could be read from this CSV file.';
    return { ok: false, message: what, skipped };
  }
  return { ok: true, format, inputs, skipped };
}
