import { describe, expect, it } from 'vitest';
import { initials } from './contact-avatar';

describe('initials', () => {
  it('takes the first and last words, in capitals, any script', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada augusta king lovelace')).toBe('AL');
    expect(initials('Łukasz')).toBe('Ł');
    expect(initials('ACME (Europe)')).toBe('AE');
    expect(initials('日本 太郎')).toBe('日太');
    expect(initials('(no name)')).toBe('NN');
    expect(initials('')).toBe('');
  });
});
