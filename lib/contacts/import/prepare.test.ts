import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImport, type PreparedImport } from './prepare';
import { IMPORT_MESSAGES } from './limits';

const utf8 = (s: string) => new TextEncoder().encode(s);
const options = { region: 'GB', today: new Date('2026-12-01T12:00:00Z') };

function ok(result: PreparedImport) {
  if (!result.ok) throw new Error(result.message);
  return result;
}

/** Folds a long base64 line as vCard 3.0 writers do: 75 characters, then CRLF and a space. */
const fold = (line: string) => line.match(/.{1,75}/g)!.join('\r\n ');

async function jpegWithGps() {
  const jpeg = await sharp({
    create: { width: 800, height: 600, channels: 3, background: { r: 10, g: 120, b: 200 } },
  })
    .withExif({
      IFD0: { Make: 'SecretCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    })
    .jpeg()
    .toBuffer();
  return jpeg.toString('base64');
}

describe('prepareImport: vCard', () => {
  it('keeps every contact, flags values kept as typed, re-encodes photos, skips only empty cards', async () => {
    const photo = await jpegWithGps();
    const file = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:urn:uuid:6f1c2b56-52b1-4cbe-9a9e-0c8a3f1d0001\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\nTEL;TYPE=CELL:121\r\nEMAIL;TYPE=INTERNET:jane@example.com\r\nEND:VCARD\r\n',
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\nN:Person;Photo;;;\r\n${fold(`PHOTO;ENCODING=b;TYPE=JPEG:${photo}`)}\r\nEND:VCARD\r\n`,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:bm90IGFuIGltYWdlIGF0IGFsbA==\r\nEND:VCARD\r\n',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:\r\nEND:VCARD\r\n',
    ].join('');
    const result = ok(await prepareImport('contacts.vcf', utf8(file), options));
    expect(result.format).toBe('vcard');
    expect(result.cards.map((c) => c.model.formattedName)).toEqual([
      'Jane Doe',
      'Photo Person',
      'Broken Photo',
    ]);
    expect(result.skipped).toBe(1);
    const [jane, withPhoto, broken] = result.cards;
    expect(jane!.model.uid).toBe('urn:uuid:6f1c2b56-52b1-4cbe-9a9e-0c8a3f1d0001');
    expect(jane!.model.phones[0]!.value).toBe('121');
    expect(jane!.flags).toEqual([expect.objectContaining({ field: 'phones', value: '121' })]);
    expect(result.notes.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Card 1 \(line 1\), Jane Doe: phone '121' kept as typed/),
        expect.stringMatching(
          /^Card 3 \(line \d+\), Broken Photo: photo dropped: The photo could not be read/,
        ),
        expect.stringMatching(/^Card 4 \(line \d+\): skipped: no name/),
      ]),
    );
    const meta = await sharp(withPhoto!.photo!.bytes).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['jpeg', 512, undefined]);
    expect(broken!.photo).toBeNull();
  });

  it('numbers cards and lines from the start of the file across pieces', async () => {
    const card = (i: number) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nTEL:${i === 3000 ? 'not a phone' : '+44 20 7946 0958'}\r\nNOTE:${'x'.repeat(60)}\r\nEND:VCARD\r\n`;
    const file = Array.from({ length: 3000 }, (_, i) => card(i + 1)).join('');
    expect(file.length).toBeGreaterThan(3 * 128 * 1024);
    const result = ok(await prepareImport('a.vcf', utf8(file), options));
    expect(result.cards).toHaveLength(3000);
    expect(result.notes.lines).toEqual([
      expect.stringMatching(
        /^Card 3000 \(line 17995\), Person 3000: phone 'not a phone' kept as typed/,
      ),
    ]);
  });

  it('reads a UTF-16 vCard with a byte-order mark', async () => {
    const text = '\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Łukasz Østergaard\r\nEND:VCARD\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++)
      new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const result = ok(await prepareImport('contacts.vcf', bytes, options));
    expect(result.cards.map((c) => c.model.formattedName)).toEqual(['Łukasz Østergaard']);
  });

  it('lists the first 100 notes and counts the rest', async () => {
    const card = (i: number) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P${i}\r\nTEL:12\r\nEND:VCARD\r\n`;
    const file = Array.from({ length: 150 }, (_, i) => card(i + 1)).join('');
    const result = ok(await prepareImport('a.vcf', utf8(file), options));
    expect(result.cards).toHaveLength(150);
    expect(result.notes.lines).toHaveLength(100);
    expect(result.notes.more).toBe(50);
  });

  it('says so when a file holds no contacts at all', async () => {
    // Text, but no card in it (binary content is named as such: see below).
    const text = utf8('Dear Ada,\nthe cards are in the post.\n');
    expect(await prepareImport('letter.vcf', text, options)).toMatchObject({
      ok: false,
      message: IMPORT_MESSAGES.nothingVCard,
    });
    expect(await prepareImport('junk.csv', utf8('no contacts here'), options)).toMatchObject({
      ok: false,
      message: IMPORT_MESSAGES.nothingCsv,
    });
  });

  it('refuses a file over the caps with a message', async () => {
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n';
    const many = await prepareImport('a.vcf', utf8(card.repeat(11)), {
      ...options,
      maxContacts: 10,
    });
    expect(many).toEqual({ ok: false, message: IMPORT_MESSAGES.tooMany });
    const big = await prepareImport('a.vcf', new Uint8Array(5 * 1024 * 1024 + 1), options);
    expect(big).toEqual({ ok: false, message: IMPORT_MESSAGES.tooLarge });
    expect(await prepareImport('a.vcf', new Uint8Array(), options)).toEqual({
      ok: false,
      message: IMPORT_MESSAGES.empty,
    });
  });
});

describe('prepareImport: a file that is neither vCard nor CSV', () => {
  const refusal = (what: string) => ({ ok: false, message: IMPORT_MESSAGES.notContacts(what) });

  it('names an image, a PDF or an archive by its content, whatever the file is called', async () => {
    const png = await sharp({
      create: { width: 2, height: 2, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    expect(await prepareImport('contacts.csv', png, options)).toEqual(refusal('a PNG image'));
    const pdf = utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
    expect(await prepareImport('contacts.vcf', pdf, options)).toEqual(refusal('a PDF document'));
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
    expect(await prepareImport('book.xlsx', zip, options)).toEqual(
      refusal('a ZIP archive (an Excel or Word file is one too)'),
    );
  });

  it('calls a start of mostly control bytes a binary file', async () => {
    const binary = new Uint8Array(512).map((_, i) => (i * 37) % 32);
    expect(await prepareImport('x.csv', binary, options)).toEqual(refusal('a binary file'));
  });

  it('reads a file that starts as a vCard as one, however many control bytes follow', async () => {
    // 3 control bytes in 21: over the one-in-ten that marks a file as binary.
    const truncated = utf8('BEGIN:VCARD\r\nFN:\u0000\u0001\u0002\r\n');
    const result = await prepareImport('x.vcf', truncated, options);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).not.toMatch(/binary/);
  });

  it('still reads text with a stray NUL, and UTF-16, as contacts', async () => {
    const csv = utf8('Name,E-mail Address\r\nA\u0000da,ada@example.com\r\n');
    expect((await prepareImport('a.csv', csv, options)).ok).toBe(true);
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(card, 'utf16le')]);
    expect((await prepareImport('a.vcf', utf16, options)).ok).toBe(true);
  });
});

describe('prepareImport: CSV', () => {
  it('reads a Google CSV, names a line that is not UTF-8 and keeps its record', async () => {
    const header =
      'First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Custom Thing\r\n';
    // The file is UTF-8 (Åsa's Å), so line 3's Windows-1252 ë is a bad byte, not a code page.
    const rows = ['Åsa,Lovelace,* Home,ada@example.com,Mobile,+44 7911 123456,kept'];
    const bytes = [...utf8(header + rows.join('\r\n') + '\r\n')];
    // Line 3: Zoë with a Windows-1252 ë.
    bytes.push(...utf8('Zo'), 0xeb, ...utf8(',Smith,,zoe@example.com,,,\r\n'));
    const result = ok(await prepareImport('google.csv', new Uint8Array(bytes), options));
    expect(result.format).toBe('csv');
    expect(result.cards.map((c) => c.model.name.family)).toEqual(['Lovelace', 'Smith']);
    expect(result.cards[1]!.model.name.given).toBe('Zo\ufffd');
    expect(result.cards[0]!.rest).not.toBeNull();
    expect(result.notes.lines[0]).toMatch(/^File: line 3 is not valid UTF-8/);
  });

  it('reads a vCard 2.1 without CHARSET in Windows-1252 as such, and says so', async () => {
    const card = (name: number[]) => [
      ...utf8('BEGIN:VCARD\r\nVERSION:2.1\r\nN:'),
      ...name,
      ...utf8(';Zo'),
      0xeb,
      ...utf8('\r\nEMAIL;INTERNET:z@example.com\r\nEND:VCARD\r\n'),
    ];
    const bytes = card([...utf8('M'), 0xfc, ...utf8('ller')]);
    const result = ok(await prepareImport('outlook.vcf', new Uint8Array(bytes), options));
    expect(result.cards[0]!.model.name).toMatchObject({ given: 'Zoë', family: 'Müller' });
    expect(result.notes.lines[0]).toMatch(/^File: not UTF-8 .*read as Windows-1252/);
  });

  it('reads an Outlook CSV saved in Windows-1252 as such, and says so', async () => {
    const header = 'First Name,Last Name,E-mail Address\r\n';
    const bytes = [
      ...utf8(header),
      ...utf8('Zo'),
      0xeb,
      ...utf8(',M'),
      0xfc,
      ...utf8('ller,z@example.com\r\n'),
    ];
    const result = ok(await prepareImport('outlook.csv', new Uint8Array(bytes), options));
    expect(result.cards[0]!.model.name).toMatchObject({ given: 'Zoë', family: 'Müller' });
    expect(result.notes.lines[0]).toMatch(/^File: not UTF-8 .*read as Windows-1252/);
  });

  it('numbers lines from the start of the file across pieces', async () => {
    const header = 'First Name,Last Name,Phone 1 - Value\r\n';
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `Person,"${i + 1}${'\n'}second line",${i === 5999 ? '12' : '+44 20 7946 0958'}`,
    );
    const result = ok(await prepareImport('a.csv', utf8(header + rows.join('\r\n')), options));
    expect(result.cards).toHaveLength(6000);
    // Each record takes two lines after the header: record k starts on line 2k.
    expect(result.notes.lines).toEqual([expect.stringMatching(/^Line 12000, Person 6000/)]);
  });
});
