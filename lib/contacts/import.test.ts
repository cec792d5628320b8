import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, IMPORT_MAX_BYTES, IMPORT_MAX_RECORDS, prepareImport } from './import';

const bytes = (text: string) => new TextEncoder().encode(text);
const sample = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'samples', name));

describe('prepareImport', () => {
  it('validates each record like the form and says where and why one was skipped', () => {
    const result = prepareImport('google.csv', sample('google.csv'));
    expect(result.ok && result.format).toBe('csv');
    expect(result.ok && result.inputs.map((c) => c.lastName)).toEqual(['Lovelace', 'Ångström']);
    expect(result.ok && result.inputs[0]).toMatchObject({
      workPhone: '+1 213 373 4253',
      notes: 'Met at the Royal Society, 1833.\nLikes poetry.',
    });
    expect(result.skipped).toEqual([
      {
        where: 'Line 5',
        reason:
          'Mobile phone: Enter a valid phone number, with the country code (e.g. +44) unless it is in US.',
      },
    ]);
  });

  it('reads every sample export', () => {
    const counts = Object.fromEntries(
      ['apple.vcf', 'google.vcf', 'outlook.vcf', 'v4.vcf', 'google.csv', 'outlook.csv'].map((f) => {
        const r = prepareImport(f, sample(f));
        return [f, r.ok ? [r.inputs.length, r.skipped.length] : r.message];
      }),
    );
    expect(counts).toEqual({
      'apple.vcf': [2, 0],
      'google.vcf': [2, 0],
      'outlook.vcf': [1, 0],
      'v4.vcf': [1, 0],
      'google.csv': [2, 1],
      'outlook.csv': [2, 1],
    });
  });

  it('detects vCards by content whatever the file is called', () => {
    const result = prepareImport(
      'contacts.txt',
      bytes('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n'),
    );
    expect(result.ok && result.format).toBe('vcard');
  });

  it('refuses empty, oversized and overlong files with a clear message', () => {
    expect(prepareImport('a.csv', new Uint8Array())).toEqual({
      ok: false,
      message: 'Choose a vCard (.vcf) or CSV file to import.',
    });
    expect(prepareImport('a.csv', new Uint8Array(IMPORT_MAX_BYTES + 1))).toMatchObject({
      ok: false,
      message: 'The file is larger than 5 MB. Split it into smaller files and import each.',
    });
    const rows = `First name\n${'Ada\n'.repeat(IMPORT_MAX_RECORDS + 1)}`;
    expect(prepareImport('a.csv', bytes(rows))).toMatchObject({
      ok: false,
      message:
        'The file holds more than 20,000 contacts. Split it into smaller files and import each.',
    });
    expect(
      prepareImport('a.csv', bytes(`First name\n${'Ada\n'.repeat(IMPORT_MAX_RECORDS)}`)).ok,
    ).toBe(true);
  });

  it('refuses a file in which no contact is valid, listing why', () => {
    const result = prepareImport('a.csv', bytes('First name,Email\n,\nAda,nope\n'));
    expect(result).toEqual({
      ok: false,
      message: 'No contacts could be read from this CSV file.',
      skipped: [
        { where: 'Line 3', reason: 'Email: Enter an email address like name@example.com.' },
      ],
    });
  });

  it('decodes UTF-8, UTF-16 with a BOM and Windows-1252', () => {
    expect(decodeText(bytes('\uFEFFZoë'))).toBe('Zoë');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00]))).toBe('Zë');
    expect(decodeText(new Uint8Array([0x52, 0x65, 0x6e, 0xe9, 0x20, 0x96, 0x20, 0x80]))).toBe(
      'René – €',
    );
  });
});
