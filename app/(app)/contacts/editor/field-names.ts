/** How the editor names each field (labels, legends, error summary). Safe in the browser. */
export const NAME_LABELS = {
  prefix: 'Title (e.g. Dr)',
  given: 'Given name',
  middle: 'Middle name',
  family: 'Family name',
  suffix: 'Suffix (e.g. Jr)',
} as const;

export const ADDRESS_LABELS = {
  street: 'Street',
  extended: 'Flat, suite or building',
  locality: 'Town or city',
  region: 'County, state or region',
  postalCode: 'Postcode',
  country: 'Country',
  poBox: 'PO box',
} as const;

export const ROW_NOUNS = {
  emails: 'Email',
  phones: 'Phone',
  urls: 'Website',
  impps: 'Messaging or social',
  addresses: 'Address',
  dates: 'Other date',
  related: 'Related person',
} as const;

const SINGLE: Record<string, string> = {
  formattedName: 'Display name',
  nickname: 'Nickname',
  organization: 'Company or organisation',
  department: 'Department',
  jobTitle: 'Job title',
  birthday: 'Birthday',
  anniversary: 'Anniversary',
  note: 'Note',
  photo: 'Photo',
  newLabel: 'New label',
  form: 'Contact',
  '': 'Contact',
};

/** "phones.2.value" → "Phone 3"; "addresses.0.street" → "Address 1, Street". */
export function pathLabel(path: string): string {
  if (path in SINGLE) return SINGLE[path]!;
  const [head, second, third] = path.split('.');
  if (head === 'name' && second && second in NAME_LABELS) {
    return NAME_LABELS[second as keyof typeof NAME_LABELS];
  }
  if (head === 'labels') return 'Label';
  if (head && head in ROW_NOUNS && second !== undefined) {
    const noun = `${ROW_NOUNS[head as keyof typeof ROW_NOUNS]} ${Number(second) + 1}`;
    if (third && third in ADDRESS_LABELS) {
      return `${noun}, ${ADDRESS_LABELS[third as keyof typeof ADDRESS_LABELS]}`;
    }
    return third === 'label' ? `${noun}, label` : noun;
  }
  return path;
}

/** The label choices per kind: phones have more kinds than emails. */
export const LABEL_CHOICES: Record<string, readonly string[]> = {
  phones: ['mobile', 'home', 'work', 'main', 'fax', 'pager', 'other'],
  emails: ['home', 'work', 'other'],
  urls: ['home', 'work', 'other'],
  impps: ['home', 'work', 'other'],
  addresses: ['home', 'work', 'other'],
};

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
