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
    return decodeUtf8ByLine(bytes);
  }
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
