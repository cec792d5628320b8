import { utf16Of } from './decode-bytes';

export type ImportFormat = 'vcard' | 'csv';

/** vCard when the file starts with BEGIN:VCARD (in any encoding) or is named .vcf; else CSV. */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const head = bytes.subarray(0, 1024);
  const encoding = utf16Of(head) ?? 'utf-8';
  const text = new TextDecoder(encoding).decode(head);
  if (/^\s*BEGIN\s*:\s*VCARD/i.test(text)) return 'vcard';
  return /\.(vcf|vcard)$/i.test(fileName.trim()) ? 'vcard' : 'csv';
}

/** File signatures of what people pick by mistake instead of an export, with their names. */
const SIGNATURES: [bytes: number[], what: string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  // Also .xlsx, .docx, .numbers: each is a ZIP archive.
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (an Excel or Word file is one too)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (such as an Excel .xls file)'],
  [[0x1f, 0x8b], 'a compressed (gzip) file'],
];

/** Control characters that no text file is made of (tab, line ends, form feed and ESC excepted). */
const isControl = (b: number) =>
  b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b;

/**
 * What the file is when it is certainly neither vCard nor CSV, by its content: a known
 * signature, or a start where more than one byte in ten is a control byte (random or compressed
 * data has about 11 %, text none). Null for anything that may be text, and for a file that starts
 * as a vCard whatever follows (the reader names its bad lines); a stray NUL in a CSV cell does not
 * count (it is stored as U+FFFD).
 */
export function foreignFileKind(bytes: Uint8Array): string | null {
  if (detectFormat('', bytes) === 'vcard') return null;
  for (const [signature, what] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return what;
  }
  const riff = String.fromCharCode(...bytes.subarray(0, 4), ...bytes.subarray(8, 12));
  if (riff === 'RIFFWEBP') return 'a WebP image';
  const head = bytes.subarray(0, 1024);
  if (utf16Of(head)) return null;
  let controls = 0;
  for (const b of head) if (isControl(b)) controls += 1;
  return controls > head.length * 0.1 ? 'a binary file' : null;
}
