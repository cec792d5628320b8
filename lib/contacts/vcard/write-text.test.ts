import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from './arbitraries';
import { foldLine } from './write-text';

describe('foldLine', () => {
  it('folds at 75 octets without splitting a UTF-8 sequence, and unfolds to the same line', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        const line = `NOTE:${text.replace(/[\r\n]/g, ' ')}`;
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        for (const p of physical) {
          expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
          expect(Buffer.from(p).toString()).not.toContain('\uFFFD');
        }
        expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
      }),
    );
  });

  it('leaves a short ASCII line alone', () => {
    expect(foldLine('FN:A')).toBe('FN:A');
  });
});
