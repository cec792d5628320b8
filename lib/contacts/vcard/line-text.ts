import { decodeBytes, decodeValue, latin1Bytes, type DecodeContext } from './decode';
import { encodingOf, paramValue, parseHeader, type Header, type Param } from './header';
import { counter } from './ops';
import type { RestProperty } from './rest';
import type { ContentLine } from './tokenize';

/** The header with its parameter text in Unicode (quoted values may hold UTF-8). */
export function unicodeHeader(cl: ContentLine, ctx: DecodeContext): Header {
  const text = cl.rawName + cl.paramsRaw;
  counter.ops += text.length;
  if (!/[^\x00-\x7f]/.test(text)) return cl;
  const parsed = parseHeader(decodeBytes(latin1Bytes(text), '', cl.line, ctx));
  return typeof parsed === 'string' ? cl : parsed;
}

const quoteParam = (v: string) => (/[:;,"]/.test(v) ? `"${v.replace(/"/g, "'")}"` : v);

/** Writes parameters back as `;NAME=a,b` (bare 2.1 words as TYPE). */
export function writeParams(params: readonly Param[]): string {
  const bare = params.filter((p) => p.name === '').flatMap((p) => p.values);
  const named = params.filter((p) => p.name !== '');
  const parts = named.map((p) => `;${p.name}=${p.values.map(quoteParam).join(',')}`);
  if (bare.length) parts.unshift(`;TYPE=${bare.map(quoteParam).join(',')}`);
  return parts.join('');
}

const STANDARD_PARAMS = new Set(['', 'TYPE', 'PREF', 'VALUE', 'ENCODING', 'CHARSET']);

/** A mapped property's parameters the model has no place for, kept to be written back. */
export function attachedParams(
  h: Header,
  key: string,
  consumed: readonly string[] = [],
): RestProperty | null {
  const unknown = h.params.filter(
    (p) => !STANDARD_PARAMS.has(p.name) && !consumed.includes(p.name),
  );
  if (!unknown.length) return null;
  return { group: '', name: h.name, params: writeParams(unknown), value: key, attach: true };
}

const escapeNewlines = (s: string) => s.replace(/\r\n|\r|\n/g, '\\n');

/**
 * A property the model does not hold, for `rest`. 3.0/4.0 lines stay as written; 2.1 lines and
 * quoted-printable or CHARSET values are converted (decoded, bare types as `TYPE=`, ENCODING=b).
 */
export function restLine(cl: ContentLine, version: string, ctx: DecodeContext): RestProperty {
  const h = unicodeHeader(cl, ctx);
  const name = h.group ? h.rawName.slice(h.group.length + 1) : h.rawName;
  const enc = encodingOf(h);
  const convert =
    version === '2.1' || enc === 'qp' || paramValue(h, 'CHARSET') !== undefined || cl.nested;
  if (!convert) return { group: h.group, name, params: h.paramsRaw, value: decodeValue(cl, ctx) };
  const kept = h.params
    .map((p) => ({
      name: p.name,
      values: p.values.filter(
        (v) => !(p.name === '' && /^(quoted-printable|base64|b|8bit|7bit)$/i.test(v)),
      ),
    }))
    .filter((p) => p.name !== 'ENCODING' && p.name !== 'CHARSET' && (p.name || p.values.length));
  let params = writeParams(kept);
  let value: string;
  if (enc === 'b64') {
    params += ';ENCODING=b';
    value = cl.value.replace(/\s+/g, '');
  } else if (cl.nested) {
    const text = decodeBytes(latin1Bytes(cl.nested.join('\n')), '', cl.line, ctx);
    value = escapeNewlines(text.replace(/\\/g, '\\\\').replace(/([,;])/g, '\\$1'));
  } else {
    value = escapeNewlines(decodeValue(cl, ctx));
  }
  return { group: h.group, name, params, value };
}
