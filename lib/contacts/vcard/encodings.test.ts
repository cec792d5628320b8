import { describe, expect, it } from 'vitest';
import { readCard, readVCardFile } from './read';
import { utf16 } from './test-files';

const TEXT =
  ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Zoë 日本 Łukasz', 'END:VCARD'].join('\r\n') + '\r\n';

describe('file encodings', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    const bytes = Uint8Array.from(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
    );
    expect(readVCardFile(bytes, 1).cards[0]!.model.formattedName).toBe('Zoë 日本 Łukasz');
  });

  for (const endian of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      it(`reads UTF-16${endian.toUpperCase()} ${bom ? 'with' : 'without'} a byte-order mark`, () => {
        const { cards, problems } = readVCardFile(utf16(TEXT, endian, bom), 1);
        expect(problems).toEqual([]);
        expect(cards[0]!.model.formattedName).toBe('Zoë 日本 Łukasz');
      });
    }
  }

  it('ignores CHARSET in a UTF-16 file (the bytes were decoded already)', () => {
    const text = TEXT.replace('FN:', 'FN;CHARSET=ISO-8859-1:');
    expect(readVCardFile(utf16(text, 'le', true), 1).cards[0]!.model.formattedName).toBe(
      'Zoë 日本 Łukasz',
    );
  });
});

describe('CHARSET per property, decoded fatally', () => {
  it('reports an invalid UTF-8 value by line, with U+FFFD, and reads the rest as UTF-8', () => {
    const bytes = Uint8Array.from(
      Buffer.concat([
        Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Łukasz\r\nNOTE:Zo'),
        Buffer.from([0xeb]),
        Buffer.from('\r\nTITLE:Señor\r\nEND:VCARD\r\n'),
      ]),
    );
    const [card] = readVCardFile(bytes, 1).cards;
    expect(card!.model).toMatchObject({
      formattedName: 'Łukasz',
      note: 'Zo\uFFFD',
      jobTitle: 'Señor',
    });
    expect(card!.problems).toEqual([
      {
        where: 'Card 1 (line 1), Łukasz',
        reason: 'line 4: not valid utf-8; unreadable characters shown as \uFFFD',
      },
    ]);
    expect(card!.source).toBeNull();
  });

  it('decodes each property in its own character set', () => {
    const bytes = Uint8Array.from(
      Buffer.concat([
        Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-2:'),
        Buffer.from([0xa3, 0xf3, 0x64, 0xbc]), // Łódź
        Buffer.from('\r\nNOTE;CHARSET=UTF-8:Łódź\r\nTITLE;CHARSET=windows-1252:'),
        Buffer.from([0x80, 0x20, 0x93, 0x71, 0x94]), // € “q”
        Buffer.from('\r\nORG;CHARSET=x-unknown-set:Acm'),
        Buffer.from([0xc3, 0xa9]), // é in UTF-8
        Buffer.from('\r\nEND:VCARD\r\n'),
      ]),
    );
    const [card] = readVCardFile(bytes, 1).cards;
    expect(card!.model).toMatchObject({
      formattedName: 'Łódź',
      note: 'Łódź',
      jobTitle: '€ “q”',
      organization: 'Acmé',
    });
    expect(card!.problems.map((p) => p.reason)).toEqual([
      'line 6: unknown character set "x-unknown-set", read as UTF-8',
    ]);
  });

  it('reads a stored card (Unicode text) as it is, whatever CHARSET says', () => {
    const c = readCard(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN;CHARSET=windows-1252:Zoë\r\nEND:VCARD\r\n',
    );
    expect(c.model.formattedName).toBe('Zoë');
    expect(c.problems).toEqual([]);
  });
});

describe('a bad value decoded twice', () => {
  it('is reported once', () => {
    const bytes = Uint8Array.from(
      Buffer.concat([
        Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nitem1.X-ABLabel:Zo'),
        Buffer.from([0xeb]),
        Buffer.from('\r\nEND:VCARD\r\n'),
      ]),
    );
    const [card] = readVCardFile(bytes, 1).cards;
    expect(card!.problems).toHaveLength(1);
    expect(card!.rest.properties).toEqual([
      { group: 'item1', name: 'X-ABLabel', params: '', value: 'Zo\uFFFD' },
    ]);
  });
});
