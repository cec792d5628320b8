import { describe, expect, it } from 'vitest';
import { readVCardFile } from './read';
import { vcf } from './test-files';

const next = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Next', 'END:VCARD'];

describe('caps', () => {
  it('ignores a property with more than 100 parameters and says so', () => {
    const params = Array.from({ length: 101 }, (_, i) => `;X-P${i}=v`).join('');
    const file = vcf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:A',
      `TEL${params}:1`,
      'TEL:2',
      'END:VCARD',
    ]);
    const [card] = readVCardFile(file, 1).cards;
    expect(card!.model.phones.map((p) => p.value)).toEqual(['2']);
    expect(card!.problems[0]!.reason).toBe(
      'line 4: a property with more than 100 parameters was ignored',
    );
  });

  it('reports a card with more than 5,000 properties and reads the next', () => {
    const many = Array.from({ length: 5001 }, (_, i) => `X-A:${i}`);
    const file = vcf(['BEGIN:VCARD', 'VERSION:3.0', ...many, 'END:VCARD', ...next]);
    const { cards, problems } = readVCardFile(file, 10);
    expect(cards.map((c) => c.model.formattedName)).toEqual(['Next']);
    expect(problems).toEqual([
      { where: 'Card 1 (line 1)', reason: 'more than 5000 properties; not imported.' },
    ]);
  });

  it('reports a card larger than 1 MB (one long line) and reads the next', () => {
    const file = vcf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      `NOTE:${'x'.repeat(1 << 20)}`,
      'END:VCARD',
      ...next,
    ]);
    const { cards, problems } = readVCardFile(file, 10);
    expect(cards.map((c) => c.model.formattedName)).toEqual(['Next']);
    expect(problems[0]!.reason).toMatch(/larger than 1 MB|longer than 1 MB/);
  });

  it('stops at maxCards and says there were more', () => {
    const file = vcf([...next, ...next, ...next]);
    const { cards, tooMany } = readVCardFile(file, 2);
    expect(cards).toHaveLength(2);
    expect(tooMany).toBe(true);
    expect(readVCardFile(file, 3).tooMany).toBe(false);
  });
});

describe('readVCardItems', () => {
  it('yields cards and problems one at a time, in file order', async () => {
    const { readVCardItems } = await import('./read');
    const file = vcf(['BEGIN:VCARD', 'FN:A', 'END:VCARD', 'junk', ...next, ...next]);
    const kinds = [...readVCardItems(file, 1)].map((i) => i.kind);
    expect(kinds).toEqual(['card', 'problem', 'tooMany']);
  });
});
