/**
 * Bytes to text for CSV files. UTF-8 is read strictly, line by line, so one bad byte costs its
 * line a replacement character and a named line, never the whole file read in another encoding.
 * UTF-16 is recognised by its byte-order mark or, without one, by the NUL bytes of ASCII text.
 */

export type Utf16 = 'utf-16le' | 'utf-16be';

/** The UTF-16 flavour of the bytes, or null. Looks at the BOM, then at the first 2 KB. */
export function utf16Of(bytes: Uint8Array): Utf16 | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 2048) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  // Text in Latin script is mostly ASCII: one byte of each pair is NUL. UTF-8 text has none.
  const pairs = n / 2;
  if (oddNul >= pairs * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.6 && oddNul === 0) return 'utf-16be';
  return null;
}

export interface DecodedText {
  text: string;
  /** 1-based line numbers that were not valid in the file's encoding (read with U+FFFD). */
  badLines: number[];
  /** Set when the file holds no UTF-8 at all and was read as Windows-1252 (the summary says so). */
  legacy?: 'windows-1252';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Decodes UTF-8 (BOM dropped) or UTF-16; lines that are not valid are named, not guessed at. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Of(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  try {
    return { text: strictUtf8.decode(bytes), badLines: [] };
  } catch {
    // Outlook and Excel on Windows save CSV in the "ANSI" code page. A file without one valid
    // UTF-8 multi-byte sequence cannot be UTF-8 text with a few bad bytes: reading it as
    // Windows-1252 (and saying so) keeps its accents, where per-line UTF-8 would lose every one.
    // A file with any UTF-8 in it is read as UTF-8, its bad lines named.
    return hasUtf8Sequence(bytes)
      ? decodeUtf8ByLine(bytes)
      : { text: decodeWindows1252(bytes), badLines: [], legacy: 'windows-1252' };
  }
}

/**
 * True when the bytes are neither UTF-16 nor valid UTF-8 and hold no UTF-8 multi-byte sequence at
 * all: a file from a Windows program in its 8-bit code page.
 */
export function isWindowsCodePage(bytes: Uint8Array): boolean {
  if (utf16Of(bytes)) return false;
  try {
    strictUtf8.decode(bytes);
    return false;
  } catch {
    return !hasUtf8Sequence(bytes);
  }
}

/** True when the bytes hold at least one well-formed UTF-8 multi-byte sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    let ok = i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) return true;
  }
  return false;
}

// Windows-1252's 0x80–0x9F; the rest of the code page is Latin-1. Written out because Node's
// TextDecoder('windows-1252') decoded these as Latin-1 before Node 22.23 (measured on 20.20).
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    let out = '';
    for (const b of chunk)
      out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(out);
  }
  return parts.join('');
}

function decodeUtf8ByLine(bytes: Uint8Array): DecodedText {
  const parts: string[] = [];
  const badLines: number[] = [];
  const strictLine = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    const slice = bytes.subarray(start, Math.min(end + 1, bytes.length));
    try {
      parts.push(strictLine.decode(slice));
    } catch {
      badLines.push(line);
      parts.push(lenientUtf8.decode(slice));
    }
    start = end + 1;
    line += 1;
  }
  return { text: parts.join(''), badLines };
}

function decodeUtf16(bytes: Uint8Array, encoding: Utf16): DecodedText {
  const even = bytes.subarray(0, bytes.length & ~1);
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(even);
    return { text, badLines: bytes.length % 2 ? [lineCount(text)] : [] };
  } catch {
    // Lone surrogates: name the lines where the decoder had to put a replacement character.
    const text = new TextDecoder(encoding).decode(even);
    const badLines: number[] = [];
    text.split('\n').forEach((l, i) => {
      if (l.includes('\ufffd')) badLines.push(i + 1);
    });
    return { text, badLines };
  }
}

const lineCount = (text: string) => text.split('\n').length;

/** "line 7", "lines 7 and 9", "lines 7, 9, 12 and 40 more". */
export function describeLines(lines: number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, 10);
  const more = lines.length - shown.length;
  if (more > 0) return `lines ${shown.join(', ')} and ${more} more`;
  return `lines ${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}
