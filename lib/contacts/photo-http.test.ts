import { describe, expect, it } from 'vitest';
import { photoCacheControl, photoMatches, photoUrl } from './photo-http';

describe('photo HTTP helpers', () => {
  it('matches If-None-Match lists, weak tags and *', () => {
    expect(photoMatches('"abc"', 'abc')).toBe(true);
    expect(photoMatches('"x", W/"abc"', 'abc')).toBe(true);
    expect(photoMatches('*', 'abc')).toBe(true);
    expect(photoMatches('"abcd"', 'abc')).toBe(false);
    expect(photoMatches('abc', 'abc')).toBe(false);
    expect(photoMatches(null, 'abc')).toBe(false);
  });

  it('caches for good only a URL naming the current ETag', () => {
    expect(photoCacheControl('abc', 'abc')).toContain('immutable');
    expect(photoCacheControl('old', 'abc')).toBe('private, max-age=0, must-revalidate');
    expect(photoCacheControl(null, 'abc')).toMatch(/^private, max-age=0/);
    expect(photoUrl('id 1', 'abc')).toBe('/contacts/id%201/photo?v=abc');
  });
});
