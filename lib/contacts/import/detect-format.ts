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
