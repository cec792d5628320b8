import type { Element } from '@xmldom/xmldom';
import { C, type QName } from './names';
import { childElements, children, nameOf } from './xml-read';

/** An addressbook-query filter (RFC 6352 §10.5), read once and applied to each card's text. */
type MatchType = 'equals' | 'contains' | 'starts-with' | 'ends-with';
interface TextMatch {
  text: string;
  matchType: MatchType;
  negate: boolean;
  fold: (s: string) => string;
}
interface ParamFilter {
  name: string;
  isNotDefined: boolean;
  match?: TextMatch;
}
interface PropFilter {
  name: string;
  allOf: boolean;
  isNotDefined: boolean;
  matches: TextMatch[];
  params: ParamFilter[];
}
export interface Filter {
  allOf: boolean;
  props: PropFilter[];
}

type Read<T> = { ok: true; filter: T } | { ok: false; message: string; condition: QName };

const COLLATIONS: Record<string, (s: string) => string> = {
  'i;unicode-casemap': (s) => s.normalize('NFKC').toLowerCase(),
  'i;ascii-casemap': (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase()),
  'i;octet': (s) => s,
};
const MATCH_TYPES = new Set<MatchType>(['equals', 'contains', 'starts-with', 'ends-with']);
/** Filters beyond these sizes are not a client's: refused rather than run on every card. */
const MAX_PROP_FILTERS = 50;
const MAX_TEXT = 1000;

class FilterError extends Error {
  constructor(
    message: string,
    readonly condition: QName,
  ) {
    super(message);
  }
}

function textMatch(el: Element): TextMatch {
  const collation = el.getAttribute('collation') || 'i;unicode-casemap';
  const fold = COLLATIONS[collation];
  if (!fold)
    throw new FilterError(`Collation ${collation} is not supported.`, C('supported-collation'));
  const matchType = (el.getAttribute('match-type') || 'contains') as MatchType;
  if (!MATCH_TYPES.has(matchType)) {
    throw new FilterError(`match-type ${matchType} is not supported.`, C('supported-filter'));
  }
  const text = el.textContent ?? '';
  if (text.length > MAX_TEXT)
    throw new FilterError('The text to match is too long.', C('supported-filter'));
  return {
    text: fold(text),
    matchType,
    negate: el.getAttribute('negate-condition') === 'yes',
    fold,
  };
}

function propFilter(el: Element): PropFilter {
  const name = (el.getAttribute('name') ?? '').toUpperCase();
  if (!name) throw new FilterError('A prop-filter needs a name.', C('supported-filter'));
  const params = children(el, C('param-filter')).map((p) => {
    const tm = children(p, C('text-match'))[0];
    return {
      name: (p.getAttribute('name') ?? '').toUpperCase(),
      isNotDefined: children(p, C('is-not-defined')).length > 0,
      match: tm ? textMatch(tm) : undefined,
    };
  });
  return {
    name,
    allOf: el.getAttribute('test') === 'allof',
    isNotDefined: children(el, C('is-not-defined')).length > 0,
    matches: children(el, C('text-match')).map(textMatch),
    params,
  };
}

export function readFilter(el: Element | undefined): Read<Filter> {
  if (!el) return { ok: true, filter: { allOf: false, props: [] } };
  try {
    const props = childElements(el)
      .filter((c) => nameOf(c) === C('prop-filter'))
      .map(propFilter);
    if (props.length > MAX_PROP_FILTERS) {
      throw new FilterError('The filter has too many parts.', C('supported-filter'));
    }
    return { ok: true, filter: { allOf: el.getAttribute('test') === 'allof', props } };
  } catch (error) {
    if (error instanceof FilterError)
      return { ok: false, message: error.message, condition: error.condition };
    throw error;
  }
}

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** A stored card's properties: unfolded lines, group dropped, text escapes undone. */
function propertiesOf(card: string): Property[] {
  const out: Property[] = [];
  for (const line of card.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)) {
    let quoted = false;
    let colon = -1;
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '"') quoted = !quoted;
      else if (line[i] === ':' && !quoted) {
        colon = i;
        break;
      }
    }
    if (colon < 0) continue;
    const [nameWithGroup = '', ...rawParams] = line.slice(0, colon).split(';');
    const params = new Map<string, string[]>();
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      const key = (eq < 0 ? 'TYPE' : p.slice(0, eq)).toUpperCase();
      const values = (eq < 0 ? p : p.slice(eq + 1)).replace(/"/g, '').split(',');
      params.set(key, [...(params.get(key) ?? []), ...values]);
    }
    const value = line
      .slice(colon + 1)
      .replace(/\\([,;:\\nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    out.push({
      name: nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).toUpperCase(),
      params,
      value,
    });
  }
  return out;
}

function textMatches(m: TextMatch, value: string): boolean {
  const v = m.fold(value);
  const hit =
    m.matchType === 'equals'
      ? v === m.text
      : m.matchType === 'starts-with'
        ? v.startsWith(m.text)
        : m.matchType === 'ends-with'
          ? v.endsWith(m.text)
          : v.includes(m.text);
  return hit !== m.negate;
}

function paramMatches(f: ParamFilter, p: Property): boolean {
  const values = p.params.get(f.name);
  if (f.isNotDefined) return values === undefined;
  if (values === undefined) return false;
  return f.match ? values.some((v) => textMatches(f.match!, v)) : true;
}

function propMatches(f: PropFilter, props: Property[]): boolean {
  const named = props.filter((p) => p.name === f.name);
  if (f.isNotDefined) return named.length === 0;
  if (named.length === 0) return false;
  const tests = [
    ...f.matches.map((m) => (p: Property) => textMatches(m, p.value)),
    ...f.params.map((pf) => (p: Property) => paramMatches(pf, p)),
  ];
  if (tests.length === 0) return true;
  // Each test holds when some property of this name passes it (RFC 6352 §10.5.1).
  const results = tests.map((t) => named.some(t));
  return f.allOf ? results.every(Boolean) : results.some(Boolean);
}

/** Whether a card's text passes the filter; an empty filter matches every card. */
export function matchesFilter(filter: Filter, card: string): boolean {
  if (filter.props.length === 0) return true;
  const props = propertiesOf(card);
  const results = filter.props.map((f) => propMatches(f, props));
  return filter.allOf ? results.every(Boolean) : results.some(Boolean);
}
