import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ADA, SAMPLE_ALAN } from '../../test/support';
import { csvHeader, csvRow, parseContactsCsv, parseCsvRows } from './csv';
import { decodeText } from './import';
import type { VCardContact } from './vcard';

const sample = (name: string) =>
  decodeText(fs.readFileSync(path.join(import.meta.dirname, 'samples', name)));

describe('CSV rows (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const { rows } = parseCsvRows(
      '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\n',
    );
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('detects semicolon and tab separators', () => {
    expect(parseCsvRows('a;b\n1;2').rows[1]!.fields).toEqual(['1', '2']);
    expect(parseCsvRows('a\tb\n1\t2').rows[1]!.fields).toEqual(['1', '2']);
  });

  it('names the line of a quote that never closes', () => {
    expect(() => parseCsvRows('a,b\n1,2\n"open,3\n')).toThrow(
      'Line 3: a quoted field is never closed.',
    );
  });
});

describe('CSV contacts', () => {
  it('reads a Google Contacts export', () => {
    const { records, problems } = parseContactsCsv(sample('google.csv'));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.where)).toEqual(['Line 2', 'Line 4', 'Line 5']);
    expect(records[0]!.values).toEqual({
      ...SAMPLE_ADA,
      firstName: 'Ada',
      notes: 'Met at the Royal Society, 1833.\r\nLikes poetry.',
    });
    // The fax is not a phone the contact form has; "--04-12" is a birthday without a year.
    expect(records[1]!.values).toMatchObject({
      firstName: 'Zoë',
      birthdayNoYear: '04-12',
      workPhone: '+33 1 23 45 67 89',
    });
    expect(records[1]!.values.homePhone).toBeUndefined();
  });

  it('reads an Outlook export (Windows-1252, US dates, middle names, blank rows)', () => {
    const { records } = parseContactsCsv(sample('outlook.csv'));
    expect(records.map((r) => r.where)).toEqual(['Line 2', 'Line 3', 'Line 5']);
    expect(records[0]!.values).toEqual({
      ...SAMPLE_ALAN,
      firstName: 'Alan Mathison',
      notes: 'Enigma – Hut 8',
    });
    expect(records[1]!.values).toMatchObject({
      firstName: 'René',
      mobilePhone: '+33 1 23 45 67 88',
    });
    expect(records[1]!.values.birthday).toBeUndefined();
  });

  it('reads a full name column when there are no name parts', () => {
    const { records } = parseContactsCsv('Name,Phone\nGrace Brewster Hopper,+1 213 373 4253\n');
    expect(records[0]!.values).toMatchObject({
      firstName: 'Grace Brewster',
      lastName: 'Hopper',
      mobilePhone: '+1 213 373 4253',
    });
  });

  it('refuses a header with no known column', () => {
    const { records, problems } = parseContactsCsv('foo,bar\n1,2\n');
    expect(records).toEqual([]);
    expect(problems[0]!.reason).toMatch(/^No known columns in the header row/);
  });

  it('stops at the cap', () => {
    const text = `First name\n${'A\n'.repeat(5)}`;
    expect(parseContactsCsv(text, 4).tooMany).toBe(true);
    expect(parseContactsCsv(text, 5).tooMany).toBe(false);
  });

  it('writes rows that read back the same, guarding text against spreadsheet formulas', () => {
    const contact: VCardContact = {
      id: '0b8e4a4e-6a4f-4c7e-9b1a-2f3e4d5c6b7a',
      firstName: '=HYPERLINK("http://evil")',
      lastName: 'O"Brien, Jr',
      birthday: null,
      birthdayMonthDay: 229,
      email: 'o.brien@example.com',
      website: 'https://example.com/',
      workPhone: '+1 213 373 4253',
      homePhone: '',
      mobilePhone: '+44 20 7946 0958',
      notes: '@first\nsecond; third',
    };
    const text = csvHeader() + csvRow(contact);
    expect(text.startsWith('\uFEFFFirst name,Last name,Birthday,Email,Website,Work phone,')).toBe(
      true,
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain(',--02-29,');
    expect(text).toContain(',+1 213 373 4253,');
    const { records } = parseContactsCsv(text);
    expect(records[0]!.values).toEqual({
      firstName: contact.firstName,
      lastName: contact.lastName,
      birthdayNoYear: '02-29',
      email: contact.email,
      website: contact.website,
      workPhone: contact.workPhone,
      mobilePhone: contact.mobilePhone,
      notes: contact.notes,
    });
  });
});
