import { readRawCard } from './read-card';
import { tokenize } from './tokenize';
import type { CardProblem, ParsedCard, ParsedVCardFile } from './types';

/**
 * The file as one char per byte, so each property is decoded in its own CHARSET. UTF-16 (with a
 * byte-order mark, or without one when every other byte of the start is NUL) is decoded first and
 * re-encoded as UTF-8; then CHARSET parameters no longer describe the bytes and are ignored.
 */
function byteString(bytes: Uint8Array): { s: string; utf8Only: boolean } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { s: b.subarray(3).toString('latin1'), utf8Only: false };
  }
  let utf16: 'utf-16le' | 'utf-16be' | null = null;
  let skip = 0;
  if (b[0] === 0xff && b[1] === 0xfe) [utf16, skip] = ['utf-16le', 2];
  else if (b[0] === 0xfe && b[1] === 0xff) [utf16, skip] = ['utf-16be', 2];
  else {
    const n = Math.min(b.length - (b.length % 2), 2048);
    let oddNul = 0;
    let evenNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (b[i] === 0) evenNul++;
      if (b[i + 1] === 0) oddNul++;
    }
    if (n >= 4 && oddNul >= (n / 2) * 0.9 && evenNul === 0) utf16 = 'utf-16le';
    else if (n >= 4 && evenNul >= (n / 2) * 0.9 && oddNul === 0) utf16 = 'utf-16be';
  }
  if (!utf16) return { s: b.toString('latin1'), utf8Only: false };
  const text = new TextDecoder(utf16).decode(b.subarray(skip));
  return { s: Buffer.from(text, 'utf8').toString('latin1'), utf8Only: true };
}

/**
 * The card's text from the byte string, as Unicode with CRLF line ends; null when it holds a NUL,
 * which no vCard may and PostgreSQL text cannot: such a card is rewritten by the app's writer.
 */
function sourceText(s: string, start: number, end: number): string | null {
  const text = Buffer.from(s.slice(start, end), 'latin1').toString('utf8');
  if (text.includes('\u0000')) return null;
  return `${text.replace(/\r\n|\r|\n/g, '\r\n')}\r\n`;
}

/** One result of reading a file, in file order. */
export type VCardFileItem =
  | { kind: 'card'; card: ParsedCard }
  | { kind: 'problem'; problem: CardProblem }
  | { kind: 'tooMany' };

/** How to read the file's bytes beyond what each property says. */
export interface ReadOptions {
  /** For values without CHARSET in a file with no UTF-8 in it (e.g. 'windows-1252'). */
  defaultCharset?: string;
}

function* readItems(
  s: string,
  utf8Only: boolean,
  maxCards: number,
  options: ReadOptions = {},
): Generator<VCardFileItem> {
  const pending: CardProblem[] = [];
  const fileProblem = (line: number, reason: string): void => {
    pending.push({ where: `Line ${line}`, reason });
  };
  let count = 0;
  for (const raw of tokenize(s, fileProblem)) {
    for (const problem of pending.splice(0)) yield { kind: 'problem', problem };
    if (count++ >= maxCards) {
      yield { kind: 'tooMany' };
      return;
    }
    const where = `Card ${raw.number} (line ${raw.line})`;
    if (raw.broken) {
      yield { kind: 'problem', problem: { where, reason: `${raw.broken}; not imported.` } };
      continue;
    }
    const ctx = { utf8Only, defaultCharset: options.defaultCharset };
    const card = readRawCard(raw, ctx, () => sourceText(s, raw.start, raw.end));
    yield { kind: 'card', card };
  }
  for (const problem of pending.splice(0)) yield { kind: 'problem', problem };
}

/**
 * The cards of a file one at a time, so a caller can yield to the event loop between them (the
 * whole file is still held, as bytes-as-Latin-1: one byte per character).
 */
export function readVCardItems(
  bytes: Uint8Array,
  maxCards: number,
  options: ReadOptions = {},
): Generator<VCardFileItem> {
  const { s, utf8Only } = byteString(bytes);
  return readItems(s, utf8Only, maxCards, options);
}

function collect(items: Iterable<VCardFileItem>): ParsedVCardFile {
  const out: ParsedVCardFile = { cards: [], problems: [], tooMany: false };
  for (const item of items) {
    if (item.kind === 'card') out.cards.push(item.card);
    else if (item.kind === 'problem') out.problems.push(item.problem);
    else out.tooMany = true;
  }
  return out;
}

/** Reads every card of a file (2.1, 3.0, 4.0 as exporters write them), in linear time. */
export function readVCardFile(
  bytes: Uint8Array,
  maxCards: number,
  options: ReadOptions = {},
): ParsedVCardFile {
  return collect(readVCardItems(bytes, maxCards, options));
}

/** Reads one stored card (the text the data layer keeps). */
export function readCard(text: string): ParsedCard {
  const file = collect(readItems(Buffer.from(text, 'utf8').toString('latin1'), true, 1));
  const card = file.cards[0];
  if (card) return card;
  const problems: CardProblem[] = file.problems.length
    ? file.problems
    : [{ where: 'Card 1', reason: 'no BEGIN:VCARD' }];
  const empty = readRawCard(
    { number: 1, line: 1, start: 0, end: 0, lines: [], problems: [] },
    { utf8Only: true },
    () => null,
  );
  return { ...empty, problems };
}
