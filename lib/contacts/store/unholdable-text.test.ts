import { describe, expect, it } from 'vitest';
import { applyImport, iterateCards, listLabels } from './index';
import { prepareImport } from '../import/prepare';
import { newOwner } from './test-helpers';

// What a person may type or import that PostgreSQL's text and jsonb cannot hold as it is: each
// case reached the database through an import and failed the whole file with a 500.
describe('text PostgreSQL cannot hold', () => {
  // Found by the form fuzzer: a NUL in a CSV cell with no header went into the card as an
  // X- property and the import failed with a 500.
  it('a NUL in a CSV cell or a vCard property is stored as U+FFFD, and the import succeeds', async () => {
    const user = await newOwner('nul');
    const files = [
      ['contacts.csv', 'First name,Last name,Email\nNul,Cell,a@example.org,x\u0000y\n'],
      [
        'contacts.vcf',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nul Card\r\nX-NOTE:x\u0000y\r\nEND:VCARD\r\n',
      ],
    ] as const;
    for (const [name, text] of files) {
      const prepared = await prepareImport(name, new TextEncoder().encode(text), { region: 'US' });
      if (!prepared.ok) throw new Error(prepared.message);
      const result = await applyImport(user, prepared.cards);
      expect(result.added).toBe(1);
    }
    const cards: string[] = [];
    for await (const c of iterateCards(user)) cards.push(c.card);
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(card).toContain('x\uFFFDy');
      expect(card).not.toContain('\u0000');
    }
  });

  // Found by the form fuzzer: a flagged value over 80 characters was cut for its flag between the
  // two halves of an emoji, and the contact's flags (jsonb) refused the lone half: a 500, and the
  // whole file not imported.
  it('a flagged value cut for its note between the halves of an emoji: the import succeeds', async () => {
    const user = await newOwner('half');
    const odd = `${'x'.repeat(79)}😀 not an address`;
    const label = `${'L'.repeat(99)}😀`;
    const text = `First name,Email,Labels\nHalf,${odd},${label}\n`;
    const prepared = await prepareImport('contacts.csv', new TextEncoder().encode(text), {
      region: 'US',
    });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(await applyImport(user, prepared.cards)).toMatchObject({ added: 1 });
    const cards: string[] = [];
    for await (const c of iterateCards(user)) cards.push(c.card);
    // Unfolded: the card's lines are folded at 75 octets.
    expect(cards[0]!.replace(/\r\n /g, '')).toContain(`EMAIL:${odd}`);
    expect(prepared.cards[0]!.flags[0]!.value).toBe(`${'x'.repeat(79)}😀…`);
    // 100 characters, 101 UTF-16 units: the label list keeps the name whole, emoji and all.
    expect((await listLabels(user)).map((l) => l.name)).toEqual([label]);
  });
});
