import {
  addressHasValue,
  hasIdentity,
  type ContactFlag,
  type ContactModel,
  type LabelledValue,
  type PostalAddress,
} from './model';
import { formatPhone, isEmail, normalizeDate, normalizeUrl } from './checks/values';

import {
  Checker,
  FIELD_LIMITS,
  HARD_CAP_FACTOR,
  MAX_ROWS,
  MESSAGES,
  type FieldError,
  type Place,
} from './checks/checker';

export { FIELD_LIMITS, HARD_CAP_FACTOR, MAX_ROWS, MESSAGES };

/**
 * One check for every way a contact comes in (editor, vCard, CSV): cleans each value, formats
 * what it can, and never loses a value it can keep. Import keeps `model` + `flags` and ignores
 * `errors`; the editor shows `errors` (a value confirmed with "keep as typed" has none).
 */
export interface CheckOptions {
  /** ISO 3166 region for numbers typed without a country code, e.g. 'US'. */
  region: string;
  today?: Date;
  /** Paths the person confirmed to keep as typed, e.g. 'phones.2.value'. */
  keepAsTyped?: Set<string>;
}
export interface CheckResult {
  model: ContactModel;
  flags: ContactFlag[];
  errors: FieldError[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const NOUNS: Record<string, string> = {
  phones: 'phone',
  emails: 'email',
  urls: 'website',
  impps: 'messaging address',
  addresses: 'address',
  dates: 'date',
  related: 'related person',
  labels: 'label',
  note: 'note',
  formattedName: 'name',
};

/** A flag as the import summary and the contact page say it: "phone '121' kept as typed: …". */
export function describeFlag(flag: ContactFlag): string {
  const noun =
    NOUNS[flag.field] ??
    flag.field
      .replace(/^name\./, 'name ')
      .replace(/([A-Z])/g, ' $1')
      .toLowerCase();
  return `${noun} '${flag.value}' ${flag.reason}`;
}

/** Checks one contact; see CheckResult. Never throws, never mutates its input. */
export function checkContact(input: ContactModel, options: CheckOptions): CheckResult {
  const c = new Checker(options.keepAsTyped ?? new Set());
  const latest = isoDay(options.today ?? new Date());
  const L = FIELD_LIMITS;
  const t = (path: string, raw: string, cap: number, multiline = false) =>
    c.text(path, { field: path }, raw, cap, multiline);

  const model: ContactModel = {
    uid: t('uid', input.uid, L.uid),
    formattedName: t('formattedName', input.formattedName, L.formattedName),
    name: {
      prefix: t('name.prefix', input.name.prefix, L.namePart),
      given: t('name.given', input.name.given, L.namePart),
      middle: t('name.middle', input.name.middle, L.namePart),
      family: t('name.family', input.name.family, L.namePart),
      suffix: t('name.suffix', input.name.suffix, L.namePart),
    },
    nickname: t('nickname', input.nickname, L.nickname),
    organization: t('organization', input.organization, L.organization),
    department: t('department', input.department, L.department),
    jobTitle: t('jobTitle', input.jobTitle, L.jobTitle),
    emails: labelled(c, 'emails', input.emails, L.email, (v, path, at) => {
      if (isEmail(v)) return v;
      c.invalid(
        path,
        at,
        v,
        'kept as typed: not an email address like name@example.com',
        MESSAGES.email,
      );
      return v;
    }),
    phones: labelled(c, 'phones', input.phones, L.phone, (v, path, at) => {
      const formatted = formatPhone(v, options.region);
      if (formatted) return formatted;
      c.invalid(
        path,
        at,
        v,
        'kept as typed: not a phone number in any plan',
        MESSAGES.phone(options.region),
      );
      return v;
    }),
    addresses: rows(c, 'addresses', input.addresses, (a, i, at) => address(c, a, i, at)),
    urls: labelled(c, 'urls', input.urls, L.url, (v, path, at) => {
      const url = normalizeUrl(v);
      if (url) return url;
      c.invalid(path, at, v, 'kept as typed: not a web address', MESSAGES.url);
      return v;
    }),
    impps: labelled(c, 'impps', input.impps, L.url, (v) => v),
    birthday: date(c, 'birthday', { field: 'birthday' }, input.birthday, latest),
    anniversary: date(c, 'anniversary', { field: 'anniversary' }, input.anniversary, latest),
    dates: rows(c, 'dates', input.dates, (d, i, at) => {
      const value = date(c, `dates.${i}.value`, at, d.value, null);
      return value ? { value, label: c.text(`dates.${i}.label`, at, d.label, L.label) } : null;
    }),
    related: rows(c, 'related', input.related, (r, i, at) => {
      const value = c.text(`related.${i}.value`, at, r.value, L.related);
      return value ? { value, label: c.text(`related.${i}.label`, at, r.label, L.label) } : null;
    }),
    labels: [
      ...new Set(
        rows(
          c,
          'labels',
          input.labels,
          (l, i, at) => c.text(`labels.${i}`, at, l, L.category) || null,
        ),
      ),
    ],
    favourite: input.favourite === true,
    note: t('note', input.note, L.note, true),
  };
  for (const list of [model.emails, model.phones, model.urls, model.impps, model.addresses]) {
    onePref(list);
  }
  if (!hasIdentity(model)) c.errors.push({ path: '', message: MESSAGES.identity });
  return { model, flags: c.flags, errors: c.errors };
}

type RowCheck<T, U> = (row: T, inputIndex: number, at: Place) => U | null;

/** Checks each row; a row that ends up empty is removed (its flags then name no row). */
function rows<T, U>(c: Checker, field: string, list: readonly T[], check: RowCheck<T, U>): U[] {
  const out: U[] = [];
  list.forEach((row, i) => {
    if (i >= MAX_ROWS) return;
    const mark = c.flags.length;
    const kept = check(row, i, { field, index: out.length });
    if (kept === null) for (const f of c.flags.slice(mark)) delete f.index;
    else out.push(kept);
  });
  if (list.length > MAX_ROWS) {
    c.flag(
      { field },
      `${list.length - MAX_ROWS} more`,
      `dropped: more than ${MAX_ROWS} in one contact`,
    );
  }
  return out;
}

function labelled(
  c: Checker,
  field: string,
  list: readonly LabelledValue[],
  cap: number,
  check: (value: string, path: string, at: Place) => string,
): LabelledValue[] {
  return rows(c, field, list, (row, i, at) => {
    const path = `${field}.${i}.value`;
    const value = c.text(path, at, row.value, cap);
    if (!value) return null;
    const label = c.text(`${field}.${i}.label`, at, row.label, FIELD_LIMITS.label);
    return { value: check(value, path, at), label, pref: row.pref === true };
  });
}

function address(c: Checker, a: PostalAddress, i: number, at: Place): PostalAddress | null {
  const part = (key: keyof Omit<PostalAddress, 'pref'>, cap: number, multiline = false) =>
    c.text(`addresses.${i}.${key}`, at, a[key], cap, multiline);
  const cap = FIELD_LIMITS.addressPart;
  const out: PostalAddress = {
    label: part('label', FIELD_LIMITS.label),
    pref: a.pref === true,
    poBox: part('poBox', cap),
    extended: part('extended', cap),
    street: part('street', FIELD_LIMITS.street, true),
    locality: part('locality', cap),
    region: part('region', cap),
    postalCode: part('postalCode', cap),
    country: part('country', cap),
  };
  return addressHasValue(out) ? out : null;
}

function date(c: Checker, path: string, at: Place, raw: string, latest: string | null): string {
  const v = c.text(path, at, raw, FIELD_LIMITS.date);
  if (!v) return '';
  const result = normalizeDate(v, latest);
  if (result === 'invalid') c.invalid(path, at, v, 'kept as text: not a date', MESSAGES.date);
  else if (result === 'future')
    c.invalid(path, at, v, 'kept as text: a date after today', MESSAGES.future);
  else return result;
  return v;
}

function onePref(list: { pref: boolean }[]) {
  let seen = false;
  for (const row of list) {
    if (row.pref && seen) row.pref = false;
    if (row.pref) seen = true;
  }
}
