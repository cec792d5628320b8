import { describe, expect, it } from 'vitest';
import encodeQR from 'qr';
import { decodeQR } from 'qr/decode.js';
import { emptyContact } from '../model';
import { readCard } from '../vcard/read';
import { fullModel } from '../vcard/test-model';
import { QR_CAPACITY, SHARE_MAX_BYTES, shareCard } from './share-card';
import { qrSvg } from './qr-svg';

/** Reads a code back the way a camera would: drawn as pixels (4 per module), then decoded. */
function scan(text: string): string {
  const grid = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const scale = 4;
  const width = grid.length * scale;
  const data = new Uint8Array(width * width * 4);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const v = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return decodeQR({ width, height: width, data });
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('shareCard', () => {
  it("carries the contact's own details, and never the owner's notes, labels or favourite", () => {
    const model = { ...fullModel(), note: 'Owes me £20', labels: ['Family'], favourite: true };
    const { text, leftOut } = shareCard(model, true);
    const read = readCard(text!);
    expect(read.model.name.family).toBe('Østergaard');
    expect(read.model.organization).toBe(model.organization);
    expect(read.model.phones.map((p) => p.value)).toEqual(model.phones.map((p) => p.value));
    expect(read.model.emails.map((e) => e.value)).toEqual(model.emails.map((e) => e.value));
    expect(text).not.toContain('Owes me');
    expect(text).not.toContain('Family');
    expect(text).not.toMatch(/^(UID|PHOTO|CATEGORIES)/m);
    // Every field filled is more than 1,000 bytes: the first step goes too.
    expect(leftOut).toEqual([
      'the photo',
      'your notes',
      'your labels',
      'other dates and related people',
    ]);
    expect(bytes(text!)).toBeLessThanOrEqual(SHARE_MAX_BYTES);
  });

  it('leaves the least useful details out first, names each, and fits', () => {
    const model = fullModel();
    model.addresses = Array.from({ length: 6 }, (_, i) => ({
      ...model.addresses[0]!,
      street: `${i} Long Street Name That Goes On And On, Building ${i}`,
    }));
    const { text, leftOut } = shareCard(model, false);
    expect(leftOut).toEqual([
      'your notes',
      'your labels',
      'other dates and related people',
      'messaging handles',
      'websites',
      'addresses',
    ]);
    expect(bytes(text!)).toBeLessThanOrEqual(SHARE_MAX_BYTES);
    expect(readCard(text!).model.phones).toHaveLength(model.phones.length);
  });

  it('gives no code for a card no code can hold, rather than a truncated one', () => {
    const model = { ...emptyContact(), formattedName: '😀'.repeat(700) };
    const { text } = shareCard(model, false);
    expect(bytes(shareCard({ ...model, formattedName: 'Ada' }, false).text!)).toBeLessThan(100);
    expect(text).toBeNull();
  });

  it('is a code that scans back to the same card, accents and CJK included', () => {
    const { text } = shareCard(fullModel(), false);
    expect(scan(text!)).toBe(text);
  });
});

describe('qrSvg', () => {
  it('draws every dark module of the code once, black on white, with a quiet zone', () => {
    const text = shareCard(fullModel(), false).text!;
    const grid = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
    const svg = qrSvg(text);
    expect(svg).toContain(`viewBox="0 0 ${grid.length} ${grid.length}"`);
    const drawn = new Set<string>();
    for (const [, x, y, w] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
      for (let i = 0; i < Number(w); i++) drawn.add(`${Number(x) + i},${y}`);
    }
    const dark = grid.flatMap((row, y) => row.flatMap((on, x) => (on ? [`${x},${y}`] : [])));
    expect(drawn).toEqual(new Set(dark));
    expect(dark.some((k) => k.startsWith('0,') || k.endsWith(',0'))).toBe(false);
  });

  it('stays within the capacity the card builder assumes', () => {
    expect(() => encodeQR('x'.repeat(QR_CAPACITY), 'raw', { ecc: 'medium' })).not.toThrow();
    expect(() => encodeQR('x'.repeat(QR_CAPACITY + 1), 'raw', { ecc: 'medium' })).toThrow();
  });
});
