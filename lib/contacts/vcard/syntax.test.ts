import { describe, expect, it } from 'vitest';
import { readCard, readVCardFile } from './read';
import { vcf } from './test-files';

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'];

describe('line syntax', () => {
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ] as const) {
    it(`reads ${name} line ends with space and tab folds`, () => {
      const file = vcf(card('FN:Jo', ' hn', '\t Smith', 'NOTE:a\\nb\\Nc'), eol);
      const [c] = readVCardFile(file, 1).cards;
      expect(c!.model.formattedName).toBe('John Smith');
      expect(c!.model.note).toBe('a\nb\nc');
    });
  }

  it('reads TYPE in every spelling, lower-case names and PREF', () => {
    const c = readCard(
      card(
        'tel;type=work,voice:1',
        'TEL;TYPE=home;TYPE=pref:2',
        'TEL;TYPE="cell,voice":3',
        'TEL;WORK;VOICE:4',
        'item1.tel:5',
        'ITEM1.X-ABLABEL:_$!<Main>!$_',
        'email;pref=1:a@x.example',
        'email;pref=2;type=home:b@x.example',
      ).join('\r\n'),
    );
    expect(c.model.phones).toEqual([
      { value: '1', label: 'work', pref: false },
      { value: '2', label: 'home', pref: true },
      { value: '3', label: 'mobile', pref: false },
      { value: '4', label: 'work', pref: false },
      { value: '5', label: 'main', pref: false },
    ]);
    expect(c.model.emails.map((e) => e.pref)).toEqual([true, false]);
  });

  it('unescapes text and splits structured values only on unescaped separators', () => {
    const c = readCard(
      card(
        'N:O\\;Brien;Ann\\,Marie;;;',
        'ORG:A\\, B;C;D',
        'CATEGORIES:one,two\\,three,,four',
        'URL:http\\://x.example/?a=1\\,2',
        'NOTE:back\\\\slash \\q kept',
      ).join('\n'),
    );
    expect(c.model.name).toMatchObject({ family: 'O;Brien', given: 'Ann,Marie' });
    expect(c.model).toMatchObject({ organization: 'A, B', department: 'C, D' });
    expect(c.model.labels).toEqual(['one', 'two,three', 'four']);
    expect(c.model.urls[0]!.value).toBe('http://x.example/?a=1,2');
    expect(c.model.note).toBe('back\\slash \\q kept');
  });

  it('reads dates in every spelling and keeps text as text', () => {
    const read = (line: string) => readCard(card(line).join('\r\n')).model.birthday;
    expect(read('BDAY:1985-04-12')).toBe('1985-04-12');
    expect(read('BDAY:19850412')).toBe('1985-04-12');
    expect(read('BDAY:1985-04-12T10:00:00Z')).toBe('1985-04-12');
    expect(read('BDAY:19850412T100000')).toBe('1985-04-12');
    expect(read('BDAY:--0412')).toBe('--04-12');
    expect(read('BDAY:--04-12')).toBe('--04-12');
    expect(read('BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12')).toBe('--04-12');
    expect(read('BDAY:0012-02-29')).toBe('0012-02-29');
    expect(read('BDAY:1900-02-29')).toBe('1900-02-29'); // not a leap year: kept as text
    expect(read('BDAY:12/04/1985')).toBe('12/04/1985');
    expect(read('BDAY;VALUE=text:circa 1800\\, spring')).toBe('circa 1800, spring');
    expect(read('BDAY;VALUE=text:19850412')).toBe('19850412');
  });
});

describe('broken cards', () => {
  it('reports a card with no END:VCARD alone; the next BEGIN starts fresh', () => {
    const file = vcf([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Cut Short',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Whole',
      'garbage without a colon',
      'TEL:1',
      'END:VCARD',
      'stray text',
      'BEGIN:VCARD',
      'FN:Last, unterminated',
    ]);
    const { cards, problems } = readVCardFile(file, 10);
    expect(cards.map((c) => c.model.formattedName)).toEqual(['Whole']);
    expect(cards[0]!.model.phones[0]!.value).toBe('1');
    expect(cards[0]!.where).toBe('Card 2 (line 4)');
    expect(cards[0]!.problems).toEqual([
      { where: 'Card 2 (line 4), Whole', reason: 'line 7: a line without ":" was ignored' },
    ]);
    expect(problems).toEqual([
      { where: 'Card 1 (line 1)', reason: 'it has no END:VCARD; not imported.' },
      { where: 'Line 10', reason: 'a line outside any card was ignored' },
      { where: 'Card 3 (line 11)', reason: 'it has no END:VCARD; not imported.' },
    ]);
  });

  it('gives an empty card with a problem when a stored text holds no card', () => {
    const c = readCard('not a card');
    expect(c.model.formattedName).toBe('');
    expect(c.problems.length).toBeGreaterThan(0);
  });
});

describe('lenient line syntax', () => {
  it('reads blank lines between folded lines (CR CR LF files) and an unclosed quote', () => {
    const c = readCard(
      ['begin : vcard', 'VERSION:3.0', 'FN:Jo', '', ' hn', 'X-A;X-B="x:y', 'End:VCard '].join(
        '\r\n',
      ),
    );
    expect(c.model.formattedName).toBe('John');
    expect(c.problems).toEqual([]);
    expect(c.rest.properties).toEqual([{ group: '', name: 'X-A', params: ';X-B="x', value: 'y' }]);
  });
});
