import type { CardRest } from './types';

/**
 * One property the model does not hold, as it will be written: `group.NAME;params:value` (Unicode,
 * unfolded, escaped as in the card). With `attach`, it is not a line of its own but the unknown
 * parameters (`params`) of the model's property `name` whose value is `value`.
 */
export interface RestProperty {
  group: string;
  name: string;
  params: string;
  value: string;
  attach?: boolean;
}

const isRestProperty = (p: unknown): p is RestProperty => {
  if (typeof p !== 'object' || p === null) return false;
  const r = p as Record<string, unknown>;
  return (
    typeof r.group === 'string' &&
    typeof r.name === 'string' &&
    typeof r.params === 'string' &&
    typeof r.value === 'string'
  );
};

/** The rest's properties, skipping anything malformed (it may come from a database column). */
export const restProperties = (rest: CardRest | null | undefined): RestProperty[] =>
  (rest?.properties ?? []).filter(isRestProperty);

/** The key that ties attached parameters to a model property. */
export const attachKey = (name: string, value: string) => `${name}\u0000${value}`;

/** Both rests' properties, without repeating a property `b` shares with `a`. */
export function mergeRest(a: CardRest, b: CardRest): CardRest {
  const props = restProperties(a);
  const seen = new Set(props.map((p) => JSON.stringify(p)));
  for (const p of restProperties(b)) if (!seen.has(JSON.stringify(p))) props.push(p);
  return { properties: props, version: a.version ?? b.version };
}

/** RFC 6868 parameter-value escaping, so any column name fits in a quoted parameter. */
const paramText = (s: string) =>
  s
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');

const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/**
 * Values from CSV columns the app does not map, kept in the card as
 * `X-CONTACTCARDS-CSV;X-COLUMN="Column name":value` so nothing from a file is lost.
 */
export function restFromExtras(extras: readonly { name: string; value: string }[]): CardRest {
  return {
    version: '4.0',
    properties: extras
      .filter((e) => e.value.trim())
      .map((e) => ({
        group: '',
        name: 'X-CONTACTCARDS-CSV',
        params: `;X-COLUMN="${paramText(e.name)}"`,
        value: escapeText(e.value),
      })),
  };
}
