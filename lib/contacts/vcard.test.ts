import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_ADA, SAMPLE_ALAN } from '../../test/support';
import {
  escapeText,
  foldLine,
  parseVCards,
  unescapeText,
  writeVCard,
  type VCardContact,
} from './vcard';

const sample = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, 'samples', name), 'utf8');

const contact: VCardContact = {
  id: '0b8e4a4e-6a4f-4c7e-9b1a-2f3e4d5c6b7a',
  firstName: 'Zoë',
  lastName: 'Ångström; Jr, \\ III',
  birthday: '1985-04-12',
  birthdayMonthDay: 412,
  email: 'zoe@example.org',
  website: 'https://zoe.example.org/a,b',
  workPhone: '+1 213 373 4253',
  homePhone: '+44 20 7946 0958',
  mobilePhone: '+33 6 12 34 56 78',
  notes: `First line\nSecond line; with, punctuation \\ and a very long tail ${'é'.repeat(80)}`,
};

describe('vCard reading', () => {
  it('reads an Apple Contacts export (3.0, groups, pref, photo, year-less birthday)', () => {
    const { records, problems } = parseVCards(sample('apple.vcf'));
    expect(problems).toEqual([]);
    expect(records.map((r) => r.where)).toEqual(['Card 1 (line 1)', 'Card 2 (line 19)']);
    expect(records[0]!.values).toEqual({
      ...SAMPLE_ADA,
      firstName: 'Ada Augusta',
      notes: 'Met at the Royal Society, 1833.\nLikes poetry; and numbers.',
    });
    // TYPE=IPHONE,CELL and Apple's 1604 "no year".
    expect(records[1]!.values).toMatchObject({
      firstName: 'Grace',
      lastName: 'Hopper',
      birthdayNoYear: '12-09',
      mobilePhone: '+1 (213) 373-4254',
    });
  });

  it('reads a Google Contacts export (3.0, --MMDD birthday, escaped URL, FN only)', () => {
    const { records } = parseVCards(sample('google.vcf'));
    expect(records[0]!.values).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ångström',
      birthdayNoYear: '04-12',
      email: 'zoe@example.org',
      website: 'http://zoe.example.org',
      mobilePhone: '+33 6 12 34 56 78',
      workPhone: '+33 1 23 45 67 89',
    });
    expect(records[1]!.values).toMatchObject({ firstName: 'Nobody', lastName: 'Here' });
  });

  it('reads an Outlook export (2.1, bare types, quoted-printable, fax skipped)', () => {
    const { records } = parseVCards(sample('outlook.vcf'));
    expect(records).toHaveLength(1);
    expect(records[0]!.values).toEqual({
      ...SAMPLE_ALAN,
      firstName: 'Alan',
      mobilePhone: '+44 7911 123456',
      notes: 'Enigma – Hut 8.\r\nMarathon runner.',
    });
  });

  it('reads vCard 4.0 (tel: URIs, quoted TYPE lists, folded lines)', () => {
    const { records } = parseVCards(sample('v4.vcf'));
    expect(records[0]!.values).toMatchObject({
      firstName: 'Katherine',
      birthday: '1918-08-26',
      homePhone: '+1-213-373-4255',
      mobilePhone: '+12133734256',
      email: 'katherine@example.net',
      notes:
        'Calculated trajectories for Mercury, Apollo 11 and the Space Shuttle; a very long note that was folded onto a second line.',
    });
  });

  it('reports a card that never ends, and stops at the cap', () => {
    const text = 'BEGIN:VCARD\nFN:A B\nBEGIN:VCARD\nFN:C D\nEND:VCARD\nBEGIN:VCARD\nFN:E F\n';
    const { records, problems } = parseVCards(text);
    expect(records.map((r) => r.values.firstName)).toEqual(['C']);
    expect(problems).toEqual([
      { where: 'Card 1 (line 1)', reason: 'It has no END:VCARD.' },
      { where: 'Card 3 (line 6)', reason: 'It has no END:VCARD.' },
    ]);
    const many = 'BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n'.repeat(4);
    expect(parseVCards(many, 3).tooMany).toBe(true);
    expect(parseVCards(many, 4).tooMany).toBe(false);
  });

  it('unescapes text values', () => {
    expect(unescapeText('a\\,b\\;c\\\\d\\ne\\Nf')).toBe('a,b;c\\d\ne\nf');
  });
});

describe('vCard writing', () => {
  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`NOTE:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'é'.repeat(100)}`);
  });

  it('writes 3.0 that reads back to the same contact', () => {
    const text = writeVCard(contact);
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
    expect(text).toContain('TEL;TYPE=WORK,VOICE:+1 213 373 4253');
    expect(text).toContain('N:Ångström\\; Jr\\, \\\\ III;Zoë;;;');
    const [record] = parseVCards(text).records;
    expect(record!.values).toEqual({
      firstName: contact.firstName,
      lastName: contact.lastName,
      birthday: contact.birthday,
      email: contact.email,
      website: contact.website,
      workPhone: contact.workPhone,
      homePhone: contact.homePhone,
      mobilePhone: contact.mobilePhone,
      notes: contact.notes,
    });
  });

  it('writes a birthday without a year as --MMDD', () => {
    const text = writeVCard({ ...contact, birthday: null, birthdayMonthDay: 412 });
    expect(text).toContain('BDAY:--0412\r\n');
    expect(parseVCards(text).records[0]!.values.birthdayNoYear).toBe('04-12');
  });
});
