import { describe, expect, it } from 'vitest';
import { groupByLetter, letterId, letterOf } from './letter';

const person = (
  givenName: string,
  familyName: string,
  displayName = `${givenName} ${familyName}`,
) => ({
  givenName,
  familyName,
  displayName,
});

describe('letterOf', () => {
  it('files by the part the list is sorted by, folded as the database sorts', () => {
    expect(letterOf(person('Zoë', 'Ångström'), 'last')).toBe('A');
    expect(letterOf(person('Zoë', 'Ångström'), 'first')).toBe('Z');
    expect(letterOf(person('Łukasz', 'Wójcik'), 'first')).toBe('L');
    expect(letterOf(person('Ada', ''), 'last')).toBe('A');
  });
  it('puts digits, signs and other scripts under #', () => {
    expect(letterOf(person('', '', '42 Club'), 'last')).toBe('#');
    expect(letterOf(person('Иван', 'Петров'), 'last')).toBe('#');
    expect(letterOf(person('', '', ''), 'first')).toBe('#');
  });
});

describe('groupByLetter', () => {
  it('keeps the order and starts a group where the letter changes', () => {
    expect(groupByLetter(['ab', 'ac', 'b', 'a'], (s) => s[0]!)).toEqual([
      ['a', ['ab', 'ac']],
      ['b', ['b']],
      ['a', ['a']],
    ]);
  });
  it('gives # a heading id a fragment can name', () => {
    expect(letterId('#')).toBe('letter-other');
    expect(letterId('Q')).toBe('letter-Q');
  });
});
