import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { Notes } from './notes';
import { importSummary } from './summary';

describe('importSummary', () => {
  it('says what happened to every record', () => {
    expect(importSummary({ added: 1200, updated: 1, unchanged: 0, restored: 0 }, 2)).toBe(
      '1,200 added, 1 updated, 0 unchanged, 2 skipped',
    );
    expect(importSummary({ added: 0, updated: 1, unchanged: 5, restored: 1 }, 0)).toBe(
      '0 added, 2 updated, 5 unchanged, 0 skipped (1 restored from Trash)',
    );
  });

  it('lists the first notes and counts the rest', () => {
    const notes = new Notes(2);
    for (const line of ['a', 'b', 'c', 'd']) notes.add(line);
    expect(notes.toJSON()).toEqual({ lines: ['a', 'b'], more: 2 });
  });
});

describe('detectFormat', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  it('knows a vCard by its first line whatever the name, else by the name', () => {
    expect(detectFormat('contacts.csv', utf8('\ufeff\r\nbegin:vcard\r\n'))).toBe('vcard');
    expect(detectFormat('export.VCF', utf8('garbage'))).toBe('vcard');
    expect(detectFormat('contacts.txt', utf8('Name,E-mail 1 - Value\r\n'))).toBe('csv');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'BEGIN:VCARD'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(detectFormat('x', utf16)).toBe('vcard');
  });
});
