import { describe, expect, it } from 'vitest';
import { readCard } from './read';
import { restFromExtras } from './rest';
import { fullModel } from './test-model';
import { writeCard } from './write';

describe('writeCard then readCard', () => {
  for (const version of ['3.0', '4.0'] as const) {
    it(`gives back every model field in ${version}`, () => {
      const m = fullModel();
      const card = writeCard(m, null, null, version);
      const back = readCard(card);
      expect(back.problems).toEqual([]);
      expect(back.version).toBe(version);
      expect(back.model).toEqual(m);
    });

    it(`keeps rest properties and a derived FN in ${version}`, () => {
      const m = { ...fullModel(), formattedName: '' };
      const rest = restFromExtras([{ name: 'Gender "x"', value: 'female, mostly; yes' }]);
      const back = readCard(writeCard(m, rest, null, version));
      expect(back.model).toEqual(m);
      const again = readCard(writeCard(back.model, back.rest, null, version));
      expect(again.rest).toEqual(back.rest);
      expect(writeCard(again.model, again.rest, null, version)).toContain(
        'X-CONTACTCARDS-CSV;X-COLUMN="Gender ^\'x^\'":female\\, mostly\\; yes',
      );
    });
  }

  it('writes CRLF, folds at 75 octets and adds REV', () => {
    const card = writeCard(fullModel(), null, null, '4.0', {
      rev: new Date(Date.UTC(2026, 11, 1, 16, 5, 9)),
    });
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    expect(card).toContain('REV:20261201T160509Z\r\n');
    for (const line of card.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
