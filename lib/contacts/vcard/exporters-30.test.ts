import { describe, expect, it } from 'vitest';
import { readCard, readVCardFile } from './read';
import { restLines, vcf } from './test-files';
import { writeCard } from './write';

/** Hand-written in the shapes the plan's exporter table (§4.1) describes. */
const APPLE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'PRODID:-//Apple Inc.//iPhone OS 16.1.1//EN',
  'N:Appleseed;Johnny;;;',
  'FN:Johnny Appleseed',
  'ORG:Apple Inc.;Engineering',
  'TITLE:Engineer',
  'item1.EMAIL;type=INTERNET;type=pref:johnny@icloud.example',
  'item1.X-ABLabel:_$!<Other>!$_',
  'EMAIL;type=INTERNET;type=WORK:j@apple.example',
  'TEL;type=CELL;type=VOICE;type=pref:+1 408 555 0100',
  'item2.TEL:+1 408 555 0101',
  'item2.X-ABLabel:Parzelle',
  'TEL;type=IPHONE;type=CELL;type=VOICE:+1 408 555 0102',
  'item3.ADR;type=HOME;type=pref:;;1 Infinite Loop;Cupertino;CA;95014;United States',
  'item3.X-ABADR:us',
  'item4.URL;type=pref:http\\://www.example.com/',
  'item4.X-ABLabel:_$!<HomePage>!$_',
  'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12',
  'item5.X-ABDATE;type=pref:2001-06-30',
  'item5.X-ABLabel:_$!<Anniversary>!$_',
  'item6.X-ABDATE:1604-09-04',
  'item6.X-ABLabel:_$!<Other>!$_',
  'item7.X-ABRELATEDNAMES;type=pref:Jane Appleseed',
  'item7.X-ABLabel:_$!<Spouse>!$_',
  'item8.X-ABRELATEDNAMES:Bob',
  'item8.X-ABLabel:Trainer',
  'X-SOCIALPROFILE;type=twitter;x-user=johnny:http://twitter.com/johnny',
  'IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:johnny.a',
  'X-AIM;type=HOME:johnnyaim',
  'item9.X-ABLabel:orphan label',
  'X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE\\:ABPerson',
  'PHOTO;X-ABCROP-RECTANGLE=ABClipRect_1&0&0&512&512&8nUVE4v==;ENCODING=b;TYPE=JPEG:/9j/4AAQ',
  ' SkZJRg==',
  'X-IMAGETYPE:PHOTO',
  'END:VCARD',
];

describe('iOS / macOS 3.0', () => {
  const { cards, problems } = readVCardFile(vcf(APPLE), 10);
  const card = cards[0]!;
  it('reads groups, built-in and custom X-ABLabel, repeated lower-case type=, year 1604', () => {
    expect(problems).toEqual([]);
    expect(card.version).toBe('3.0');
    expect(card.model).toMatchObject({
      formattedName: 'Johnny Appleseed',
      organization: 'Apple Inc.',
      department: 'Engineering',
      emails: [
        { value: 'johnny@icloud.example', label: 'other', pref: true },
        { value: 'j@apple.example', label: 'work', pref: false },
      ],
      phones: [
        { value: '+1 408 555 0100', label: 'mobile', pref: true },
        { value: '+1 408 555 0101', label: 'Parzelle', pref: false },
        { value: '+1 408 555 0102', label: 'mobile', pref: false },
      ],
      urls: [{ value: 'http://www.example.com/', label: 'homepage', pref: true }],
      birthday: '--04-12',
      anniversary: '2001-06-30',
      dates: [{ value: '--09-04', label: 'other' }],
      related: [
        { value: 'Jane Appleseed', label: 'spouse' },
        { value: 'Bob', label: 'Trainer' },
      ],
      impps: [
        { value: 'http://twitter.com/johnny', label: 'twitter', pref: false },
        { value: 'skype:johnny.a', label: 'home', pref: true },
        { value: 'aim:johnnyaim', label: 'home', pref: false },
      ],
    });
    expect(card.model.addresses[0]).toMatchObject({
      label: 'home',
      pref: true,
      locality: 'Cupertino',
    });
    expect(card.photo).toMatchObject({ kind: 'data', mime: 'image/jpeg' });
    expect(Buffer.from((card.photo as { bytes: Uint8Array }).bytes).toString('base64')).toBe(
      '/9j/4AAQSkZJRg==',
    );
  });

  it('keeps what the model does not hold, unmapped labels and unknown parameters included', () => {
    expect(restLines(card.rest.properties)).toEqual([
      'item3.X-ABADR:us',
      '@IMPP;X-USER=johnny:http://twitter.com/johnny',
      '@IMPP;X-SERVICE-TYPE=Skype:skype:johnny.a',
      'X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE\\:ABPerson',
      'X-IMAGETYPE:PHOTO',
      'item9.X-ABLabel:orphan label',
    ]);
    const out = writeCard(card.model, card.rest, card.photo, '3.0');
    expect(out).toContain('IMPP;TYPE=home,pref;X-SERVICE-TYPE=Skype:skype:johnny.a\r\n');
    expect(out).toContain('item9.X-ABLabel:orphan label\r\n');
    // The writer's own groups do not reuse item3 or item9, which the rest holds.
    expect(out).not.toMatch(/^item(3|9)\.(?!X-ABADR|X-ABLabel:orphan)/m);
    expect(card.source).toContain('item9.X-ABLabel:orphan label\r\n');
  });

  it('writes the same text again after reading its own output, in 3.0 and 4.0', () => {
    for (const v of ['3.0', '4.0'] as const) {
      const once = writeCard(card.model, card.rest, card.photo, v);
      const again = readCard(once);
      expect(again.model).toEqual(card.model);
      expect(writeCard(again.model, again.rest, again.photo, v)).toBe(once);
    }
  });
});

describe('Google 3.0', () => {
  const file = vcf([
    'BEGIN:VCARD',
    'VERSION:3.0',
    'FN:Anna Kowalska',
    'N:Kowalska;Anna;;;',
    'EMAIL;TYPE=INTERNET;TYPE=HOME:anna@gmail.example',
    'TEL;TYPE=CELL:+48 501 000 000',
    'item1.ADR:;;;;;;',
    'item1.X-ABLabel:',
    'item2.X-ABDATE:1604-09-04',
    'item2.X-ABLabel:my date',
    'item3.URL:http\\://www.ivanov-labs.com/',
    'item3.X-ABLabel:_$!<HomePage>!$_',
    'BDAY:1990-03-14',
    'CATEGORIES:myContacts,Friends',
    'NOTE:first\\nsecond',
    'END:VCARD',
  ]);
  it('reads custom dates, escaped colons, empty groups and categories', () => {
    const [card] = readVCardFile(file, 10).cards;
    expect(card!.model).toMatchObject({
      emails: [{ value: 'anna@gmail.example', label: 'home' }],
      phones: [{ value: '+48 501 000 000', label: 'mobile' }],
      addresses: [],
      dates: [{ value: '--09-04', label: 'my date' }],
      urls: [{ value: 'http://www.ivanov-labs.com/', label: 'homepage' }],
      birthday: '1990-03-14',
      labels: ['myContacts', 'Friends'],
      note: 'first\nsecond',
    });
    expect(card!.rest.properties).toEqual([]);
  });
});

describe('Thunderbird 4.0 (ical.js-written) and Lotus Notes 3.0', () => {
  it('reads VALUE= spellings, PREF=1 and commas ical.js escaped inside a URL', () => {
    const [card] = readVCardFile(
      vcf(
        [
          'BEGIN:VCARD',
          'VERSION:4.0',
          'EMAIL;PREF=1:t@example.org',
          'EMAIL;TYPE=work:t.work@example.org',
          'FN:Tomasz Nowak',
          'N:Nowak;Tomasz;;;',
          'NOTE:Notatka\\, z przecinkiem',
          'ORG:Firma;Dział',
          'TEL;TYPE=work;VALUE=TEXT:+48 12 345',
          'TEL;VALUE=uri;TYPE=cell:tel:+48-600',
          'URL;VALUE=URL:https://example.org/a\\,b',
          'BDAY;VALUE=DATE:19800102',
          'ANNIVERSARY;VALUE=DATE:20050607T120000Z',
          'ADR;TYPE=home:;;Długa 1;Gdańsk;;80-001;PL',
          'UID:0c2bd5a4-2c8e-4f3a-9a77-4a7c2a1b9e11',
          'X-MOZILLA-HTML:FALSE',
          'END:VCARD',
        ],
        '\n',
      ),
      10,
    ).cards;
    expect(card!.model).toMatchObject({
      uid: '0c2bd5a4-2c8e-4f3a-9a77-4a7c2a1b9e11',
      emails: [
        { value: 't@example.org', label: '', pref: true },
        { value: 't.work@example.org', label: 'work', pref: false },
      ],
      phones: [
        { value: '+48 12 345', label: 'work' },
        { value: '+48-600', label: 'mobile' },
      ],
      urls: [{ value: 'https://example.org/a,b' }],
      note: 'Notatka, z przecinkiem',
      department: 'Dział',
      birthday: '1980-01-02',
      anniversary: '2005-06-07',
    });
    expect(restLines(card!.rest.properties)).toEqual(['X-MOZILLA-HTML:FALSE']);
    expect(card!.source).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n.*END:VCARD\r\n$/s);
  });

  it('reads comma and quoted TYPE lists', () => {
    const [card] = readVCardFile(
      vcf([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'PRODID:-//Lotus Development Corporation//NONSGML Notes//EN',
        'FN:Maria Rossi',
        'N:Rossi;Maria;;Dott.;',
        'EMAIL;TYPE=INTERNET,WORK:maria.rossi@example.it',
        'TEL;TYPE=WORK,VOICE:+39 02 1234567',
        'TEL;TYPE="HOME,VOICE":+39 02 7654321',
        'ADR;TYPE=WORK,POSTAL:;;Via Roma 1;Milano;MI;20100;Italia',
        'END:VCARD',
      ]),
      10,
    ).cards;
    expect(card!.model.name.prefix).toBe('Dott.');
    expect(card!.model.emails).toEqual([
      { value: 'maria.rossi@example.it', label: 'work', pref: false },
    ]);
    expect(card!.model.phones.map((p) => p.label)).toEqual(['work', 'home']);
    expect(card!.model.addresses[0]).toMatchObject({ label: 'work', region: 'MI' });
  });
});
