import { describe, expect, it } from 'vitest';
import { counter } from './ops';
import { readVCardFile } from './read';

/** Operations the reader counts for one input; no clocks (the machine is shared). */
function opsFor(text: string): number {
  counter.ops = 0;
  readVCardFile(Uint8Array.from(Buffer.from(text, 'latin1')), 1_000_000);
  return counter.ops;
}

const wrap = (body: string) => `BEGIN:VCARD\r\nVERSION:2.1\r\nFN:A\r\n${body}END:VCARD\r\n`;

const SHAPES: Record<string, (n: number) => string> = {
  'quoted-printable soft breaks': (n) =>
    wrap(`NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${'=C5=81a=\r\n'.repeat(n)}end\r\n`),
  'one fold per character': (n) => wrap(`NOTE:x\r\n${' y\r\n'.repeat(n)}`),
  'thousands of parameters on one property': (n) => wrap(`X-P${';X-A=b'.repeat(n)}:1\r\n`),
  'properties of 100 parameters each': (n) =>
    wrap(`TEL${';TYPE=work'.repeat(100)}:1\r\n`.repeat(Math.ceil(n / 100))),
  '100,000 tiny lines in cards of 50': (n) =>
    wrap('X-A:1\r\n'.repeat(50)).repeat(Math.ceil(n / 50)),
  '100,000 tiny lines in one card': (n) => wrap('X-A:1\r\n'.repeat(n)),
  'distinct categories': (n) =>
    wrap(`CATEGORIES:${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\r\n`),
  'escapes and structured separators': (n) =>
    wrap(`N:${'a\\;b;'.repeat(n)}\r\nCATEGORIES:${'x\\,y,'.repeat(n)}\r\n`),
};

const SIZES: Record<string, number> = {
  'quoted-printable soft breaks': 40_000,
  'one fold per character': 100_000,
  'thousands of parameters on one property': 50_000,
  'properties of 100 parameters each': 20_000,
  '100,000 tiny lines in cards of 50': 100_000,
  '100,000 tiny lines in one card': 100_000,
  'escapes and structured separators': 40_000,
  'distinct categories': 50_000,
};

describe('the reader is linear: doubling the input at most doubles the work', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(name, () => {
      const n = SIZES[name]!;
      const small = opsFor(make(n));
      const large = opsFor(make(2 * n));
      expect(small).toBeGreaterThanOrEqual(n);
      expect(large).toBeLessThanOrEqual(2.2 * small);
    });
  }

  it('reads all of a quoted-printable value broken into many soft lines', () => {
    const text = SHAPES['quoted-printable soft breaks']!(1000);
    const [card] = readVCardFile(Uint8Array.from(Buffer.from(text, 'latin1')), 1).cards;
    expect(card!.model.note).toBe(`${'Ła'.repeat(1000)}end`);
  });
});
