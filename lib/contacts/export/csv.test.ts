import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { emptyContact, type ContactModel } from '../model';
import { exportGoogleCsv } from './csv';

function person(i: number, emails: number): ContactModel {
  return {
    ...emptyContact(`urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    name: { prefix: '', given: `Given${i}`, middle: '', family: 'Family', suffix: '' },
    emails: Array.from({ length: emails }, (_, e) => ({
      value: `p${i}.${e}@example.com`,
      label: 'work',
      pref: e === 0,
    })),
    note: i === 0 ? '=HYPERLINK("http://evil.example")' : '',
  };
}

async function csvOf(models: ContactModel[]) {
  let passes = 0;
  async function* all() {
    passes += 1;
    for (const model of models) yield { model };
  }
  let text = '';
  for await (const chunk of exportGoogleCsv(all)) text += chunk;
  return { text, passes };
}

describe('exportGoogleCsv', () => {
  it('writes Google’s header with as many numbered columns as the widest contact needs', async () => {
    // The widest contact comes after the first batch of 500, so the layout must see them all.
    const models = Array.from({ length: 1200 }, (_, i) => person(i, i === 1100 ? 3 : 1));
    const { text, passes } = await csvOf(models);
    expect(passes).toBe(2);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1200);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['First Name', 'E-mail 1 - Value', 'E-mail 3 - Value', 'Labels']),
    );
    expect(rows[1100]!['E-mail 3 - Value']).toBe('p1100.2@example.com');
    expect(rows[5]!['E-mail 1 - Label']).toBe('* Work');
    // Formula injection is neutralised on export.
    expect(rows[0]!['Notes']).toBe('\'=HYPERLINK("http://evil.example")');
  });

  it('writes a header for an empty address book', async () => {
    const { text } = await csvOf([]);
    expect(text.split('\r\n')).toHaveLength(2);
    expect(text).toMatch(/^First Name,/);
  });
});
