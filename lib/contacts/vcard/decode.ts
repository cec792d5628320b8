import { encodingOf, paramValue } from './header';
import { counter } from './ops';
import type { ContentLine } from './tokenize';

export interface DecodeContext {
  /** The text is already Unicode (a UTF-16 file, a stored card): ignore CHARSET on raw values. */
  utf8Only: boolean;
  /** The charset of values without CHARSET (UTF-8 unless the file holds no UTF-8 at all). */
  defaultCharset?: string;
  problem(line: number, reason: string): void;
}

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  const key = label.toLowerCase();
  if (!decoders.has(key)) {
    try {
      decoders.set(key, new TextDecoder(key, { fatal: true }));
    } catch {
      decoders.set(key, null); // an unknown label
    }
  }
  return decoders.get(key) ?? null;
}

function isAscii(s: string): boolean {
  counter.ops += s.length;
  return !/[^\x00-\x7f]/.test(s);
}

export const latin1Bytes = (s: string): Uint8Array => {
  counter.ops += s.length;
  return Uint8Array.from(Buffer.from(s, 'latin1'));
};

/** Quoted-printable to bytes (soft breaks are already gone); a stray `=` is kept as it is. */
function quotedPrintableBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  const hex = (c: number) =>
    c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61 && i + 2 < s.length) {
      const h = hex(s.charCodeAt(i + 1));
      const l = hex(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[n++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  counter.ops += s.length;
  return out.subarray(0, n);
}

/** Decodes bytes in `charset`, fatally: bad bytes become U+FFFD and the line is reported. */
export function decodeBytes(
  bytes: Uint8Array,
  charset: string,
  line: number,
  ctx: DecodeContext,
): string {
  counter.ops += bytes.length;
  let label = charset.trim() || 'utf-8';
  let decoder = decoderFor(label);
  if (!decoder) {
    ctx.problem(line, `unknown character set "${label}", read as UTF-8`);
    label = 'utf-8';
    decoder = decoderFor(label)!;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    ctx.problem(line, `not valid ${label}; unreadable characters shown as \uFFFD`);
    return new TextDecoder(label).decode(bytes);
  }
}

/** A property's value as Unicode text: quoted-printable and CHARSET undone, escapes kept. */
export function decodeValue(cl: ContentLine, ctx: DecodeContext): string {
  const charset = paramValue(cl, 'CHARSET') || (ctx.utf8Only ? '' : (ctx.defaultCharset ?? ''));
  if (encodingOf(cl) === 'qp') {
    // Quoted-printable line breaks are =0D=0A: one newline, as an unescaped \n gives.
    const text = decodeBytes(quotedPrintableBytes(cl.value), charset, cl.line, ctx);
    return text.replace(/\r\n?/g, '\n');
  }
  if (isAscii(cl.value)) return cl.value;
  return decodeBytes(latin1Bytes(cl.value), ctx.utf8Only ? '' : charset, cl.line, ctx);
}

/**
 * RFC 6350 §3.4 unescaping: `\\ \n \N \, \;`, and `\:` leniently (Apple and Google write
 * `http\://`). Other backslashes stay as they are.
 */
export function unescapeText(s: string): string {
  counter.ops += s.length;
  if (!s.includes('\\')) return s;
  return s.replace(/\\([\\nN,;:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits on unescaped `sep` (`;` for structured values, `,` for lists); parts stay escaped. */
export function splitUnescaped(s: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  const code = sep.charCodeAt(0);
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === code) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  counter.ops += s.length;
  parts.push(s.slice(from));
  return parts;
}

/** Base64 (folded with spaces, ended by a blank line in 2.1) to bytes. */
export function base64Bytes(s: string): Uint8Array {
  counter.ops += s.length;
  return Uint8Array.from(Buffer.from(s.replace(/[\s]+/g, ''), 'base64'));
}
