import { describe, expect, it } from 'vitest';
import { shiftPlace } from './places';
import { splitCsvText, splitVCardBytes } from './split';

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const card = (i: number) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nEND:VCARD\r\n`;

describe('splitVCardBytes', () => {
  it('cuts only before a top-level BEGIN:VCARD and loses no byte', () => {
    const file = Array.from({ length: 50 }, (_, i) => card(i)).join('');
    const pieces = splitVCardBytes(utf8(file), 200);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.map((p) => text(p.data)).join('')).toBe(file);
    for (const p of pieces) expect(text(p.data)).toMatch(/^BEGIN:VCARD\r\n/);
    // Each card has 4 lines.
    expect(pieces.map((p) => p.linesBefore % 4)).toEqual(pieces.map(() => 0));
    expect(pieces[1]!.linesBefore).toBe((text(pieces[0]!.data).match(/\n/g) ?? []).length);
  });

  it('keeps a vCard 2.1 AGENT card inside its parent', () => {
    const agent =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Boss;Big\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Helper;Al\r\nEND:VCARD\r\nEND:VCARD\r\n';
    const file = card(1) + agent + card(2);
    const pieces = splitVCardBytes(utf8(file), 1);
    expect(pieces.map((p) => text(p.data))).toEqual([card(1), agent, card(2)]);
  });

  it('starts a new piece at a BEGIN that follows a card with no END', () => {
    const unended = 'BEGIN:VCARD\r\nFN:No end\r\n';
    const pieces = splitVCardBytes(utf8(unended + card(1)), 1);
    expect(pieces.map((p) => text(p.data))).toEqual([unended, card(1)]);
  });
});

describe('splitCsvText', () => {
  it('repeats the header, never cuts inside a quoted cell, and loses no row', () => {
    const header = 'Name,Notes\n';
    const rows = Array.from({ length: 40 }, (_, i) => `P${i},"line one\nline, two ""${i}"""\n`);
    const pieces = splitCsvText(header + rows.join(''), 100);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) expect(p.data.startsWith(header)).toBe(true);
    expect(pieces.map((p) => p.data.slice(header.length)).join('')).toBe(rows.join(''));
    expect(pieces[1]!.linesBefore).toBe(
      (pieces[0]!.data.slice(header.length).match(/\n/g) ?? []).length,
    );
  });

  it('gives a header-only file as it is', () => {
    expect(splitCsvText('Name,Email', 10)).toEqual([{ data: 'Name,Email', linesBefore: 0 }]);
  });
});

describe('shiftPlace', () => {
  it('counts cards and lines from the start of the file', () => {
    expect(shiftPlace('Card 3 (line 40), Jane', { records: 100, lines: 1000 })).toBe(
      'Card 103 (line 1040), Jane',
    );
    expect(shiftPlace('Row 7', { records: 5, lines: 20 })).toBe('Row 27');
    expect(shiftPlace('Card 3', { records: 0, lines: 0 })).toBe('Card 3');
  });
});
