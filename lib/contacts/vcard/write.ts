import { addressHasValue, displayName, type ContactModel, type LabelledValue } from '../model';
import { convertRest } from './convert';
import { dateKind } from './dates';
import { abLabelFor, RELATED_TYPES, typeFor, type LabelledKind } from './labels';
import { attachKey, restProperties } from './rest';
import type { CardPhoto, CardRest } from './types';
import { escapeText, escapeUri, foldLine } from './write-text';

const PRODID = '-//Contact Cards//Contact Cards//EN';

type Version = '3.0' | '4.0';

/** A property or group name as RFC 6350 allows it (letters, digits, '-'). */
const token = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '-');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function revText(d: Date, v: Version): string {
  const [y, mo, da] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  const [h, mi, s] = [pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds())];
  return v === '4.0' ? `${y}${mo}${da}T${h}${mi}${s}Z` : `${y}-${mo}-${da}T${h}:${mi}:${s}Z`;
}

/** A date property's parameters and value: 4.0 basic format, 3.0 Apple's year 1604 when year-less. */
function dateParts(value: string, v: Version, apple: boolean): [string, string] {
  const k = dateKind(value);
  if (k.kind === 'full') {
    return [
      '',
      v === '4.0' && !apple ? `${k.year}${k.month}${k.day}` : `${k.year}-${k.month}-${k.day}`,
    ];
  }
  if (k.kind === 'no-year') {
    if (v === '4.0' && !apple) return ['', `--${k.month}${k.day}`];
    return [';X-APPLE-OMIT-YEAR=1604', `1604-${k.month}-${k.day}`];
  }
  return [';VALUE=text', escapeText(value)];
}

/** Writes a card: the model's properties, then `rest` as it came, folded at 75 octets, CRLF. */
export function writeCard(
  model: ContactModel,
  rest: CardRest | null,
  photo: CardPhoto | null,
  version: Version,
  options: { rev?: Date } = {},
): string {
  const all = restProperties(rest);
  const attached = new Map<string, string>();
  for (const p of all) {
    if (!p.attach) continue;
    const key = attachKey(p.name.toUpperCase(), p.value);
    attached.set(key, (attached.get(key) ?? '') + p.params);
  }
  const restLines = convertRest(
    all.filter((p) => !p.attach),
    rest?.version ?? version,
    version,
  );
  const taken = new Set(restLines.map((p) => p.group.toLowerCase()));
  let n = 0;
  const nextGroup = () => {
    do n++;
    while (taken.has(`item${n}`));
    return `item${n}`;
  };

  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `PRODID:${PRODID}`];
  const prop = (name: string, params: string, value: string, key?: string, group = '') => {
    const extra = key === undefined ? '' : (attached.get(attachKey(name, key)) ?? '');
    lines.push(`${group ? `${group}.` : ''}${name}${params}${extra}:${value}`);
  };
  /** A label with no TYPE spelling goes in an `itemN.` group with X-ABLabel, as Apple and Google do. */
  const withLabel = (label: string, write: (group: string) => void) => {
    const group = label ? nextGroup() : '';
    write(group);
    if (group) lines.push(`${group}.X-ABLabel:${escapeText(abLabelFor(label))}`);
  };
  const typeParams = (kind: LabelledKind, label: string, pref: boolean) => {
    const types = [typeFor(kind, label)].filter((t): t is string => t !== null);
    if (pref && version === '3.0') types.push('pref');
    const t = types.length ? `;TYPE=${types.join(',')}` : '';
    return pref && version === '4.0' ? `${t};PREF=1` : t;
  };
  const labelled = (kind: LabelledKind, items: LabelledValue[], uri: boolean) => {
    for (const it of items) {
      if (!it.value.trim()) continue;
      const hasType = typeFor(kind, it.label) !== null;
      const value = uri ? escapeUri(it.value) : escapeText(it.value);
      withLabel(hasType ? '' : it.label, (g) =>
        prop(kind, typeParams(kind, it.label, it.pref), value, it.value, g),
      );
    }
  };

  if (model.uid) prop('UID', '', escapeText(model.uid));
  const fn = model.formattedName || displayName(model);
  prop('FN', model.formattedName ? '' : ';X-CONTACTCARDS-DERIVED=TRUE', escapeText(fn), fn);
  const nm = model.name;
  const nParts = [nm.family, nm.given, nm.middle, nm.prefix, nm.suffix];
  prop('N', '', nParts.map(escapeText).join(';'), nParts.join('\u0001'));
  if (model.nickname) prop('NICKNAME', '', escapeText(model.nickname), model.nickname);
  if (model.organization || model.department) {
    const org = [model.organization, model.department].filter((x, i) => i === 0 || x);
    prop(
      'ORG',
      '',
      org.map(escapeText).join(';'),
      `${model.organization}\u0001${model.department}`,
    );
  }
  if (model.jobTitle) prop('TITLE', '', escapeText(model.jobTitle), model.jobTitle);
  labelled('EMAIL', model.emails, false);
  labelled('TEL', model.phones, false);
  for (const a of model.addresses) {
    if (!addressHasValue(a)) continue;
    const parts = [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country];
    const hasType = typeFor('ADR', a.label) !== null;
    withLabel(hasType ? '' : a.label, (g) =>
      prop(
        'ADR',
        typeParams('ADR', a.label, a.pref),
        parts.map(escapeText).join(';'),
        parts.join('\u0001'),
        g,
      ),
    );
  }
  labelled('URL', model.urls, true);
  labelled('IMPP', model.impps, true);
  if (model.birthday) {
    const [params, value] = dateParts(model.birthday, version, false);
    prop('BDAY', params, value, model.birthday);
  }
  if (model.anniversary && version === '4.0') {
    prop('ANNIVERSARY', ...dateParts(model.anniversary, version, false));
  } else if (model.anniversary) {
    const g = nextGroup();
    prop('X-ABDATE', ...dateParts(model.anniversary, version, true), undefined, g);
    lines.push(`${g}.X-ABLabel:_$!<Anniversary>!$_`);
  }
  for (const d of model.dates) {
    if (!d.value.trim()) continue;
    withLabel(d.label, (g) => prop('X-ABDATE', ...dateParts(d.value, version, true), undefined, g));
  }
  for (const r of model.related) {
    if (!r.value.trim()) continue;
    const value = escapeText(r.value);
    if (version === '3.0')
      withLabel(r.label, (g) => prop('X-ABRELATEDNAMES', '', value, undefined, g));
    else if (!r.label || RELATED_TYPES.has(r.label)) {
      prop('RELATED', `${r.label ? `;TYPE=${r.label}` : ''};VALUE=text`, value);
    } else withLabel(r.label, (g) => prop('RELATED', ';VALUE=text', value, undefined, g));
  }
  const labels = model.labels.filter((l) => l.trim());
  if (labels.length) prop('CATEGORIES', '', labels.map(escapeText).join(','));
  if (model.note) prop('NOTE', '', escapeText(model.note), model.note);
  if (model.favourite) prop('X-CONTACTCARDS-STARRED', '', 'TRUE');
  if (photo?.kind === 'data') {
    const b64 = Buffer.from(photo.bytes).toString('base64');
    if (version === '4.0') prop('PHOTO', '', `data:${photo.mime};base64,${b64}`);
    else
      prop('PHOTO', `;ENCODING=b;TYPE=${(photo.mime.split('/')[1] ?? 'jpeg').toUpperCase()}`, b64);
  } else if (photo?.kind === 'uri') {
    prop('PHOTO', version === '3.0' ? ';VALUE=uri' : '', escapeUri(photo.uri));
  }
  for (const p of restLines) {
    // A rest from elsewhere than our reader must not break the card's line structure.
    const value = p.value.replace(/\r\n|\r|\n/g, '\\n');
    prop(token(p.name), p.params.replace(/[\r\n]/g, ' '), value, undefined, token(p.group));
  }
  if (options.rev) prop('REV', '', revText(options.rev, version));
  lines.push('END:VCARD');
  // No vCard may hold a NUL and PostgreSQL text cannot: one from a CSV cell or an X- property
  // becomes U+FFFD, so the card is stored and the person sees where a character was lost.
  return `${lines.map(foldLine).join('\r\n')}\r\n`.replace(/\u0000/g, '\uFFFD');
}
