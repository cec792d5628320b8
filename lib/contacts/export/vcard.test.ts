import { describe, expect, it } from 'vitest';
import { emptyContact, type ContactModel } from '../model';
import { readCard } from '../vcard/read';
import { writeCard } from '../vcard/write';
import { exportCard, exportCards, exportVersion } from './vcard';

const model: ContactModel = {
  ...emptyContact('urn:uuid:2b0e7c4e-8f5e-4c49-9a43-000000000001'),
  formattedName: 'Jane Doe',
  name: { prefix: '', given: 'Jane', middle: '', family: 'Doe', suffix: '' },
  urls: [{ value: 'https://example.com/a,b;c\\d', label: 'work', pref: false }],
};
const photo = {
  kind: 'data' as const,
  mime: 'image/jpeg',
  bytes: new Uint8Array([0xff, 0xd8, 1, 2, 0xff, 0xd9]),
};
const card = writeCard(model, null, photo, '4.0', { rev: new Date('2026-12-01T00:00:00Z') });
const stored = { card, ...readCard(card) };

describe('exportCard', () => {
  it('sends the stored card as it is when its version is the one asked for', () => {
    expect(exportCard(stored, '4.0')).toBe(card);
  });

  it('converts to 3.0 for older programs, photo and escaped URL included', () => {
    const old = exportCard(stored, '3.0');
    expect(old).toMatch(/\r\nVERSION:3\.0\r\n/);
    expect(old.replace(/\r\n /g, '')).toContain('PHOTO;ENCODING=b;TYPE=JPEG:/9gBAv/Z');
    const back = readCard(old);
    expect(back.version).toBe('3.0');
    expect(back.model.urls[0]!.value).toBe('https://example.com/a,b;c\\d');
    expect(back.photo).toEqual(photo);
  });

  it('streams many cards one after another', async () => {
    async function* two() {
      yield stored;
      yield stored;
    }
    const parts: string[] = [];
    for await (const part of exportCards(two(), '4.0')) parts.push(part);
    expect(parts.join('').match(/BEGIN:VCARD/g)).toHaveLength(2);
  });

  it('reads the version asked for', () => {
    expect([null, '', '4.0', '3.0', '3', '2.1'].map(exportVersion)).toEqual([
      '4.0',
      '4.0',
      '4.0',
      '3.0',
      '3.0',
      null,
    ]);
  });
});
