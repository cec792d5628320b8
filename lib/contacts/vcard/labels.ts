/**
 * Labels: `TYPE` values in every spelling and Apple's `X-ABLabel` (built-in `_$!<Mobile>!$_` or the
 * person's own text) to the model's label, and back the way Apple and Google write them.
 */

/** Apple's built-in label names (lower-cased) that mean one of the app's standard labels. */
const APPLE_TO_LABEL: Record<string, string> = {
  mobile: 'mobile',
  iphone: 'mobile',
  home: 'home',
  work: 'work',
  main: 'main',
  homefax: 'fax',
  workfax: 'fax',
  otherfax: 'fax',
  pager: 'pager',
  other: 'other',
};

/** Labels written as Apple built-ins (so Apple shows them in the reader's language). */
const LABEL_TO_APPLE: Record<string, string> = {
  home: 'Home',
  work: 'Work',
  other: 'Other',
  mobile: 'Mobile',
  main: 'Main',
  fax: 'OtherFAX',
  pager: 'Pager',
  homepage: 'HomePage',
  spouse: 'Spouse',
  child: 'Child',
  mother: 'Mother',
  father: 'Father',
  parent: 'Parent',
  brother: 'Brother',
  sister: 'Sister',
  friend: 'Friend',
  manager: 'Manager',
  assistant: 'Assistant',
  partner: 'Partner',
};

const BUILT_IN = /^_\$!<(.*)>!\$_$/;

/** The model's label for an `X-ABLabel` value; built-ins lower-cased, the person's own text kept. */
export function labelFromAbLabel(text: string): string {
  const m = BUILT_IN.exec(text);
  if (!m) return text;
  const key = (m[1] ?? '').toLowerCase();
  return APPLE_TO_LABEL[key] ?? key;
}

/** True when the X-ABLabel is Apple's built-in for an anniversary. */
export const isAppleAnniversary = (text: string) =>
  (BUILT_IN.exec(text)?.[1] ?? '').toLowerCase() === 'anniversary';

/** The `X-ABLabel` value to write for a label that has no `TYPE` spelling. */
export function abLabelFor(label: string): string {
  const builtIn = LABEL_TO_APPLE[label];
  return builtIn ? `_$!<${builtIn}>!$_` : label;
}

/** Types that say nothing a person would call a label. */
const IGNORED = new Set([
  'internet',
  'x-internet',
  'voice',
  'pref',
  'x400',
  'msg',
  'bbs',
  'modem',
  'dom',
  'intl',
  'postal',
  'parcel',
  'text',
  'uri',
]);

/** The label the `TYPE` values give: standard ones first, else the first other word, else ''. */
export function labelFromTypes(types: readonly string[]): string {
  const words = types.map((t) => t.toLowerCase()).filter((t) => !IGNORED.has(t));
  const has = (...w: string[]) => w.some((x) => words.includes(x));
  if (has('fax')) return 'fax';
  if (has('pager')) return 'pager';
  if (has('cell', 'mobile', 'iphone')) return 'mobile';
  if (has('main', 'x-main')) return 'main';
  if (has('work')) return 'work';
  if (has('home')) return 'home';
  if (has('other', 'x-other')) return 'other';
  return words[0] ?? '';
}

export type LabelledKind = 'EMAIL' | 'TEL' | 'ADR' | 'URL' | 'IMPP';

/** The `TYPE` value to write for a label, or null when it needs a group with X-ABLabel. */
export function typeFor(kind: LabelledKind, label: string): string | null {
  if (label === 'home' || label === 'work') return label;
  if (kind !== 'TEL') return null;
  if (label === 'mobile') return 'cell';
  if (label === 'main' || label === 'fax' || label === 'pager') return label;
  return null;
}

/** RFC 6350 RELATED types: a label equal to one of them is written as `TYPE=`. */
export const RELATED_TYPES = new Set([
  'contact',
  'acquaintance',
  'friend',
  'met',
  'co-worker',
  'colleague',
  'co-resident',
  'neighbor',
  'child',
  'parent',
  'sibling',
  'spouse',
  'kin',
  'muse',
  'crush',
  'date',
  'sweetheart',
  'me',
  'agent',
  'emergency',
]);
