import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile, sniffDelimiter } from './read';

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const read = (name: string) => {
  const file = readCsvFile(fixture(name), 100);
  expect(file.problems).toEqual([]);
  expect(file.tooMany).toBe(false);
  return file.records;
};

describe('Google, current layout', () => {
  const [lukasz, acme, emailOnly] = read('google.csv');

  it('reads names, numbered groups, several values in one cell and the primary mark', () => {
    expect(lukasz!.where).toBe('Line 2');
    expect(lukasz!.model).toMatchObject({
      name: { prefix: 'Dr.', given: 'Łukasz', family: 'Østergaard' },
      nickname: 'Luk',
      birthday: '--03-14',
      anniversary: '2001-09-08',
      dates: [{ value: '1999-01-02', label: 'First met' }],
      related: [{ value: 'Anna', label: 'spouse' }],
      urls: [{ value: 'www.example.com/blog', label: 'Blog', pref: false }],
      impps: [{ value: 'skype:lukasz.o', label: 'home', pref: false }],
    });
    expect(lukasz!.model.emails).toEqual([
      { value: 'lukasz@example.com', label: 'work', pref: true },
      { value: 'a@example.edu', label: 'home', pref: false },
      { value: 'b@example.org', label: 'home', pref: false },
    ]);
    expect(lukasz!.model.phones.map((p) => [p.value, p.label])).toEqual([
      ['+48 601 234 567', 'mobile'],
      ['+48 22 123 45 67', 'mobile'],
      ['121', 'work fax'],
    ]);
    expect(lukasz!.model.addresses).toEqual([
      expect.objectContaining({
        label: 'home',
        street: 'ul. Długa 5',
        extended: 'Flat 3',
        locality: 'Warszawa',
        postalCode: '00-238',
        country: 'Poland',
      }),
    ]);
  });

  it('turns system labels into the favourite mark and keeps values as the file says', () => {
    expect(lukasz!.model.labels).toEqual(['Friends']);
    expect(lukasz!.model.favourite).toBe(true);
    expect(lukasz!.model.note).toBe("'quoted on purpose\nsecond line");
  });

  it('keeps every column it does not map as an extra', () => {
    expect(lukasz!.extras).toEqual([
      { name: 'Phonetic First Name', value: 'woo-kash' },
      { name: 'Photo', value: 'https://lh3.googleusercontent.com/contacts/photo123' },
      { name: 'Shoe size', value: '44' },
    ]);
  });

  it('keeps a row far wider than its header in a bounded number of extras', () => {
    const wide = ['Ada', ...Array.from({ length: 5000 }, (_, i) => `v${i + 2}`)];
    const file = readCsvFile(`First Name\r\n${wide.join(',')}\r\n`, 10);
    const { model, extras } = file.records[0]!;
    expect(model.name.given).toBe('Ada');
    expect(extras).toHaveLength(21);
    expect(extras[0]).toEqual({ name: 'Column 2', value: 'v2' });
    expect(extras.at(-1)!.name).toBe('Columns 22 to 5001');
    expect(extras.at(-1)!.value.split('\t')).toEqual(wide.slice(21));
  });

  it('reads a company card, an address given only formatted, an email-only card, with start lines', () => {
    expect(acme!.where).toBe('Line 7'); // the first record spans lines 2 to 6
    expect(acme!.model).toMatchObject({
      organization: 'Acme Ltd',
      department: 'Sales',
      favourite: false,
      labels: [],
    });
    expect(acme!.model.addresses[0]).toMatchObject({ label: 'work', street: '1 High St\nLondon' });
    expect(emailOnly!.where).toBe('Line 9');
    expect(emailOnly!.model.emails).toEqual([
      { value: 'only@example.com', label: '', pref: false },
    ]);
  });
});

it('reads the old Google layout ("Type" for "Label", Group Membership, Organization 1)', () => {
  const [zoe] = read('google-old.csv');
  expect(zoe!.model).toMatchObject({
    formattedName: 'Zoë Müller',
    name: { given: 'Zoë', family: 'Müller' },
    organization: 'Herbarium',
    jobTitle: 'Curator',
    birthday: '1850-02-03',
    labels: ['Friends', 'Hiking'],
    emails: [
      { value: 'zoe@example.de', label: 'home', pref: true },
      { value: 'zm@example.com', label: 'other', pref: false },
    ],
    addresses: [expect.objectContaining({ label: 'home', street: 'Hauptstraße 1\n10115 Berlin' })],
  });
  expect(zoe!.extras.map((e) => e.name)).toEqual([
    'Occupation',
    'Organization 1 - Symbol',
    'Organization 1 - Type',
  ]);
});

describe('Outlook desktop', () => {
  const [john, fabrikam] = read('outlook.csv');

  it('reads every phone column with its label, the primary one preferred', () => {
    expect(john!.model.phones).toHaveLength(19);
    expect(john!.model.phones.filter((p) => p.pref)).toEqual([
      { value: '(213) 555-0115', label: 'main', pref: true },
    ]);
    expect(new Set(john!.model.phones.map((p) => p.label))).toEqual(
      new Set([
        'assistant',
        'work fax',
        'work',
        'callback',
        'car',
        'company',
        'home fax',
        'home',
        'isdn',
        'mobile',
        'fax',
        'other',
        'pager',
        'main',
        'radio',
        'textphone',
        'telex',
      ]),
    );
  });

  it('reads addresses with three street lines, US dates, categories and people', () => {
    expect(john!.model.addresses.map((a) => a.label)).toEqual(['work', 'home', 'other']);
    expect(john!.model.addresses[0]).toMatchObject({
      street: '1 Microsoft Way\nBuilding 4\nFloor 2',
      poBox: 'PO 12',
      country: 'United States of America',
    });
    expect(john!.model.addresses[2]).toMatchObject({ poBox: 'PO 99', locality: 'Seattle' });
    expect(john!.model).toMatchObject({
      birthday: '1985-04-12',
      anniversary: '2010-06-30',
      labels: ['Friend', 'colleague'],
    });
    expect(john!.model.related.map((r) => `${r.label}: ${r.value}`).sort()).toEqual([
      'assistant: Ann',
      'child: Tim',
      'manager: Bill',
      'referred by: Sam',
      'spouse: Mary',
    ]);
    expect(john!.model.emails.map((e) => e.value)).toEqual(['john@contoso.com', 'jq@example.com']);
    expect(john!.model.urls[0]!.value).toBe('http://contoso.com/john');
  });

  it('ignores Outlook defaults ("0/0/00", Normal, SMTP) but keeps other unmapped values', () => {
    expect(fabrikam!.model).toMatchObject({
      organization: 'Fabrikam',
      birthday: '',
      anniversary: '',
    });
    expect(fabrikam!.extras).toEqual([]);
    expect(john!.extras.map((e) => e.name)).toEqual([
      'E-mail Display Name',
      'E-mail 2 Display Name',
      'Hobby',
      'Initials',
      'User 1',
    ]);
  });
});

it('reads Outlook.com (BOM, Personal Web Page, IMAddress) and leaves a formula as the file says', () => {
  const [amelie] = read('outlook-com.csv');
  expect(amelie!.model).toMatchObject({
    name: { given: 'Amélie', family: 'Poulain' },
    impps: [{ value: 'sip:amelie@example.fr', label: '', pref: false }],
    urls: [{ value: 'https://amelie.example.fr', label: 'home', pref: false }],
    addresses: [expect.objectContaining({ label: 'home', locality: 'Paris', country: 'France' })],
    note: '=HYPERLINK("http://evil")',
  });
  expect(amelie!.extras).toEqual([{ name: 'Schools', value: 'Lycée Montmartre' }]);
});

describe.each(['thunderbird.csv', 'thunderbird-semicolon.csv'])('Thunderbird (%s)', (name) => {
  const [thorunn, onlyDisplay] = read(name);

  it('reads its columns, the birthday in three parts, and Custom 1 as an extra', () => {
    expect(thorunn!.model).toMatchObject({
      formattedName: 'Jónsdóttir, Þórunn',
      organization: 'Orka hf.',
      birthday: '1990-07-05',
      note: 'Line one\nLine two; with semicolon, and comma',
      impps: [{ value: 'tota99', label: '', pref: false }],
      urls: [
        { value: 'https://orka.example.is', label: 'work', pref: false },
        { value: 'tota.example.is', label: 'home', pref: false },
      ],
    });
    expect(thorunn!.model.emails[0]).toEqual({
      value: 'thorunn@example.is',
      label: '',
      pref: true,
    });
    expect(thorunn!.model.phones.map((p) => p.label)).toEqual([
      'work',
      'home',
      'fax',
      'pager',
      'mobile',
    ]);
    expect(thorunn!.model.addresses[0]).toMatchObject({
      label: 'home',
      street: 'Laugavegur 1\n2. hæð',
      postalCode: '101',
    });
    expect(thorunn!.extras).toEqual([{ name: 'Custom 1', value: 'Vegetarian' }]);
  });

  it('reads a birthday without a year', () => {
    expect(onlyDisplay!.model.birthday).toBe('--12-24');
    expect(onlyDisplay!.where).toBe('Line 4');
  });
});

describe('reading any file', () => {
  it('sniffs the delimiter from the header line', () => {
    expect(sniffDelimiter('a,b,c\n1;2;3;4')).toBe(',');
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc;d')).toBe('\t');
  });

  it('matches headers ignoring case and spaces; short and long rows are read', () => {
    const { records } = readCsvFile(
      'FIRST NAME,lastname,E-MAIL 1 - value\nAda,Lovelace\nAlan,Turing,alan@example.com,extra\n',
      10,
    );
    expect(records.map((r) => r.model.name.family)).toEqual(['Lovelace', 'Turing']);
    expect(records[1]!.model.emails[0]!.value).toBe('alan@example.com');
    expect(records[1]!.extras).toEqual([{ name: 'Column 4', value: 'extra' }]);
  });

  it("reads this app's own earlier export and a tab-separated file", () => {
    const own =
      '\ufeffFirst name,Last name,Birthday,Email,Website,Work phone,Home phone,Mobile phone,Notes\r\nAda,Lovelace,--12-10,ada@example.com,https://ada.example/,+44 20 7946 0958,,+44 7700 900123,"\'=not a formula"\r\n';
    expect(readCsvFile(own, 10).records[0]!.model).toMatchObject({
      name: { given: 'Ada', family: 'Lovelace' },
      birthday: '--12-10',
      emails: [{ value: 'ada@example.com' }],
      urls: [{ value: 'https://ada.example/' }],
      phones: [
        { value: '+44 20 7946 0958', label: 'work' },
        { value: '+44 7700 900123', label: 'mobile' },
      ],
      note: "'=not a formula",
    });
    const tab = readCsvFile('First Name\tLast Name\tNotes\nAda\tLovelace\ta, b; c\n', 10);
    expect(tab.records[0]!.model).toMatchObject({
      name: { given: 'Ada', family: 'Lovelace' },
      note: 'a, b; c',
    });
  });

  it('reports a quote never closed, keeps that line read without quotes, and goes on', () => {
    const file = readCsvFile(
      'First Name,Notes\r\nAda,"fine\r\nnote"\r\nBob,"broken, note\r\nCy,ok\r\n',
      10,
    );
    expect(file.problems).toEqual([
      { where: 'Line 4', reason: expect.stringContaining('never closed') },
    ]);
    expect(file.records.map((r) => [r.where, r.model.name.given, r.model.note])).toEqual([
      ['Line 2', 'Ada', 'fine\r\nnote'],
      ['Line 4', 'Bob', '"broken'],
      ['Line 5', 'Cy', 'ok'],
    ]);
    expect(file.records[1]!.extras).toEqual([{ name: 'Column 3', value: ' note' }]);
  });

  it('keeps a stray quote inside a value', () => {
    const { records, problems } = readCsvFile('First Name,Notes\nAda,5" screen\n', 10);
    expect(problems).toEqual([]);
    expect(records[0]!.model.note).toBe('5" screen');
  });

  it('stops at the record cap and says so', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `P${i}`).join('\n');
    const file = readCsvFile(`First Name\n${rows}\n`, 3);
    expect(file.records).toHaveLength(3);
    expect(file.tooMany).toBe(true);
    expect(readCsvFile(`First Name\n${rows}\n`, 5).tooMany).toBe(false);
  });

  it('reports a value over the size cap and reads the rest', () => {
    const huge = 'x'.repeat(300_000);
    const file = readCsvFile(`First Name,Notes\nAda,${huge}\nBob,ok\n`, 10);
    expect(file.problems).toEqual([
      { where: 'Line 2', reason: expect.stringContaining('not read') },
    ]);
    expect(file.records.map((r) => r.model.name.given)).toEqual(['Bob']);
  });

  it('reads a Thunderbird export in another language by position, and says so', () => {
    const german = ['Vorname', 'Nachname', 'Anzeigename', 'Spitzname', 'Primäre E-Mail-Adresse'];
    const header = [...german, ...Array.from({ length: 32 }, (_, i) => `Spalte ${i + 6}`)];
    const row = [
      'Jürgen',
      'Groß',
      'Jürgen Groß',
      '',
      'j@example.de',
      ...Array(31).fill(''),
      'Notiz',
    ];
    const file = readCsvFile(`${header.join(',')}\n${row.join(',')}\n`, 10);
    expect(file.problems).toEqual([
      { where: 'Line 1', reason: expect.stringContaining('by position') },
    ]);
    expect(file.records[0]!.model).toMatchObject({
      name: { given: 'Jürgen', family: 'Groß' },
      emails: [{ value: 'j@example.de', pref: true }],
      note: 'Notiz',
    });
  });

  it('gives up after a bounded number of broken lines, keeping what it read', () => {
    const broken = Array.from({ length: 100 }, (_, i) => `P${i},${'x'.repeat(50)}`).join('\n');
    const file = readCsvFile(`First Name,Notes\nAda,ok\n${broken}\n`, 1000, { maxCell: 20 });
    expect(file.problems.length).toBeLessThanOrEqual(21);
    expect(file.problems.at(-1)!.reason).toMatch(/too many broken lines/);
    expect(file.records[0]!.model.name.given).toBe('Ada');
  });

  it('keeps a second column for a field already filled as an extra', () => {
    const file = readCsvFile(
      'Company,Organization Name,Home Street,Home Address\nAcme,Acme Ltd,1 Main St,2 Side St\n',
      10,
    );
    expect(file.records[0]!.model.organization).toBe('Acme');
    expect(file.records[0]!.model.addresses[0]!.street).toBe('1 Main St');
    expect(file.records[0]!.extras).toEqual([
      { name: 'Organization Name', value: 'Acme Ltd' },
      { name: 'Home Address', value: '2 Side St' },
    ]);
  });

  it('names a file without a known header', () => {
    const file = readCsvFile('foo,bar\n1,2\n', 10);
    expect(file.problems[0]!.reason).toMatch(/header/);
    expect(file.records[0]!.extras).toEqual([
      { name: 'foo', value: '1' },
      { name: 'bar', value: '2' },
    ]);
  });

  it('reads an empty file as no records', () => {
    expect(readCsvFile('', 10)).toEqual({ records: [], problems: [], tooMany: false });
  });
});
