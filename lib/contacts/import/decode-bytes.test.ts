import { describe, expect, it } from 'vitest';
import { decodeText, describeLines, utf16Of } from './decode-bytes';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, endian: 'le' | 'be', bom: boolean) {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  const units = (bom ? '\ufeff' : '') + s;
  for (let i = 0; i < units.length; i += 1)
    view.setUint16(i * 2, units.charCodeAt(i), endian === 'le');
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeText(utf8('\ufeffName\nZoë\n'))).toEqual({ text: 'Name\nZoë\n', badLines: [] });
    expect(decodeText(utf8('Name\nZoë'))).toEqual({ text: 'Name\nZoë', badLines: [] });
  });

  it('names the lines that are not UTF-8 and reads every other line as it is', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `Person ${i + 1},Zoë`);
    const bytes = utf8(lines.join('\n'));
    // Line 7 gets a Windows-1252 ë (0xEB), which is not valid UTF-8.
    const at = bytes.indexOf(0xc3, utf8(lines.slice(0, 6).join('\n')).length);
    const broken = new Uint8Array([...bytes.subarray(0, at), 0xeb, ...bytes.subarray(at + 2)]);
    const { text, badLines } = decodeText(broken);
    expect(badLines).toEqual([7]);
    const out = text.split('\n');
    expect(out).toHaveLength(100);
    expect(out[6]).toBe('Person 7,Zo\ufffd');
    expect(out.filter((l) => l.endsWith('Zoë'))).toHaveLength(99);
  });

  it('reads a file with no UTF-8 in it as Windows-1252 and says so; one UTF-8 letter keeps UTF-8', () => {
    // "Zoë,Müller,€5,’" as Outlook writes it on Windows: ë FC 80 92 are not UTF-8.
    const ansi = new Uint8Array([
      0x5a, 0x6f, 0xeb, 0x2c, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x80, 0x35, 0x2c, 0x92,
    ]);
    expect(decodeText(ansi)).toEqual({
      text: 'Zoë,Müller,€5,’',
      badLines: [],
      legacy: 'windows-1252',
    });
    // The same bytes after a line holding a real UTF-8 "Ł": UTF-8, the bad line named.
    const mixed = new Uint8Array([...utf8('Łukasz\n'), ...ansi]);
    expect(decodeText(mixed)).toMatchObject({ badLines: [2] });
    expect(decodeText(mixed).legacy).toBeUndefined();
  });

  it('reads UTF-16 in both byte orders, with and without a BOM', () => {
    const text = 'First Name,Last Name\r\nŁukasz,Østergaard\r\n';
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const bytes = utf16(text, endian, bom);
        expect(utf16Of(bytes)).toBe(`utf-16${endian}`);
        expect(decodeText(bytes)).toEqual({ text, badLines: [] });
      }
    }
  });

  it('does not take UTF-8 for UTF-16', () => {
    expect(utf16Of(utf8('Name,Email\nA,a@example.com\n'))).toBeNull();
  });

  it('describes line lists', () => {
    expect(describeLines([7])).toBe('line 7');
    expect(describeLines([7, 9])).toBe('lines 7 and 9');
    expect(describeLines(Array.from({ length: 12 }, (_, i) => i + 1))).toBe(
      'lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more',
    );
  });
});
