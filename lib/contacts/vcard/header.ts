import { counter, LIMITS } from './ops';

/** One parameter as written: `TYPE=work,voice`, a 2.1 bare `WORK` (name ''), `X-A="x:y"`. */
export interface Param {
  /** Upper-cased; '' for a 2.1 bare parameter. */
  name: string;
  /** Split on commas outside quotes, quotes removed. */
  values: string[];
}

export interface Header {
  /** `item1` of `item1.EMAIL`, as written ('' when none). */
  group: string;
  /** Upper-cased property name. */
  name: string;
  /** The name as written (for properties carried unchanged). */
  rawName: string;
  params: Param[];
  /** Everything after the name, as written: `;TYPE=work;X-A="b"` or ''. */
  paramsRaw: string;
}

/** Splits `text` on `sep` outside double quotes, in one pass. */
function splitOutsideQuotes(text: string, sep: number): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === sep && !quoted) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  counter.ops += text.length;
  parts.push(text.slice(from));
  return parts;
}

const unquote = (v: string) =>
  v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;

/**
 * Parses the part of a content line before its first unquoted colon. Returns a reason instead
 * when the property has more parameters than the cap.
 */
export function parseHeader(text: string): Header | string {
  let semi = text.indexOf(';');
  if (semi < 0) semi = text.length;
  const full = text.slice(0, semi).trim();
  const dot = full.lastIndexOf('.');
  const paramsRaw = text.slice(semi);
  const params: Param[] = [];
  if (paramsRaw) {
    const raw = splitOutsideQuotes(paramsRaw.slice(1), 59);
    if (raw.length > LIMITS.paramsPerProperty) {
      return `more than ${LIMITS.paramsPerProperty} parameters`;
    }
    for (const p of raw) {
      const eq = p.indexOf('=');
      const quote = p.indexOf('"');
      const named = eq >= 0 && (quote < 0 || eq < quote);
      const name = named ? p.slice(0, eq).trim().toUpperCase() : '';
      const values = splitOutsideQuotes(named ? p.slice(eq + 1) : p, 44).map((v) =>
        unquote(v.trim()),
      );
      if (named || p.trim()) params.push({ name, values });
    }
  }
  return {
    group: dot >= 0 ? full.slice(0, dot) : '',
    name: full.slice(dot + 1).toUpperCase(),
    rawName: full,
    params,
    paramsRaw,
  };
}

const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** The `ENCODING` in any spelling: `ENCODING=b`, `ENCODING=BASE64`, 2.1 bare `QUOTED-PRINTABLE`. */
export function encodingOf(h: Header): 'qp' | 'b64' | '' {
  for (const p of h.params) {
    if (p.name !== 'ENCODING' && p.name !== '') continue;
    for (const v of p.values) {
      const u = v.toUpperCase();
      if (u === 'QUOTED-PRINTABLE') return 'qp';
      if (u === 'BASE64' || u === 'B') return 'b64';
    }
  }
  return '';
}

export const paramValue = (h: Header, name: string): string | undefined =>
  h.params.find((p) => p.name === name)?.values[0];

/** `TYPE` values in every spelling: repeated, comma lists, quoted lists, 2.1 bare words. */
export function typesOf(h: Header): string[] {
  const out: string[] = [];
  for (const p of h.params) {
    if (p.name !== 'TYPE' && p.name !== '') continue;
    for (const v of p.values) {
      for (const t of v.split(',')) {
        const u = t.trim();
        if (u && !(p.name === '' && ENCODING_WORDS.has(u.toUpperCase()))) out.push(u);
      }
    }
  }
  return out;
}
