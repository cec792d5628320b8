import { describe, expect, it } from 'vitest';
import { emptyContact } from '../model';
import { readCard } from './read';
import { mergeRest, restFromExtras } from './rest';
import { restLines } from './test-files';
import { writeCard } from './write';

const card30 = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Geo',
  'GEO:37.386013;-122.082932',
  'KEY;ENCODING=b;TYPE=PGP:AAEC',
  'LOGO;VALUE=uri:https://logo.example/a,b.png',
  'END:VCARD',
].join('\r\n');

describe('rest between versions', () => {
  it('converts GEO and base64 binaries from 3.0 to 4.0 and back', () => {
    const c = readCard(card30);
    const out40 = writeCard(c.model, c.rest, null, '4.0');
    expect(out40).toContain('GEO:geo:37.386013,-122.082932\r\n');
    expect(out40).toContain('KEY:data:application/pgp-keys;base64,AAEC\r\n');
    expect(out40).toContain('LOGO;VALUE=uri:https://logo.example/a,b.png\r\n');
    const c40 = readCard(out40);
    const out30 = writeCard(c40.model, c40.rest, null, '3.0');
    expect(out30).toContain('GEO:37.386013;-122.082932\r\n');
    expect(out30).toContain('KEY;ENCODING=b;TYPE=PGP:AAEC\r\n');
  });

  it('keeps a 3.0 rest unchanged in a 3.0 card', () => {
    const c = readCard(card30);
    const out = writeCard(c.model, c.rest, null, '3.0');
    expect(out).toContain('GEO:37.386013;-122.082932\r\nKEY;ENCODING=b;TYPE=PGP:AAEC\r\n');
  });
});

describe('restFromExtras and mergeRest', () => {
  it('keeps unmapped CSV columns as X- properties that come back', () => {
    const rest = restFromExtras([
      { name: 'Gender', value: 'female' },
      { name: 'Hobby; "main"', value: 'chess, go\nand more' },
      { name: 'Empty', value: '  ' },
    ]);
    const out = writeCard({ ...emptyContact(), formattedName: 'A' }, rest, null, '4.0');
    expect(out).toContain('X-CONTACTCARDS-CSV;X-COLUMN="Gender":female\r\n');
    expect(out).toContain(
      'X-CONTACTCARDS-CSV;X-COLUMN="Hobby; ^\'main^\'":chess\\, go\\nand more\r\n',
    );
    expect(out).not.toContain('Empty');
    expect(restLines(readCard(out).rest.properties)).toEqual(restLines(rest.properties));
  });

  it('merges without repeating a shared property', () => {
    const a = restFromExtras([{ name: 'A', value: '1' }]);
    const b = restFromExtras([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(restLines(mergeRest(a, b).properties)).toEqual([
      'X-CONTACTCARDS-CSV;X-COLUMN="A":1',
      'X-CONTACTCARDS-CSV;X-COLUMN="B":2',
    ]);
  });

  it('ignores malformed rest entries (the rest may come from a database column)', () => {
    const rest = {
      properties: [null, 7, { name: 'X-A' }, { group: '', name: 'X-B', params: '', value: 'b' }],
    };
    expect(writeCard(emptyContact(), rest, null, '4.0')).toContain('\r\nX-B:b\r\n');
  });
});

describe('a rest that did not come from our reader', () => {
  it('cannot add lines or break names', () => {
    const rest = {
      properties: [
        { group: 'a b', name: 'X-A\r\nEND:VCARD', params: ';X=1\r\n', value: 'v\r\nEND:VCARD' },
      ],
    };
    const out = writeCard(emptyContact(), rest, null, '4.0');
    expect(out.split('\r\n').filter((l) => l === 'END:VCARD')).toHaveLength(1);
    expect(out).toContain('a-b.X-A--END-VCARD;X=1  :v\\nEND:VCARD\r\n');
  });
});
