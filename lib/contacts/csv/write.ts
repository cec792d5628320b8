import { guardFormula } from './formula-guard';
import type { ContactModel, PostalAddress } from '../model';
import { IM_SERVICE_NAMES, labelForFile } from './labels';

/**
 * Google Contacts' current CSV layout, which Google imports and our reader reads back. Numbered
 * groups ("Phone 3 - Value") get as many numbers as the widest contact needs, so the header
 * depends on every row: count first (`googleCsvLayout`), then write header and rows.
 */
const FIXED = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Phonetic First Name',
  'Phonetic Middle Name',
  'Phonetic Last Name',
  'Name Prefix',
  'Name Suffix',
  'Nickname',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Photo',
  'Labels',
];
const GROUPS = {
  'E-mail': ['Label', 'Value'],
  Phone: ['Label', 'Value'],
  Address: [
    'Label',
    'Formatted',
    'Street',
    'City',
    'PO Box',
    'Region',
    'Postal Code',
    'Country',
    'Extended Address',
  ],
  Relation: ['Label', 'Value'],
  Website: ['Label', 'Value'],
  Event: ['Label', 'Value'],
  IM: ['Label', 'Service', 'Value'],
  'Custom Field': ['Label', 'Value'],
} as const;
type Group = keyof typeof GROUPS;
export type GoogleCsvLayout = Record<Group, number>;

/** The entries of each numbered group for one contact, each entry its parts in header order. */
function groupsOf(m: ContactModel): Record<Group, string[][]> {
  const events = m.anniversary ? [['Anniversary', m.anniversary]] : [];
  return {
    'E-mail': m.emails.map((e) => [label(e.label, e.pref), e.value]),
    Phone: m.phones.map((p) => [label(p.label, p.pref), p.value]),
    Address: m.addresses.map(addressParts),
    Relation: m.related.map((r) => [labelForFile(r.label), r.value]),
    Website: m.urls.map((u) => [label(u.label, u.pref), u.value]),
    Event: [...events, ...m.dates.map((d) => [labelForFile(d.label), d.value])],
    IM: m.impps.map((i) => [label(i.label, i.pref), ...imParts(i.value)]),
    // Google has no place for the card's UID; a custom field keeps it, so a re-import updates.
    'Custom Field': m.uid ? [['UID', m.uid]] : [],
  };
}

/** Google marks the primary entry of a kind with "* " before its label. */
const label = (l: string, pref: boolean) =>
  pref ? `* ${labelForFile(l)}`.trim() : labelForFile(l);

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function imParts(value: string): [string, string] {
  const m = /^([a-z][a-z0-9+.-]*):(.*)$/s.exec(value);
  const service = m ? IM_SERVICE_NAMES[m[1]!] : undefined;
  // The reader adds the service's scheme only to a value that has none of its own.
  return service && m && !SCHEME.test(m[2]!) && m[2]!.trim() ? [service, m[2]!] : ['', value];
}

function addressParts(a: PostalAddress): string[] {
  const cityLine = [a.locality, a.region, a.postalCode].filter(Boolean).join(' ');
  const formatted = [a.street, a.extended, a.poBox, cityLine, a.country].filter(Boolean).join('\n');
  return [
    label(a.label, a.pref),
    formatted,
    a.street,
    a.locality,
    a.poBox,
    a.region,
    a.postalCode,
    a.country,
    a.extended,
  ];
}

/** How many of each numbered group the header needs for these contacts. */
export function googleCsvLayout(models: Iterable<{ model: ContactModel }>): GoogleCsvLayout {
  const layout = Object.fromEntries(Object.keys(GROUPS).map((g) => [g, 0])) as GoogleCsvLayout;
  for (const { model } of models) {
    for (const [group, entries] of Object.entries(groupsOf(model)) as [Group, string[][]][]) {
      layout[group] = Math.max(layout[group], entries.length);
    }
  }
  return layout;
}

export function googleCsvHeader(layout: GoogleCsvLayout): string {
  const headers = [...FIXED];
  for (const [group, parts] of Object.entries(GROUPS) as [Group, readonly string[]][]) {
    for (let n = 1; n <= layout[group]; n++)
      headers.push(...parts.map((p) => `${group} ${n} - ${p}`));
  }
  return line(headers);
}

export function googleCsvRow(m: ContactModel, layout: GoogleCsvLayout): string {
  const labels = ['* myContacts', ...(m.favourite ? ['* starred'] : []), ...m.labels];
  const cells = [
    m.name.given,
    m.name.middle,
    m.name.family,
    '',
    '',
    '',
    m.name.prefix,
    m.name.suffix,
    m.nickname,
    m.formattedName,
    m.organization,
    m.jobTitle,
    m.department,
    m.birthday,
    m.note,
    '',
    labels.join(' ::: '),
  ];
  const groups = groupsOf(m);
  for (const [group, parts] of Object.entries(GROUPS) as [Group, readonly string[]][]) {
    for (let n = 0; n < layout[group]; n++) {
      const entry = groups[group][n];
      cells.push(...parts.map((_, i) => entry?.[i] ?? ''));
    }
  }
  // A row with the UID marker is read back by isOwnExportRow, which undoes the guard exactly.
  return line(cells, Boolean(m.uid));
}

/** The whole file: header and one row per contact, CRLF line ends (RFC 4180). */
export function writeGoogleCsv(models: Iterable<{ model: ContactModel }>): string {
  const list = [...models];
  const layout = googleCsvLayout(list);
  return [googleCsvHeader(layout), ...list.map(({ model }) => googleCsvRow(model, layout))].join(
    '',
  );
}

function cell(value: string, reversible: boolean): string {
  const v = guardFormula(value, reversible);
  return /[",\r\n\t]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const line = (cells: string[], reversible = false) =>
  `${cells.map((c) => cell(c, reversible)).join(',')}\r\n`;
