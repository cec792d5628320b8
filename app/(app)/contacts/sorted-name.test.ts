import { describe, expect, it } from 'vitest';
import { sortedNameParts } from './sorted-name';

const ada = { displayName: 'Ada Lovelace', givenName: 'Ada', familyName: 'Lovelace' };

describe('sortedNameParts', () => {
  it('finds the part the list is sorted by', () => {
    expect(sortedNameParts(ada, 'last')).toEqual(['Ada ', 'Lovelace', '']);
    expect(sortedNameParts(ada, 'first')).toEqual(['', 'Ada', ' Lovelace']);
  });

  it('takes the family name from the end and the given name from the start', () => {
    const twice = { displayName: 'Max Max', givenName: 'Max', familyName: 'Max' };
    expect(sortedNameParts(twice, 'last')).toEqual(['Max ', 'Max', '']);
    expect(sortedNameParts(twice, 'first')).toEqual(['', 'Max', ' Max']);
  });

  it('shows a name plain when the part is missing or not in the shown name', () => {
    expect(sortedNameParts({ ...ada, familyName: '' }, 'last')).toBeNull();
    expect(sortedNameParts({ ...ada, displayName: 'The Countess' }, 'first')).toBeNull();
    const org = { displayName: 'Acme Ltd', givenName: '', familyName: '' };
    expect(sortedNameParts(org, 'first')).toBeNull();
  });
});
