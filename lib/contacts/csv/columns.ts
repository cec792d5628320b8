import type { ContactName } from '../model';

/**
 * What each CSV column means, for the layouts address books write: Google (current and old),
 * Outlook desktop, Outlook.com and Thunderbird (English). Headers are matched ignoring case and
 * spaces; a column not named here is kept in the record's extras, never dropped.
 */
type ListKind = 'emails' | 'phones' | 'urls' | 'impps';
/** The address parts Outlook and Thunderbird give a column each. */
type AddressPart = 'street' | 'locality' | 'poBox' | 'region' | 'postalCode' | 'country';
type NumberedGroup =
  | 'email'
  | 'phone'
  | 'address'
  | 'website'
  | 'relation'
  | 'event'
  | 'im'
  | 'custom'
  | 'organization';

export type Column =
  | { kind: 'name'; part: keyof ContactName }
  | {
      kind: 'text';
      field: 'formattedName' | 'nickname' | 'organization' | 'department' | 'jobTitle' | 'note';
    }
  | { kind: 'date'; field: 'birthday' | 'anniversary' }
  | { kind: 'birthPart'; part: 'year' | 'month' | 'day' }
  | { kind: 'labels'; separator: string }
  /** One value with a label fixed by the column ("Mobile Phone" → mobile). */
  | { kind: 'value'; list: ListKind; label: string; pref?: boolean }
  | { kind: 'related'; label: string }
  /** A part of the address whose label the column fixes; `line` orders "Street 2", "Street 3". */
  | { kind: 'address'; label: string; part: AddressPart; line?: number }
  /** "Phone 2 - Value": one part of the numbered group. */
  | { kind: 'numbered'; group: NumberedGroup; n: number; part: string }
  /** A column whose exporter always fills it with a default that means nothing (Outlook's "Priority: Normal"). */
  | { kind: 'defaulted'; defaults: string[] };

/** "E-mail 2 Address" → "e-mail2address": case and spaces do not matter. */
const headerKey = (header: string) => header.toLowerCase().replace(/\s+/g, '');

const name = (part: keyof ContactName): Column => ({ kind: 'name', part });
const text = (field: Extract<Column, { kind: 'text' }>['field']): Column => ({
  kind: 'text',
  field,
});
const value = (list: ListKind, label: string, pref = false): Column => ({
  kind: 'value',
  list,
  label,
  pref,
});
const related = (label: string): Column => ({ kind: 'related', label });

const FIXED: Record<string, Column> = {
  // Names: Google current and old, Outlook, Thunderbird.
  'First Name': name('given'),
  'Given Name': name('given'),
  'Middle Name': name('middle'),
  'Additional Name': name('middle'),
  'Last Name': name('family'),
  'Family Name': name('family'),
  'Name Prefix': name('prefix'),
  Title: name('prefix'),
  'Name Suffix': name('suffix'),
  Suffix: name('suffix'),
  Nickname: text('nickname'),
  Name: text('formattedName'),
  'File As': text('formattedName'),
  'Display Name': text('formattedName'),
  // Work.
  'Organization Name': text('organization'),
  'Organization Title': text('jobTitle'),
  'Organization Department': text('department'),
  Company: text('organization'),
  Organization: text('organization'),
  Department: text('department'),
  'Job Title': text('jobTitle'),
  Notes: text('note'),
  Birthday: { kind: 'date', field: 'birthday' },
  Anniversary: { kind: 'date', field: 'anniversary' },
  'Birth Year': { kind: 'birthPart', part: 'year' },
  'Birth Month': { kind: 'birthPart', part: 'month' },
  Labels: { kind: 'labels', separator: ' ::: ' },
  'Group Membership': { kind: 'labels', separator: ' ::: ' },
  Categories: { kind: 'labels', separator: ';' },
  // Outlook / Outlook.com emails, phones, web pages, people.
  'E-mail Address': value('emails', ''),
  'E-mail 2 Address': value('emails', ''),
  'E-mail 3 Address': value('emails', ''),
  'E-mail Type': { kind: 'defaulted', defaults: ['SMTP'] },
  'E-mail 2 Type': { kind: 'defaulted', defaults: ['SMTP'] },
  'E-mail 3 Type': { kind: 'defaulted', defaults: ['SMTP'] },
  'Primary Phone': value('phones', 'main', true),
  'Business Phone': value('phones', 'work'),
  'Business Phone 2': value('phones', 'work'),
  'Home Phone': value('phones', 'home'),
  'Home Phone 2': value('phones', 'home'),
  'Mobile Phone': value('phones', 'mobile'),
  'Company Main Phone': value('phones', 'company'),
  'Business Fax': value('phones', 'work fax'),
  'Home Fax': value('phones', 'home fax'),
  'Other Fax': value('phones', 'fax'),
  'Other Phone': value('phones', 'other'),
  Pager: value('phones', 'pager'),
  'Car Phone': value('phones', 'car'),
  "Assistant's Phone": value('phones', 'assistant'),
  Callback: value('phones', 'callback'),
  ISDN: value('phones', 'isdn'),
  'Radio Phone': value('phones', 'radio'),
  Telex: value('phones', 'telex'),
  'TTY/TDD Phone': value('phones', 'textphone'),
  'Web Page': value('urls', ''),
  'Personal Web Page': value('urls', 'home'),
  IMAddress: value('impps', ''),
  Spouse: related('spouse'),
  Children: related('child'),
  "Assistant's Name": related('assistant'),
  "Manager's Name": related('manager'),
  'Referred By': related('referred by'),
  Priority: { kind: 'defaulted', defaults: ['Normal'] },
  Sensitivity: { kind: 'defaulted', defaults: ['Normal'] },
  Private: { kind: 'defaulted', defaults: ['False'] },
  Gender: { kind: 'defaulted', defaults: ['Unspecified'] },
  // Thunderbird.
  'Primary Email': value('emails', '', true),
  'Secondary Email': value('emails', ''),
  'Screen Name': value('impps', ''),
  'Work Phone': value('phones', 'work'),
  'Fax Number': value('phones', 'fax'),
  'Pager Number': value('phones', 'pager'),
  'Mobile Number': value('phones', 'mobile'),
  'Web Page 1': value('urls', 'work'),
  'Web Page 2': value('urls', 'home'),
  // Simple spreadsheets, and this app's own CSV export before complete cards.
  First: name('given'),
  Last: name('family'),
  Surname: name('family'),
  'Full Name': text('formattedName'),
  Note: text('note'),
  'Birth Date': { kind: 'date', field: 'birthday' },
  'Date of Birth': { kind: 'date', field: 'birthday' },
  Email: value('emails', ''),
  'Email Address': value('emails', ''),
  Phone: value('phones', ''),
  'Phone Number': value('phones', ''),
  Mobile: value('phones', 'mobile'),
  'Cell Phone': value('phones', 'mobile'),
  Website: value('urls', ''),
  'Web Site': value('urls', ''),
  URL: value('urls', ''),
};

/** Address columns: Outlook's Business/Home/Other sets, Thunderbird's Home/Work sets. */
function addressColumns(): Record<string, Column> {
  const out: Record<string, Column> = {};
  const add = (header: string, label: string, part: AddressPart, line?: number) => {
    out[header] = { kind: 'address', label, part, line };
  };
  for (const [prefix, label] of [
    ['Business', 'work'],
    ['Home', 'home'],
    ['Other', 'other'],
  ] as const) {
    add(`${prefix} Street`, label, 'street', 1);
    add(`${prefix} Street 2`, label, 'street', 2);
    add(`${prefix} Street 3`, label, 'street', 3);
    add(`${prefix} City`, label, 'locality');
    add(`${prefix} State`, label, 'region');
    add(`${prefix} Postal Code`, label, 'postalCode');
    add(`${prefix} Country/Region`, label, 'country');
    add(`${prefix} Country`, label, 'country');
    add(`${prefix} Address PO Box`, label, 'poBox');
  }
  for (const [prefix, label] of [
    ['Home', 'home'],
    ['Work', 'work'],
  ] as const) {
    add(`${prefix} Address`, label, 'street', 1);
    add(`${prefix} Address 2`, label, 'street', 2);
    add(`${prefix} City`, label, 'locality');
    add(`${prefix} State`, label, 'region');
    add(`${prefix} ZipCode`, label, 'postalCode');
    add(`${prefix} Country`, label, 'country');
  }
  return out;
}

const BY_KEY = new Map(
  Object.entries({ ...addressColumns(), ...FIXED }).map(([header, column]) => [
    headerKey(header),
    column,
  ]),
);

const NUMBERED =
  /^(e-?mail|phone|address|website|relation|event|im|customfield|organization)(\d{1,3})-([a-z]+)$/;
const GROUPS: Record<string, NumberedGroup> = {
  email: 'email',
  'e-mail': 'email',
  phone: 'phone',
  address: 'address',
  website: 'website',
  relation: 'relation',
  event: 'event',
  im: 'im',
  customfield: 'custom',
  organization: 'organization',
};

/** What a header means, or null for a column the app does not map (kept as an extra). */
function columnFor(header: string): Column | null {
  const key = headerKey(header);
  const fixed = BY_KEY.get(key);
  if (fixed) return fixed;
  const m = NUMBERED.exec(key);
  if (!m) return null;
  // The old Google layout says "Type" where the current one says "Label".
  const part = m[3] === 'type' ? 'label' : m[3]!;
  return { kind: 'numbered', group: GROUPS[m[1]!]!, n: Number(m[2]), part };
}

/**
 * The meaning of every header of a file. Ignoring spaces, Thunderbird's "Birth Day" is
 * "Birthday": beside "Birth Year"/"Birth Month" it is the day of the month.
 */
export function columnsFor(headers: string[]): (Column | null)[] {
  const split = headers.some((h) => ['birthyear', 'birthmonth'].includes(headerKey(h)));
  return headers.map((h) =>
    split && headerKey(h) === 'birthday' ? { kind: 'birthPart', part: 'day' } : columnFor(h),
  );
}

/** Thunderbird's export columns in order; it writes their names in the user's language. */
export const THUNDERBIRD_ORDER = [
  'First Name',
  'Last Name',
  'Display Name',
  'Nickname',
  'Primary Email',
  'Secondary Email',
  'Screen Name',
  'Work Phone',
  'Home Phone',
  'Fax Number',
  'Pager Number',
  'Mobile Number',
  'Home Address',
  'Home Address 2',
  'Home City',
  'Home State',
  'Home ZipCode',
  'Home Country',
  'Work Address',
  'Work Address 2',
  'Work City',
  'Work State',
  'Work ZipCode',
  'Work Country',
  'Job Title',
  'Department',
  'Organization',
  'Web Page 1',
  'Web Page 2',
  'Birth Year',
  'Birth Month',
  'Birth Day',
  'Custom 1',
  'Custom 2',
  'Custom 3',
  'Custom 4',
  'Notes',
];
