import { describe, expect, it } from 'vitest';
import { readCard, readVCardFile } from './read';
import { restLines, vcf } from './test-files';
import { writeCard } from './write';

const PHOTO_B64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U';

describe('Android 2.1 (AOSP vCard library)', () => {
  const file = vcf([
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=98stergaard;=C5=81ukasz;;;',
    'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=81ukasz =C3=98stergaard',
    'X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/nickname;=C5=81uki;1;;;;;;;;;;;;;',
    'TEL;CELL:+48 600 100 200',
    'TEL;HOME;VOICE:+48 22 100 20 30',
    'TEL;WORK;FAX:+48 22 100 20 31',
    'EMAIL;HOME:lukasz@example.pl',
    'ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;ul. Warsz=C3=B3wka 3;Krak=C3=B3w;;30-001;Polska',
    'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Pierwsza linia=0D=0ADruga: =C5=BC=C3=B3=C5=82=',
    'w, =C4=87ma i ko=C5=84 =E2=80=94 bardzo d=C5=82uga notatka kt=C3=B3ra si=C4=99 =',
    '=C5=82amie',
    'BDAY:1985-04-12',
    `PHOTO;ENCODING=BASE64;JPEG:${PHOTO_B64.slice(0, 40)}`,
    ` ${PHOTO_B64.slice(40)}`,
    '',
    'END:VCARD',
  ]);
  const [card] = readVCardFile(file, 10).cards;

  it('decodes quoted-printable with soft breaks in each property’s CHARSET', () => {
    expect(card!.version).toBe('2.1');
    expect(card!.problems).toEqual([]);
    expect(card!.model).toMatchObject({
      formattedName: 'Łukasz Østergaard',
      name: { family: 'Østergaard', given: 'Łukasz' },
      phones: [
        { value: '+48 600 100 200', label: 'mobile' },
        { value: '+48 22 100 20 30', label: 'home' },
        { value: '+48 22 100 20 31', label: 'fax' },
      ],
      emails: [{ value: 'lukasz@example.pl', label: 'home' }],
      note: 'Pierwsza linia\nDruga: żółw, ćma i koń — bardzo długa notatka która się łamie',
      birthday: '1985-04-12',
    });
    expect(card!.model.addresses[0]).toMatchObject({
      street: 'ul. Warszówka 3',
      locality: 'Kraków',
    });
    expect(card!.photo).toMatchObject({ kind: 'data', mime: 'image/jpeg' });
    expect(Buffer.from((card!.photo as { bytes: Uint8Array }).bytes).toString('base64')).toBe(
      PHOTO_B64,
    );
    expect(card!.source).toBeNull();
  });

  it('maps X-ANDROID-CUSTOM nicknames and writes the card back as it read it', () => {
    expect(card!.model.nickname).toBe('Łuki');
    expect(restLines(card!.rest.properties)).toEqual([]);
    const back = readCard(writeCard(card!.model, card!.rest, card!.photo, '4.0'));
    expect(back.model).toEqual(card!.model);
    expect(restLines(back.rest.properties)).toEqual(restLines(card!.rest.properties));
  });
});

describe('Outlook 2.1 in Windows-1252', () => {
  const text = [
    'BEGIN:VCARD',
    'VERSION:2.1',
    'N;LANGUAGE=de;CHARSET=Windows-1252:Müller;Jürgen',
    'FN;CHARSET=Windows-1252:Jürgen Müller',
    'ORG;CHARSET=Windows-1252:Bäckerei Müller;Verkauf',
    'TEL;WORK;VOICE:+49 221 12345',
    'TEL;CELL;VOICE:+49 170 1234567',
    'TEL;WORK;FAX:+49 221 12346',
    'ADR;WORK;PREF;CHARSET=Windows-1252:;;Hauptstraße 1;Köln;;50667;Deutschland',
    'LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Hauptstra=DFe 1=0D=0AK=F6ln',
    'URL;WORK:http://www.baeckerei.example',
    'EMAIL;PREF;INTERNET:juergen@baeckerei.example',
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Preis: 5 =80=0D=0Azweite Zeile',
    'X-MS-ANNIVERSARY:20100515',
    'X-MS-SPOUSE;CHARSET=Windows-1252:Käthe',
    'REV:20261201T101010Z',
    'END:VCARD',
  ];
  const [card] = readVCardFile(vcf(text, '\r\n', 'latin1'), 10).cards;

  it('decodes raw 8-bit and quoted-printable values in Windows-1252', () => {
    expect(card!.problems).toEqual([]);
    expect(card!.model).toMatchObject({
      formattedName: 'Jürgen Müller',
      name: { family: 'Müller', given: 'Jürgen' },
      organization: 'Bäckerei Müller',
      department: 'Verkauf',
      emails: [{ value: 'juergen@baeckerei.example', pref: true, label: '' }],
      urls: [{ value: 'http://www.baeckerei.example', label: 'work' }],
      note: 'Preis: 5 €\nzweite Zeile',
      anniversary: '2010-05-15',
      related: [{ value: 'Käthe', label: 'spouse' }],
    });
    expect(card!.model.addresses[0]).toMatchObject({
      street: 'Hauptstraße 1',
      label: 'work',
      pref: true,
    });
    expect(restLines(card!.rest.properties)).toEqual([
      '@N;LANGUAGE=de:Müller\u0001Jürgen\u0001\u0001\u0001',
      'LABEL;TYPE=WORK,PREF:Hauptstraße 1\\nKöln',
    ]);
  });

  it('writes the converted card in UTF-8 with the language parameter back on N', () => {
    const out = writeCard(card!.model, card!.rest, null, '4.0');
    expect(out).toContain('N;LANGUAGE=de:Müller;Jürgen;;;\r\n');
    expect(out).toContain('LABEL;TYPE=WORK,PREF:Hauptstraße 1\\nKöln\r\n');
  });
});

describe('BlackBerry 2.1 and old Thunderbird 2.1', () => {
  it('reads short N, bare types and PAGER', () => {
    const [card] = readVCardFile(
      vcf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'N:Smith;John',
        'FN:John Smith',
        'TEL;WORK:+1 519 555 0100',
        'TEL;PAGER:+1 519 555 0102',
        'EMAIL;INTERNET:john@bb.example',
        'NOTE:PIN: 2100000A',
        'END:VCARD',
      ]),
      10,
    ).cards;
    expect(card!.model).toMatchObject({
      name: { family: 'Smith', given: 'John', middle: '' },
      phones: [
        { value: '+1 519 555 0100', label: 'work' },
        { value: '+1 519 555 0102', label: 'pager' },
      ],
      emails: [{ value: 'john@bb.example', label: '' }],
      note: 'PIN: 2100000A',
    });
  });

  it('reads lower case, bare quoted-printable, VERSION last and LF ends', () => {
    const [card] = readVCardFile(
      vcf(
        [
          'begin:vcard',
          'fn;quoted-printable:D=C3=BCmmy GmbH',
          'n:GmbH;D=C3=BCmmy',
          'email;internet:info@dummy.example',
          'version:2.1',
          'end:vcard',
        ],
        '\n',
      ),
      10,
    ).cards;
    expect(card!.version).toBe('2.1');
    expect(card!.model.formattedName).toBe('Dümmy GmbH');
    expect(card!.model.name.given).toBe('D=C3=BCmmy');
    expect(card!.model.emails[0]!.value).toBe('info@dummy.example');
  });
});

describe('nested AGENT (2.1)', () => {
  it('keeps the agent card in rest and reads only the outer card', () => {
    const file = vcf([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Boss;Big',
      'AGENT:',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Friday;Girl',
      'TEL;WORK:+1 555 0199',
      'END:VCARD',
      'TEL;WORK:+1 555 0100',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Next',
      'END:VCARD',
    ]);
    const { cards, problems } = readVCardFile(file, 10);
    expect(problems).toEqual([]);
    expect(cards.map((c) => c.model.phones.map((p) => p.value))).toEqual([['+1 555 0100'], []]);
    expect(restLines(cards[0]!.rest.properties)).toEqual([
      'AGENT:BEGIN:VCARD\\nVERSION:2.1\\nN:Friday\\;Girl\\nTEL\\;WORK:+1 555 0199\\nEND:VCARD',
    ]);
    expect(cards[1]!.model.formattedName).toBe('Next');
  });

  it('reports an AGENT nested deeper than one level and still reads the card', () => {
    const file = vcf(
      ['BEGIN:VCARD', 'VERSION:2.1', 'FN:A', 'AGENT:', 'BEGIN:VCARD', 'FN:B', 'AGENT:'].concat([
        'BEGIN:VCARD',
        'FN:C',
        'END:VCARD',
        'END:VCARD',
        'TEL:1',
        'END:VCARD',
      ]),
    );
    const { cards } = readVCardFile(file, 10);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.model.phones[0]!.value).toBe('1');
    expect(cards[0]!.problems[0]!.reason).toMatch(/line 8: an AGENT card nested deeper/);
  });
});
