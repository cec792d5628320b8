import { describe, expect, it } from 'vitest';
import { readCard, readVCardFile } from './read';
import { restLines, vcf } from './test-files';
import { writeCard } from './write';

describe('Evolution 3.0', () => {
  const [card] = readVCardFile(
    vcf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'URL:',
      'TITLE:',
      'ROLE:',
      'X-EVOLUTION-MANAGER:Boss Person',
      'X-EVOLUTION-ASSISTANT:Helper Person',
      'NICKNAME:',
      'X-EVOLUTION-SPOUSE:Partner Person',
      'NOTE:',
      'FN:Ewa Zielińska',
      'N:Zielińska;Ewa;;;',
      'X-EVOLUTION-FILE-AS:Zielińska\\, Ewa',
      'CATEGORIES:Business,Hot Contacts',
      'X-EVOLUTION-BLOG-URL:https://blog.example',
      'CALURI:',
      'X-MOZILLA-HTML:FALSE',
      'ADR;TYPE=WORK:;;ul. Polna 5;Poznań;;60-001;Polska',
      'LABEL;TYPE=WORK:ul. Polna 5\\nPoznań\\n60-001\\nPolska',
      'TEL;TYPE=WORK;TYPE=VOICE:+48 61 000 00 00',
      'EMAIL;TYPE=WORK;X-EVOLUTION-UI-SLOT=1:ewa@firma.example',
      'X-EVOLUTION-ANNIVERSARY:2015-05-05',
      'BDAY:1975-07-08',
      'UID:pas-id-5A1B2C3D00000001',
      'REV:2026-11-30T12:00:00Z',
      'END:VCARD',
    ]),
    1,
  ).cards;

  it('reads X-EVOLUTION-* people and dates, skips empty properties, keeps the rest', () => {
    expect(card!.model).toMatchObject({
      formattedName: 'Ewa Zielińska',
      jobTitle: '',
      nickname: '',
      note: '',
      urls: [],
      related: [
        { value: 'Boss Person', label: 'manager' },
        { value: 'Helper Person', label: 'assistant' },
        { value: 'Partner Person', label: 'spouse' },
      ],
      labels: ['Business', 'Hot Contacts'],
      anniversary: '2015-05-05',
      birthday: '1975-07-08',
      uid: 'pas-id-5A1B2C3D00000001',
      emails: [{ value: 'ewa@firma.example', label: 'work', pref: false }],
    });
    expect(restLines(card!.rest.properties)).toEqual([
      'ROLE:',
      'X-EVOLUTION-FILE-AS:Zielińska\\, Ewa',
      'X-EVOLUTION-BLOG-URL:https://blog.example',
      'CALURI:',
      'X-MOZILLA-HTML:FALSE',
      'LABEL;TYPE=WORK:ul. Polna 5\\nPoznań\\n60-001\\nPolska',
      '@EMAIL;X-EVOLUTION-UI-SLOT=1:ewa@firma.example',
    ]);
    expect(writeCard(card!.model, card!.rest, null, '3.0')).toContain(
      'EMAIL;TYPE=work;X-EVOLUTION-UI-SLOT=1:ewa@firma.example\r\n',
    );
  });
});

describe('Android X-ANDROID-CUSTOM relations and events', () => {
  it('maps them to related people and dates', () => {
    const c = readCard(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:A',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Ola;14;;;;;;;;;;;;;',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Kuba;0;Coach;;;;;;;;;;;;',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2010-06-01;1;;;;;;;;;;;;;',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;--12-24;0;Name day;;;;;;;;;;;;',
        'X-ANDROID-CUSTOM:vnd.android.cursor.item/website;x;;;;;;;;;;;;;;',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(c.model).toMatchObject({
      related: [
        { value: 'Ola', label: 'spouse' },
        { value: 'Kuba', label: 'Coach' },
      ],
      anniversary: '2010-06-01',
      dates: [{ value: '--12-24', label: 'Name day' }],
    });
    expect(restLines(c.rest.properties)).toEqual([
      'X-ANDROID-CUSTOM:vnd.android.cursor.item/website;x;;;;;;;;;;;;;;',
    ]);
  });
});

describe('other shapes', () => {
  it('reads upper-cased groups (Nextcloud) and keeps a KIND:group card’s members', () => {
    const c = readCard(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:group',
        'FN:Family',
        'MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
        'ITEM1.EMAIL:f@x.example',
        'ITEM1.X-ABLABEL:Family list',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(c.model.emails).toEqual([{ value: 'f@x.example', label: 'Family list', pref: false }]);
    expect(restLines(c.rest.properties)).toEqual([
      'KIND:group',
      'MEMBER:urn:uuid:03a0e51f-d1aa-4385-8a53-e29025acd8af',
    ]);
  });

  it('reads 2.1 base64 lines written without indentation, ended by a blank line', () => {
    const [card] = readVCardFile(
      vcf([
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:P',
        'PHOTO;ENCODING=BASE64;TYPE=PNG:iVBORw0K',
        'GgoAAAAN',
        '',
        'TEL:1',
        'END:VCARD',
      ]),
      1,
    ).cards;
    expect(card!.photo).toMatchObject({ kind: 'data', mime: 'image/png' });
    expect(Buffer.from((card!.photo as { bytes: Uint8Array }).bytes).toString('base64')).toBe(
      'iVBORw0KGgoAAAAN',
    );
    expect(card!.model.phones[0]!.value).toBe('1');
  });
});

describe('unknown parameters on mapped properties', () => {
  it('come back in UTF-8 on the property with the same value', () => {
    const c = readCard(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'FN;LANGUAGE=pl:Łukasz',
        'TEL;TYPE=cell;X-NOTE="dzień, noc":+48 1',
        'item1.X-ABDATE:2000-01-01',
        'item1.X-ABLabel:_$!<Anniversary>!$_',
        'item2.X-ABDATE:2001-01-01',
        'item2.X-ABLabel:_$!<Anniversary>!$_',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(c.model.anniversary).toBe('2000-01-01');
    expect(c.model.dates).toEqual([{ value: '2001-01-01', label: 'anniversary' }]);
    const out = writeCard(c.model, c.rest, null, '4.0');
    expect(out).toContain('FN;LANGUAGE=pl:Łukasz\r\n');
    expect(out).toContain('TEL;TYPE=cell;X-NOTE="dzień, noc":+48 1\r\n');
    expect(out).not.toContain('_$!<Anniversary>!$_'); // 4.0 writes ANNIVERSARY; the label is not orphaned
    const edited = { ...c.model, phones: [{ value: '+48 2', label: 'mobile', pref: false }] };
    expect(writeCard(edited, c.rest, null, '4.0')).toContain('TEL;TYPE=cell:+48 2\r\n');
  });
});
