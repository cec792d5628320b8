import { describe, expect, it } from 'vitest';
import { emptyContact, type ContactModel } from '../model';
import { readCsvFile } from './read';
import { guardFormula } from './formula-guard';
import { writeGoogleCsv } from './write';

const jane: ContactModel = {
  ...emptyContact('urn:uuid:0d7f2c1e-1111-4e3b-9d2a-4c1f0b9e8a11'),
  formattedName: 'Dr Jane Q. Doe',
  name: { prefix: 'Dr', given: 'Jane', middle: 'Q.', family: 'Doe', suffix: 'Jr' },
  nickname: 'JJ',
  organization: 'Acme, Inc.',
  department: 'R&D',
  jobTitle: 'Chief "Boss"',
  emails: [
    { value: 'jane@example.com', label: 'work', pref: true },
    { value: 'jd@example.org', label: 'Private', pref: false },
  ],
  phones: [{ value: '+1 213 373 4253', label: 'mobile', pref: false }],
  addresses: [
    {
      label: 'home',
      pref: false,
      poBox: 'PO 7',
      extended: 'Apt 2',
      street: '1 Main St\nBack house',
      locality: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'USA',
    },
  ],
  urls: [{ value: 'ftp://files.example.com/', label: '', pref: false }],
  impps: [{ value: 'xmpp:jane@example.com', label: 'home', pref: false }],
  birthday: '--04-12',
  anniversary: '2000-06-01',
  dates: [{ value: '2010-05-05', label: 'Graduation' }],
  related: [{ value: 'John Doe', label: 'spouse' }],
  labels: ['Friends', 'Book club'],
  favourite: true,
  note: 'Met at the fair;\nlikes "tea", commas\tand tabs',
};

describe('writeGoogleCsv', () => {
  it("writes Google's current layout, numbered groups only as wide as needed", () => {
    const header = writeGoogleCsv([{ model: jane }]).split('\r\n')[0]!;
    expect(header.startsWith('First Name,Middle Name,Last Name,Phonetic First Name')).toBe(true);
    expect(header).toContain('E-mail 2 - Value');
    expect(header).not.toContain('E-mail 3');
    expect(header).toContain('Address 1 - Formatted');
  });

  it('reads back every field of a full contact', () => {
    const file = readCsvFile(writeGoogleCsv([{ model: jane }, { model: emptyContact() }]), 10);
    expect(file.problems).toEqual([]);
    expect(file.records.map((r) => r.model)).toEqual([jane, emptyContact()]);
    expect(file.records[0]!.extras).toEqual([]);
  });

  it('marks the primary entry and favourites as Google does', () => {
    const row = writeGoogleCsv([{ model: jane }]).split('\r\n')[1]!;
    expect(row).toContain('* myContacts ::: * starred ::: Friends ::: Book club');
    expect(row).toContain('* Work,jane@example.com');
    expect(row).toContain('Home,Jabber,jane@example.com');
  });

  it('neutralises formulas on export only, leaving numbers and dates alone', () => {
    expect(guardFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guardFormula('+cmd|calc')).toBe(`'+cmd|calc`);
    expect(guardFormula('-2+3')).toBe(`'-2+3`);
    expect(guardFormula('@jane')).toBe(`'@jane`);
    expect(guardFormula('\t=1')).toBe(`'\t=1`);
    expect(guardFormula('+1 213 373 4253 ext. 12')).toBe('+1 213 373 4253 ext. 12');
    expect(guardFormula('--04-12')).toBe('--04-12');
    expect(guardFormula('a=b')).toBe('a=b');
    expect(guardFormula("'=already quoted", true)).toBe("''=already quoted");
    expect(guardFormula("'=already quoted")).toBe("'=already quoted");
    expect(guardFormula("'tis", true)).toBe("'tis");
  });

  it('imports its own guarded cells back exactly; any other file as it says', () => {
    for (const note of ['=1+2', "'=1+2", "''@x", "'tis", '@jane', '-)']) {
      const m = { ...jane, uid: 'urn:uuid:1', note };
      expect(readCsvFile(writeGoogleCsv([{ model: m }]), 1).records[0]!.model.note).toBe(note);
    }
    const foreign = "First Name,Notes\r\nAda,'=1+2\r\n";
    expect(readCsvFile(foreign, 1).records[0]!.model.note).toBe("'=1+2");
  });
});
