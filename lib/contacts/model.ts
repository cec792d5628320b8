/**
 * The one definition of a contact: what the editor edits, import reads, export writes and the
 * data layer derives its columns from. The stored vCard stays the source of truth (ADR 011);
 * this is the part of it the app understands. Safe to import in the browser.
 */

/** The labels the app offers; any other text a person or a file gives is kept as their own label. */
export const STANDARD_LABELS = ['home', 'work', 'mobile', 'main', 'fax', 'pager', 'other'] as const;

/** One email, phone, website or messaging handle, with its label. */
export interface LabelledValue {
  value: string;
  /** 'home', 'work', … or the person's own label ('' when none was given). */
  label: string;
  /** The preferred one of its kind; at most one per kind is true. */
  pref: boolean;
}

export interface PostalAddress {
  label: string;
  pref: boolean;
  poBox: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postalCode: string;
  country: string;
}

/** A birthday, anniversary or other labelled date. */
export interface ContactDate {
  /** YYYY-MM-DD (years 1 to today), --MM-DD without a year, or text kept as given. */
  value: string;
  label: string;
}

/** A related person (spouse, child, assistant…), by name. */
export interface RelatedPerson {
  value: string;
  label: string;
}

export interface ContactName {
  prefix: string;
  given: string;
  middle: string;
  family: string;
  suffix: string;
}

export interface ContactModel {
  /** The card's UID (kept from an import; generated as urn:uuid:… otherwise). */
  uid: string;
  /** The formatted name (FN) as the card had it; derived from the parts when empty. */
  formattedName: string;
  name: ContactName;
  nickname: string;
  organization: string;
  department: string;
  jobTitle: string;
  emails: LabelledValue[];
  phones: LabelledValue[];
  addresses: PostalAddress[];
  urls: LabelledValue[];
  /** Instant messaging and social handles (IMPP, X-SOCIALPROFILE), as URIs or as typed. */
  impps: LabelledValue[];
  birthday: string;
  anniversary: string;
  /** Dates other than the birthday and anniversary. */
  dates: ContactDate[];
  related: RelatedPerson[];
  /** vCard CATEGORIES, as the person wrote them. */
  labels: string[];
  favourite: boolean;
  note: string;
}

/** A value kept although it did not pass its check, so the contact page can flag it. */
export interface ContactFlag {
  /** The model field: 'phones', 'emails', 'urls', 'birthday', … */
  field: string;
  /** The row within a list field. */
  index?: number;
  value: string;
  /** Shown to the person, e.g. "kept as typed: not a phone number in any plan". */
  reason: string;
}

export const emptyName = (): ContactName => ({
  prefix: '',
  given: '',
  middle: '',
  family: '',
  suffix: '',
});

export const emptyAddress = (): PostalAddress => ({
  label: '',
  pref: false,
  poBox: '',
  extended: '',
  street: '',
  locality: '',
  region: '',
  postalCode: '',
  country: '',
});

export function emptyContact(uid = ''): ContactModel {
  return {
    uid,
    formattedName: '',
    name: emptyName(),
    nickname: '',
    organization: '',
    department: '',
    jobTitle: '',
    emails: [],
    phones: [],
    addresses: [],
    urls: [],
    impps: [],
    birthday: '',
    anniversary: '',
    dates: [],
    related: [],
    labels: [],
    favourite: false,
    note: '',
  };
}

const ADDRESS_PARTS = [
  'poBox',
  'extended',
  'street',
  'locality',
  'region',
  'postalCode',
  'country',
] as const;

/** The name a list shows: the formatted name, else the parts, else organisation, email, phone. */
export function displayName(c: ContactModel): string {
  const fromParts = [c.name.prefix, c.name.given, c.name.middle, c.name.family, c.name.suffix]
    .filter(Boolean)
    .join(' ');
  return (
    c.formattedName.trim() ||
    fromParts ||
    c.nickname ||
    c.organization ||
    c.emails[0]?.value ||
    c.phones[0]?.value ||
    ''
  );
}

/** True when an address has any part filled. */
export const addressHasValue = (a: PostalAddress) => ADDRESS_PARTS.some((k) => a[k].trim());

/**
 * A contact needs at least one of a name, an organisation, an email or a phone; a record with
 * none of them (nothing a person could find it by) is the only kind an import skips.
 */
export function hasIdentity(c: ContactModel): boolean {
  const name = [c.formattedName, c.nickname, ...Object.values(c.name)].some((v) => v.trim());
  return (
    name ||
    Boolean(c.organization.trim()) ||
    c.emails.some((e) => e.value.trim()) ||
    c.phones.some((p) => p.value.trim())
  );
}
