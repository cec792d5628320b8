import { describe, expect, it } from 'vitest';
import { inCountry } from './country-name';

describe('inCountry', () => {
  it('names the country, with "the" where English puts it', () => {
    expect(inCountry('US')).toBe('the United States');
    expect(inCountry('GB')).toBe('the United Kingdom');
    expect(inCountry('NL')).toBe('the Netherlands');
    expect(inCountry('DE')).toBe('Germany');
    expect(inCountry('FR')).toBe('France');
  });

  it('gives back a code it cannot name', () => {
    expect(inCountry('XY')).toBe('XY');
    expect(inCountry('not a code')).toBe('not a code');
  });
});
