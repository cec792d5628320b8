import {
  emptyAddress,
  emptyContact,
  type ContactDate,
  type ContactModel,
  type LabelledValue,
  type PostalAddress,
  type RelatedPerson,
} from './model';

/**
 * The contact editor's form as data: FormData → ContactDraft → FormData, and the "Add"/"Remove"
 * row intents. Rows stay as typed (empty ones too, so an added row survives a re-render); the
 * checks (lib/contacts/checks.ts) clean them and drop the empty ones. Pure: the browser uses it
 * to act on a click at once, the server to re-render the same form without JavaScript.
 */

/** The model as the form holds it, and the paths ticked "keep as typed" (e.g. phones.2.value). */
export interface ContactDraft {
  model: ContactModel;
  keep: string[];
}

export const LABELLED_KINDS = ['emails', 'phones', 'urls', 'impps'] as const;
const ROW_KINDS = [...LABELLED_KINDS, 'addresses', 'dates', 'related'] as const;
export type LabelledKind = (typeof LABELLED_KINDS)[number];
export type RowKind = (typeof ROW_KINDS)[number];

export const ADDRESS_FIELDS = [
  'street',
  'extended',
  'locality',
  'region',
  'postalCode',
  'country',
  'poBox',
] as const;
export const NAME_FIELDS = ['prefix', 'given', 'middle', 'family', 'suffix'] as const;
const TEXT_FIELDS = [
  'formattedName',
  'nickname',
  'organization',
  'department',
  'jobTitle',
  'note',
] as const;
const DATE_FIELDS = ['birthday', 'anniversary'] as const;

/** Rows per kind the form reads; the checks cap a contact at 100 too. */
const MAX_FORM_ROWS = 100;
/** The select's value for "the label typed in the Own label field". */
export const OWN_LABEL = 'own';
/** What one form field may hold before reading; the checks apply the real caps. */
const READ_CAP = 100_000;

export function emptyRow(kind: RowKind): ContactModel[RowKind][number] {
  if (kind === 'addresses') return emptyAddress();
  if (kind === 'dates' || kind === 'related') return { value: '', label: '' };
  return { value: '', label: '', pref: false };
}

// ---------- reading ----------

const text = (fd: FormData, name: string) => {
  const v = fd.get(name);
  return typeof v === 'string' ? v.slice(0, READ_CAP) : '';
};

/** The row numbers the form sent for a kind, in order (gaps closed, bounded). */
function rowIndexes(fd: FormData, kind: RowKind): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${kind}\\.(\\d{1,3})\\.`);
  for (const key of fd.keys()) {
    const m = pattern.exec(key);
    if (m && Number(m[1]) < MAX_FORM_ROWS) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The label of a row: the own label when typed, else the chosen one. */
function readLabel(fd: FormData, prefix: string): string {
  const own = text(fd, `${prefix}.labelOther`).trim();
  const chosen = text(fd, `${prefix}.label`);
  return own || (chosen === OWN_LABEL ? '' : chosen);
}

/** YYYY-MM-DD, --MM-DD, what was typed when incomplete, or the kept text when all is empty. */
export function composeDate(day: string, month: string, year: string, kept = ''): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) return kept;
  const pad = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  return y ? `${y}-${pad(m)}-${pad(d)}` : `--${pad(m)}-${pad(d)}`;
}

/** A date's parts for the three fields, or the text itself when it is not a date. */
export function splitDate(value: string): {
  day: string;
  month: string;
  year: string;
  kept: string;
} {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (full) return { year: full[1]!, month: strip(full[2]!), day: strip(full[3]!), kept: '' };
  const noYear = /^--(\d{2})-(\d{2})$/.exec(value);
  if (noYear) return { year: '', month: strip(noYear[1]!), day: strip(noYear[2]!), kept: '' };
  return { year: '', month: '', day: '', kept: value };
}
const strip = (s: string) => String(Number(s));

/** The form as a draft, every row kept as typed. */
export function readContactForm(fd: FormData): ContactDraft {
  const model = emptyContact();
  for (const f of TEXT_FIELDS) model[f] = text(fd, f);
  for (const f of NAME_FIELDS) model.name[f] = text(fd, `name.${f}`);
  for (const f of DATE_FIELDS) {
    model[f] = composeDate(
      text(fd, `${f}.day`),
      text(fd, `${f}.month`),
      text(fd, `${f}.year`),
      text(fd, `${f}.kept`),
    );
  }
  const keep: string[] = [];
  // A form with a gap in its row numbers (e.g. 0, 2) is read as rows 0, 1: ticks follow their row.
  const keepIf = (sent: string, as = sent) => {
    if (fd.has(`keep.${sent}`)) keep.push(as);
  };
  for (const f of DATE_FIELDS) keepIf(f);
  // A text over its length cap can be kept in full too (flagged), when the person insists.
  for (const f of TEXT_FIELDS) keepIf(f);
  for (const f of NAME_FIELDS) keepIf(`name.${f}`);

  for (const kind of LABELLED_KINDS) {
    const pref = text(fd, `${kind}.pref`);
    model[kind] = rowIndexes(fd, kind).map((i, n): LabelledValue => {
      keepIf(`${kind}.${i}.value`, `${kind}.${n}.value`);
      return {
        value: text(fd, `${kind}.${i}.value`),
        label: readLabel(fd, `${kind}.${i}`),
        pref: pref === String(i),
      };
    });
  }
  const addressPref = text(fd, 'addresses.pref');
  model.addresses = rowIndexes(fd, 'addresses').map((i): PostalAddress => {
    const a: PostalAddress = {
      ...emptyAddress(),
      label: readLabel(fd, `addresses.${i}`),
      pref: addressPref === String(i),
    };
    for (const f of ADDRESS_FIELDS) a[f] = text(fd, `addresses.${i}.${f}`);
    return a;
  });
  for (const kind of ['dates', 'related'] as const) {
    model[kind] = rowIndexes(fd, kind).map((i, n): ContactDate | RelatedPerson => {
      if (kind === 'dates') keepIf(`dates.${i}.value`, `dates.${n}.value`);
      return { value: text(fd, `${kind}.${i}.value`), label: text(fd, `${kind}.${i}.label`) };
    });
  }

  const labels = fd
    .getAll('labels')
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.slice(0, READ_CAP));
  const added = text(fd, 'newLabel').trim();
  model.labels = [...new Set([...labels, ...(added ? [added] : [])])].slice(0, MAX_FORM_ROWS);
  model.favourite = fd.has('favourite');
  return { model, keep };
}

// ---------- writing ----------

/** The fields a draft fills in, by name (what readContactForm reads back into the same draft). */
export function contactFormEntries(draft: ContactDraft): [string, string][] {
  const { model } = draft;
  const out: [string, string][] = [];
  const put = (name: string, value: string) => out.push([name, value]);
  for (const f of TEXT_FIELDS) put(f, model[f]);
  for (const f of NAME_FIELDS) put(`name.${f}`, model.name[f]);
  for (const f of DATE_FIELDS) {
    const d = splitDate(model[f]);
    put(`${f}.day`, d.day);
    put(`${f}.month`, d.month);
    put(`${f}.year`, d.year);
    put(`${f}.kept`, d.kept);
  }
  for (const kind of [...LABELLED_KINDS, 'addresses'] as const) {
    model[kind].forEach((row, i) => {
      const label = labelChoice(row.label);
      put(`${kind}.${i}.label`, label.choice);
      put(`${kind}.${i}.labelOther`, label.own);
      if ('value' in row) put(`${kind}.${i}.value`, row.value);
      else for (const f of ADDRESS_FIELDS) put(`${kind}.${i}.${f}`, row[f]);
      if (row.pref) put(`${kind}.pref`, String(i));
    });
  }
  for (const kind of ['dates', 'related'] as const) {
    model[kind].forEach((row, i) => {
      put(`${kind}.${i}.value`, row.value);
      put(`${kind}.${i}.label`, row.label);
    });
  }
  for (const label of model.labels) put('labels', label);
  if (model.favourite) put('favourite', 'on');
  for (const path of draft.keep) put(`keep.${path}`, 'on');
  return out;
}

const CHOICES = new Set(['', 'home', 'work', 'mobile', 'main', 'fax', 'pager', 'other']);

/** A label as the select and the "Own label" field show it. */
export function labelChoice(label: string): { choice: string; own: string } {
  return CHOICES.has(label) ? { choice: label, own: '' } : { choice: OWN_LABEL, own: label };
}

// ---------- row intents ----------

export type RowIntent =
  { op: 'add'; kind: RowKind } | { op: 'remove'; kind: RowKind; index: number };

/** "add:phones" or "remove:phones:2"; null for anything else (e.g. "save"). */
export function parseIntent(value: unknown): RowIntent | null {
  if (typeof value !== 'string') return null;
  const m = /^(add|remove):([a-z]+)(?::(\d{1,3}))?$/.exec(value);
  if (!m || !(ROW_KINDS as readonly string[]).includes(m[2]!)) return null;
  const kind = m[2] as RowKind;
  if (m[1] === 'add') return m[3] === undefined ? { op: 'add', kind } : null;
  return m[3] === undefined ? null : { op: 'remove', kind, index: Number(m[3]) };
}

/** The draft with one row more or less; every other value (and keep tick) stays. */
export function applyIntent(draft: ContactDraft, intent: RowIntent): ContactDraft {
  const model = structuredClone(draft.model);
  const rows = model[intent.kind] as unknown[];
  if (intent.op === 'add') {
    if (rows.length < MAX_FORM_ROWS) rows.push(emptyRow(intent.kind));
    return { model, keep: [...draft.keep] };
  }
  if (intent.index >= rows.length) return { model, keep: [...draft.keep] };
  rows.splice(intent.index, 1);
  const keep: string[] = [];
  for (const path of draft.keep) {
    const [kind, index, rest] = path.split('.');
    if (kind !== intent.kind || index === undefined) keep.push(path);
    else if (Number(index) < intent.index) keep.push(path);
    else if (Number(index) > intent.index) keep.push(`${kind}.${Number(index) - 1}.${rest}`);
  }
  return { model, keep };
}

/** The form's id for a field path ("phones.2.value" → "f-phones-2-value"). */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
