import type { Contact } from '../db/schema';
import {
  assignPhones,
  birthdayFields,
  splitFullName,
  type ParsedFile,
  type PhoneSlot,
} from './records';

/**
 * vCard reading (RFC 6350 for 4.0, RFC 2426 for 3.0, and the 2.1 that Outlook still writes) and
 * writing (3.0, which every address book reads). Only the properties a contact has are mapped.
 */

interface ContentLine {
  name: string;
  params: Map<string, string[]>;
  value: string;
  line: number;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i) & 0xff);
  }
  const label = /^utf-?8$/i.test(charset) || !charset ? 'utf-8' : charset;
  try {
    return new TextDecoder(label).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Unfolds and splits a file into content lines, each with the line number it starts on. */
function contentLines(text: string): ContentLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const logical: { text: string; line: number }[] = [];
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i]!;
    const last = logical.at(-1);
    if (last && /^[ \t]/.test(raw)) {
      last.text += raw.slice(1); // RFC 6350 §3.2: a fold is CRLF plus one space or tab
    } else if (
      last &&
      /QUOTED-PRINTABLE/i.test(last.text.split(':')[0] ?? '') &&
      last.text.endsWith('=')
    ) {
      last.text += `\n${raw}`; // vCard 2.1 quoted-printable soft line break, decoded below
    } else if (raw.trim()) {
      logical.push({ text: raw, line: i + 1 });
    }
  }
  return logical.map(({ text: l, line }) => {
    const colon = splitOutsideQuotes(l, ':');
    const head = colon[0] ?? '';
    let value = colon.slice(1).join(':');
    const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
    const params = new Map<string, string[]>();
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      // vCard 2.1 writes bare types: TEL;WORK;VOICE:
      const key = eq < 0 ? 'TYPE' : p.slice(0, eq).trim().toUpperCase();
      const values = (eq < 0 ? p : p.slice(eq + 1))
        .split(',')
        .map((v) => v.trim().replace(/^"|"$/g, '').toLowerCase())
        .filter(Boolean);
      params.set(key, [...(params.get(key) ?? []), ...values]);
    }
    if (params.get('ENCODING')?.includes('quoted-printable')) {
      value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
    }
    // "item1.EMAIL" (Apple's groups): the group does not matter here.
    const name = nameWithGroup
      .slice(nameWithGroup.lastIndexOf('.') + 1)
      .trim()
      .toUpperCase();
    return { name, params, value, line };
  });
}

/** RFC 6350 §3.4 text unescaping: \\ \, \; \n (and \: which some writers add). */
export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N) on unescaped semicolons, then unescapes each component. */
function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  // Components may be comma lists (several additional names): they read as words.
  return parts.map((p) => unescapeText(p.replace(/(?<!\\),/g, ' ')).trim());
}

function phoneSlot(types: string[]): PhoneSlot | null | 'skip' {
  const voiceLike = types.some((t) => ['voice', 'cell', 'mobile', 'iphone', 'text'].includes(t));
  if (!voiceLike && types.some((t) => ['fax', 'pager', 'textphone'].includes(t))) return 'skip';
  if (types.some((t) => ['cell', 'mobile', 'iphone'].includes(t))) return 'mobilePhone';
  if (types.includes('work')) return 'workPhone';
  if (types.includes('home')) return 'homePhone';
  return null;
}

/** Reads every card in a vCard file (any mix of 2.1, 3.0 and 4.0), up to `maxCards`. */
export function parseVCards(text: string, maxCards = Infinity): ParsedFile {
  const result: ParsedFile = { records: [], problems: [], tooMany: false };
  let card: ContentLine[] | null = null;
  let cardNumber = 0;
  let cardLine = 0;
  const where = () => `Card ${cardNumber} (line ${cardLine})`;
  for (const cl of contentLines(text)) {
    if (cl.name === 'BEGIN' && cl.value.trim().toUpperCase() === 'VCARD') {
      if (card) result.problems.push({ where: where(), reason: 'It has no END:VCARD.' });
      if (cardNumber === maxCards) {
        result.tooMany = true;
        return result;
      }
      cardNumber++;
      cardLine = cl.line;
      card = [];
    } else if (cl.name === 'END' && cl.value.trim().toUpperCase() === 'VCARD' && card) {
      result.records.push({ where: where(), values: cardValues(card) });
      card = null;
    } else card?.push(cl);
  }
  if (card) result.problems.push({ where: where(), reason: 'It has no END:VCARD.' });
  return result;
}

function cardValues(lines: ContentLine[]): ParsedFile['records'][number]['values'] {
  const first = (name: string) => lines.find((l) => l.name === name);
  const preferred = (name: string) => {
    const all = lines.filter((l) => l.name === name && l.value.trim());
    const pref = all.find((l) => l.params.get('TYPE')?.includes('pref') || l.params.has('PREF'));
    return pref ?? all[0];
  };
  const n = first('N');
  const [family = '', given = '', additional = ''] = n ? components(n.value) : [];
  let name = { firstName: [given, additional].filter(Boolean).join(' '), lastName: family };
  if (!name.firstName && !name.lastName) {
    name = splitFullName(unescapeText(first('FN')?.value ?? ''));
  }
  const bday = first('BDAY');
  const phones = lines
    .filter((l) => l.name === 'TEL')
    .map((l) => ({ slot: phoneSlot(l.params.get('TYPE') ?? []), value: unescapeText(l.value) }))
    .filter((p): p is { slot: PhoneSlot | null; value: string } => p.slot !== 'skip')
    .map((p) => ({ ...p, value: p.value.replace(/^tel:/i, '').trim() }));
  const notes = lines.filter((l) => l.name === 'NOTE').map((l) => unescapeText(l.value));
  return {
    ...name,
    ...(bday ? birthdayFields(unescapeText(bday.value)) : {}),
    email: unescapeText(preferred('EMAIL')?.value ?? '')
      .replace(/^mailto:/i, '')
      .trim(),
    website: unescapeText(preferred('URL')?.value ?? '').trim(),
    ...assignPhones(phones),
    notes: notes.join('\n'),
  };
}

/** RFC 6350 §3.4 text escaping. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 6350 §3.2). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n');
}

export type VCardContact = Pick<
  Contact,
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'birthday'
  | 'birthdayMonthDay'
  | 'email'
  | 'website'
  | 'workPhone'
  | 'homePhone'
  | 'mobilePhone'
  | 'notes'
>;

function bdayValue(c: VCardContact): string | null {
  if (c.birthday) return c.birthday;
  if (c.birthdayMonthDay == null) return null;
  const md = String(c.birthdayMonthDay).padStart(4, '0');
  return `--${md}`; // RFC 6350 date without a year
}

/** One contact as a vCard 3.0, CRLF line endings. */
export function writeVCard(c: VCardContact): string {
  const fn = [c.firstName, c.lastName].filter(Boolean).join(' ');
  const bday = bdayValue(c);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:urn:uuid:${c.id}`,
    `N:${escapeText(c.lastName)};${escapeText(c.firstName)};;;`,
    `FN:${escapeText(fn)}`,
    bday ? `BDAY:${bday}` : null,
    c.email ? `EMAIL;TYPE=INTERNET:${escapeText(c.email)}` : null,
    c.website ? `URL:${c.website}` : null,
    c.workPhone ? `TEL;TYPE=WORK,VOICE:${escapeText(c.workPhone)}` : null,
    c.homePhone ? `TEL;TYPE=HOME,VOICE:${escapeText(c.homePhone)}` : null,
    c.mobilePhone ? `TEL;TYPE=CELL:${escapeText(c.mobilePhone)}` : null,
    c.notes ? `NOTE:${escapeText(c.notes)}` : null,
    'END:VCARD',
  ];
  return lines
    .filter((l): l is string => l !== null)
    .map(foldLine)
    .join('\r\n')
    .concat('\r\n');
}
