import { describe, expect, it } from 'vitest';
import {
  escapeLike,
  foldText,
  monthDayOf,
  nameSortKey,
  phoneDigits,
  searchPatterns,
  searchTextFor,
} from './normalize';

describe('search normalization', () => {
  it('folds case, accents, compatibility forms and spaces', () => {
    expect(foldText('  Zoë   ÅSTRÖM ')).toBe('zoe astrom');
    expect(foldText('François Ørsted-Ñúñez')).toBe('francois orsted-nunez');
    expect(foldText('ｆｕｌｌｗｉｄｔｈ ﬁ')).toBe('fullwidth fi');
  });

  it('spells Latin letters without a decomposition in ASCII', () => {
    expect(foldText('ø Ø ł Ł đ Đ æ Æ ß œ Œ ð þ')).toBe('o o l l d d ae ae ss oe oe d th');
    expect(foldText('Østergaard')).toContain(foldText('ostergaard'));
    expect(foldText('Łukasz Nowak')).toContain(foldText('lukasz'));
    expect(foldText('Hauptstraße 5')).toContain(foldText('strasse'));
    expect(foldText('Þórunn Æsa')).toBe('thorunn aesa');
  });

  it('strips marks before transliterating: Müller folds to muller, not mueller', () => {
    expect(foldText('Müller')).toBe('muller');
    expect(foldText('MÜLLER')).toBe(foldText('muller'));
  });

  it('leaves other scripts as typed, so a search in them still matches', () => {
    expect(foldText('日本 太郎')).toBe('日本 太郎');
    expect(foldText('山田 Łukasz 日本')).toBe('山田 lukasz 日本');
    const stored = foldText('Дмитрий Иванов');
    expect(stored).toContain(foldText('Дмитрий'));
    expect(stored).toContain(foldText('иванов'));
    expect(stored).not.toMatch(/[a-z]/);
  });

  it('keeps only digits of phone numbers', () => {
    expect(phoneDigits('+1 (213) 373-4253')).toBe('12133734253');
  });

  it('sorts by last name, then first name, folded', () => {
    expect(nameSortKey('Ada', 'Lovelace')).toBe('lovelace ada');
    expect(nameSortKey('Émile', '')).toBe('emile');
    expect(nameSortKey('', 'Ångström')).toBe('angstrom');
  });

  it('builds search text from names, email and every phone spelling', () => {
    expect(
      searchTextFor({
        firstName: 'Zoë',
        lastName: 'Ångström',
        email: 'Zoe@Example.org',
        phones: ['+1 213 373 4253', '(213) 373-4253', ''],
      }),
    ).toBe('zoe angstrom zoe@example.org 12133734253 2133734253');
  });

  it('turns a query into one folded pattern per word', () => {
    expect(searchPatterns('  ZOË   angström ')).toEqual(['%zoe%', '%angstrom%']);
    expect(searchPatterns('zoe zoe')).toEqual(['%zoe%']);
    expect(searchPatterns('   ')).toEqual([]);
  });

  it('matches phone-looking queries by digits alone', () => {
    expect(searchPatterns('(213) 373-4253')).toEqual(['%2133734253%']);
    expect(searchPatterns('+44 20')).toEqual(['%4420%']);
    // Too few digits to be a phone search: plain words.
    expect(searchPatterns('12')).toEqual(['%12%']);
  });

  it('escapes LIKE wildcards so input is matched literally', () => {
    expect(escapeLike('100%_\\x')).toBe('100\\%\\_\\\\x');
    expect(searchPatterns("50% o'brien_")).toEqual(['%50\\%%', "%o'brien\\_%"]);
  });

  it('drops control characters, which stored text never holds (and PostgreSQL refuses NUL)', () => {
    expect(searchPatterns('a\u0000b\u0007')).toEqual(['%ab%']);
    expect(searchPatterns('\u0000')).toEqual([]);
  });

  it('caps the number of words and the length of a query', () => {
    expect(searchPatterns('a b c d e f g h')).toHaveLength(6);
    expect(searchPatterns('x'.repeat(500))[0]).toHaveLength(102);
  });

  it('derives month and day of a birthday', () => {
    expect(monthDayOf('1985-04-12')).toBe(412);
    expect(monthDayOf('12-31')).toBe(1231);
    expect(monthDayOf('')).toBeNull();
    expect(monthDayOf(null)).toBeNull();
  });
});
