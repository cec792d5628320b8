import { describe, expect, it } from 'vitest';
import { person } from '../store/test-helpers';
import { mergeModels, mostComplete, type MergeSource } from './merge-model';

const source = (id: string, model: MergeSource['model'], flags: MergeSource['flags'] = []) => ({
  id,
  model,
  flags,
  hasPhoto: false,
});

describe('the merged model', () => {
  const a = source('a', {
    ...person({ given: 'Ada', family: 'Lovelace', phones: ['+1 213 373 4253'], favourite: false }),
    uid: 'urn:uuid:a',
  });
  const b = source(
    'b',
    {
      ...person({
        given: 'Ada',
        family: 'King',
        phones: ['(213) 373-4253', 'not a number'],
        favourite: true,
      }),
      uid: 'urn:uuid:b',
      emails: [{ value: 'ada@example.org', label: 'work', pref: true }],
    },
    [{ field: 'phones', index: 1, value: 'not a number', reason: 'kept as typed' }],
  );
  a.model.emails = [
    { value: 'ADA@example.org', label: 'home', pref: true },
    { value: 'x@example.org', label: '', pref: true },
  ];

  it('keeps one of each value, at most one preferred, the kept UID, a star from either', () => {
    const choices = {
      name: 'b',
      organization: 'a',
      jobTitle: 'a',
      birthday: 'a',
      note: 'a',
      photo: 'a',
    };
    const { model, flags } = mergeModels([a, b], a, choices, 'US');
    expect(model.name.family).toBe('King');
    expect(model.uid).toBe('urn:uuid:a');
    expect(model.favourite).toBe(true);
    expect(model.phones.map((p) => p.value)).toEqual(['+1 213 373 4253', 'not a number']);
    expect(model.emails.map((e) => [e.value, e.pref])).toEqual([
      ['ADA@example.org', true],
      ['x@example.org', false],
    ]);
    // The flag follows its value to its new place in the merged list.
    expect(flags).toEqual([
      { field: 'phones', index: 1, value: 'not a number', reason: 'kept as typed' },
    ]);
  });

  it('keeps the contact with more filled in, the first given on a tie', () => {
    const sparse = source('c', person({ given: 'Ada' }));
    expect(mostComplete([sparse, a]).id).toBe('a');
    expect(mostComplete([a, b]).id).toBe('a');
    expect(mostComplete([b, a]).id).toBe('b');
  });
});
