import { describe, expect, it } from 'vitest';
import { avatarHue, initials } from './contact-avatar';

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

describe('avatarHue', () => {
  it('gives a name the same one of the 12 hues every time', () => {
    const hue = avatarHue('Ada Lovelace');
    expect(hue).toBe(avatarHue('Ada Lovelace'));
    expect(hue).toBeGreaterThanOrEqual(0);
    expect(hue).toBeLessThan(12);
    const hues = new Set(['Ada', 'Alan', 'Grace', 'Hedy', 'Tim', 'Zoë'].map(avatarHue));
    expect(hues.size).toBeGreaterThan(2);
  });
});
