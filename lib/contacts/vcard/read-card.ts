import { displayName, emptyContact, type LabelledValue } from '../model';
import { readAndroidCustom, type AndroidValue } from './android';
import { readDate } from './dates';
import { decodeValue, splitUnescaped, unescapeText, type DecodeContext } from './decode';
import { encodingOf, paramValue, typesOf } from './header';
import { isAppleAnniversary, labelFromAbLabel, labelFromTypes } from './labels';
import { attachedParams, restLine, unicodeHeader } from './line-text';
import {
  ANNIVERSARY_PROPS,
  IM_SCHEMES,
  RELATED_PROPS,
  imppText,
  phoneText,
  prefRank,
  readPhoto,
} from './read-values';
import type { RestProperty } from './rest';
import type { ContentLine, RawCard } from './tokenize';
import type { CardPhoto, CardProblem, ParsedCard, VCardVersion } from './types';

type LabelledField = 'emails' | 'phones' | 'urls' | 'impps';
const WRITTEN_AS = { emails: 'EMAIL', phones: 'TEL', urls: 'URL', impps: 'IMPP' } as const;

/** Dropped, not kept: the writer writes its own. */
const REPLACED = new Set(['VERSION', 'PRODID', 'REV', 'BEGIN', 'END']);

function versionOf(lines: readonly ContentLine[]): VCardVersion {
  const v = lines.find((l) => l.name === 'VERSION')?.value.trim();
  if (v === '2.1' || v === '3.0' || v === '4.0') return v;
  return lines.some((l) => l.params.some((p) => p.name === '')) ? '2.1' : '3.0';
}

/** True when some value was quoted-printable, in a CHARSET or a nested card: not stored as sent. */
const converted = (lines: readonly ContentLine[]) =>
  lines.some((l) => encodingOf(l) === 'qp' || paramValue(l, 'CHARSET') !== undefined || l.nested);

/** Reads one tokenized card into the model, with everything else kept in `rest`. */
export function readRawCard(
  raw: RawCard,
  ctx: Omit<DecodeContext, 'problem'>,
  source: () => string | null,
): ParsedCard {
  const where = `Card ${raw.number} (line ${raw.line})`;
  const lineProblems: { line: number; reason: string }[] = [...raw.problems];
  const dc: DecodeContext = {
    ...ctx,
    problem: (line, reason) => lineProblems.push({ line, reason }),
  };
  const version = versionOf(raw.lines);
  const m = emptyContact();
  const rest: RestProperty[] = [];
  let photo: CardPhoto | null = null;
  let derivedFn: string | null = null;
  const ranks = new Map<object, { kind: string; rank: number }>();

  const groupLabels = new Map<string, string>();
  for (const cl of raw.lines) {
    if (cl.name === 'X-ABLABEL' && cl.group) {
      groupLabels.set(cl.group.toLowerCase(), unescapeText(decodeValue(cl, dc)));
    }
  }
  const usedGroups = new Set<string>();
  const labelOf = (cl: ContentLine) => {
    const g = groupLabels.get(cl.group.toLowerCase());
    if (g !== undefined) usedGroups.add(cl.group.toLowerCase());
    return g ? labelFromAbLabel(g) : labelFromTypes(typesOf(cl));
  };
  const keep = (cl: ContentLine) => rest.push(restLine(cl, version, dc));
  const attach = (cl: ContentLine, key: string, consumed?: string[]) => {
    const a = attachedParams(unicodeHeader(cl, dc), key, consumed);
    if (a) rest.push(a);
  };
  const text = (cl: ContentLine) => unescapeText(decodeValue(cl, dc));
  const parts = (cl: ContentLine, n: number) => {
    const p = splitUnescaped(decodeValue(cl, dc), ';').map(unescapeText);
    while (p.length < n) p.push('');
    return p;
  };
  const labelled = (kind: LabelledField, cl: ContentLine, value: string) => {
    if (!value.trim()) return;
    const item: LabelledValue = { value, label: labelOf(cl), pref: false };
    m[kind].push(item);
    ranks.set(item, { kind, rank: prefRank(cl) });
    const a = attachedParams({ ...unicodeHeader(cl, dc), name: WRITTEN_AS[kind] }, value);
    if (a) rest.push(a);
  };
  const date = (cl: ContentLine) => {
    const v = text(cl);
    if (paramValue(cl, 'VALUE')?.toLowerCase() === 'text') return v;
    return readDate(v, paramValue(cl, 'X-APPLE-OMIT-YEAR'));
  };
  const seen = new Set<string>();
  let android: AndroidValue | null = null;
  const categories = new Set<string>(); // sets, not array scans: a card may hold 100,000 items
  const handles = new Set<string>();
  const first = (name: string) => !seen.has(name) && Boolean(seen.add(name));

  for (const cl of raw.lines) {
    const n = cl.name;
    if (REPLACED.has(n) || n === 'X-ABLABEL') continue;
    if (n === 'FN' && first(n)) {
      m.formattedName = text(cl);
      if (paramValue(cl, 'X-CONTACTCARDS-DERIVED') !== undefined) derivedFn = m.formattedName;
      attach(cl, m.formattedName, ['X-CONTACTCARDS-DERIVED']);
    } else if (n === 'N' && first(n)) {
      const [family = '', given = '', middle = '', prefix = '', suffix = ''] = parts(cl, 5);
      m.name = { prefix, given, middle, family, suffix };
      attach(cl, [family, given, middle, prefix, suffix].join('\u0001'));
    } else if (n === 'NICKNAME') {
      const v = text(cl);
      if (!m.nickname || !v.trim()) m.nickname ||= v;
      else m.nickname = `${m.nickname}, ${v}`;
    } else if (n === 'ORG' && first(n)) {
      const [org = '', ...units] = parts(cl, 1);
      m.organization = org;
      m.department = units.filter(Boolean).join(', ');
      attach(cl, `${org}\u0001${m.department}`);
    } else if (n === 'TITLE' && first(n)) {
      m.jobTitle = text(cl);
      attach(cl, m.jobTitle);
    } else if (n === 'EMAIL') {
      labelled('emails', cl, text(cl).trim());
    } else if (n === 'TEL') {
      labelled('phones', cl, phoneText(cl, text(cl)).trim());
    } else if (n === 'URL') {
      labelled('urls', cl, text(cl).trim());
    } else if (n === 'IMPP' || n === 'X-SOCIALPROFILE' || IM_SCHEMES[n]) {
      const v = imppText(n, text(cl).trim());
      if (n !== 'IMPP' && handles.has(v))
        keep(cl); // Apple writes X-AIM beside the same IMPP
      else labelled('impps', cl, v);
      handles.add(v);
    } else if (n === 'ADR') {
      const [
        poBox = '',
        extended = '',
        street = '',
        locality = '',
        region = '',
        postalCode = '',
        country = '',
      ] = parts(cl, 7);
      const a = {
        label: labelOf(cl),
        pref: false,
        poBox,
        extended,
        street,
        locality,
        region,
        postalCode,
        country,
      };
      if (![poBox, extended, street, locality, region, postalCode, country].some((x) => x.trim()))
        continue;
      m.addresses.push(a);
      ranks.set(a, { kind: 'addresses', rank: prefRank(cl) });
      attach(cl, [poBox, extended, street, locality, region, postalCode, country].join('\u0001'));
    } else if (n === 'BDAY' && first(n)) {
      m.birthday = date(cl);
      attach(cl, m.birthday, ['X-APPLE-OMIT-YEAR']);
    } else if (ANNIVERSARY_PROPS.has(n) || n === 'X-ABDATE') {
      const v = date(cl);
      if (!v.trim()) continue;
      const g = groupLabels.get(cl.group.toLowerCase());
      const isAnniversary = n === 'X-ABDATE' ? g !== undefined && isAppleAnniversary(g) : true;
      if (g !== undefined) usedGroups.add(cl.group.toLowerCase());
      if (isAnniversary && !m.anniversary) {
        m.anniversary = v;
      } else m.dates.push({ value: v, label: isAnniversary ? 'anniversary' : labelOf(cl) });
    } else if (n === 'RELATED' || n === 'X-ABRELATEDNAMES' || RELATED_PROPS[n]) {
      const v = text(cl).trim();
      const isText = paramValue(cl, 'VALUE')?.toLowerCase() === 'text';
      if (n === 'RELATED' && !isText && /^[a-z][a-z0-9+.-]*:/i.test(v)) keep(cl);
      else if (v) m.related.push({ value: v, label: RELATED_PROPS[n] ?? labelOf(cl) });
    } else if (n === 'X-ANDROID-CUSTOM' && (android = readAndroidCustom(decodeValue(cl, dc)))) {
      if (android.kind === 'nickname')
        m.nickname = m.nickname ? `${m.nickname}, ${android.value}` : android.value;
      else if (android.kind === 'related')
        m.related.push({ value: android.value, label: android.label });
      else if (android.label === 'anniversary' && !m.anniversary) m.anniversary = android.value;
      else m.dates.push({ value: android.value, label: android.label });
    } else if (n === 'CATEGORIES') {
      for (const c of splitUnescaped(decodeValue(cl, dc), ',').map(unescapeText)) {
        if (c.trim() && !categories.has(c)) m.labels.push(c);
        categories.add(c);
      }
    } else if (n === 'NOTE') {
      const v = text(cl);
      if (!m.note || !v.trim()) m.note ||= v;
      else m.note = `${m.note}\n\n${v}`;
    } else if (n === 'UID' && first(n)) {
      m.uid = text(cl).trim();
    } else if (n === 'X-CONTACTCARDS-STARRED') {
      m.favourite = text(cl).trim().toUpperCase() === 'TRUE';
    } else if (n === 'PHOTO' && !photo && (photo = readPhoto(cl, encodingOf(cl) === 'b64', dc))) {
      // kept as the card's photo
    } else keep(cl);
  }

  for (const cl of raw.lines) {
    if (cl.name !== 'X-ABLABEL' || usedGroups.has(cl.group.toLowerCase())) continue;
    if (cl.value.trim()) keep(cl); // Google writes empty ones beside empty ADRs
  }
  const best = new Map<string, { item: object; rank: number }>();
  for (const [item, { kind, rank }] of ranks) {
    const b = best.get(kind);
    if (rank !== Infinity && (!b || rank < b.rank)) best.set(kind, { item, rank });
  }
  for (const { item } of best.values()) (item as { pref: boolean }).pref = true;
  if (derivedFn !== null && displayName({ ...m, formattedName: '' }) === derivedFn)
    m.formattedName = '';

  const name = displayName(m);
  // A value decoded twice (an X-ABLabel kept in rest) reports its problem once.
  const reasons = new Set(lineProblems.map((p) => `line ${p.line}: ${p.reason}`));
  const problems: CardProblem[] = [...reasons].map((reason) => ({
    where: name ? `${where}, ${name}` : where,
    reason,
  }));
  return {
    where,
    version,
    model: m,
    rest: { properties: rest, version: version === '4.0' ? '4.0' : '3.0' },
    photo,
    source:
      version !== '2.1' && !problems.length && !converted(raw.lines) && !ctx.defaultCharset
        ? source()
        : null,
    problems,
  };
}
