import { describe, expect, it } from 'vitest';
import { FALLBACK_LOCALE, negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it('takes the most preferred English variant the runtime formats exactly', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en-US');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en-GB');
    expect(negotiateLocale('fr-FR, en-AU;q=0.8, en-US;q=0.5')).toBe('en-AU');
    expect(negotiateLocale('en-US;q=0.4, en-IN;q=0.9')).toBe('en-IN');
    expect(negotiateLocale('EN-gb')).toBe('en-GB');
    expect(negotiateLocale('en')).toBe('en-US');
  });

  it('falls back to en-GB when no English is asked for, or nothing at all', () => {
    expect(FALLBACK_LOCALE).toBe('en-GB');
    for (const header of [null, undefined, '', 'de-DE,de;q=0.9', '*', 'fr;q=1, ja;q=0.5']) {
      expect(negotiateLocale(header)).toBe('en-GB');
    }
  });

  it('keeps only language and region: extensions cannot change the calendar or digits', () => {
    expect(negotiateLocale('en-US-u-ca-islamic-nu-arab')).toBe('en-US');
    expect(negotiateLocale('en-GB-x-private')).toBe('en-GB');
    expect(negotiateLocale('en-Latn-GB')).toBe('en-GB');
  });

  it('skips what it cannot trust: hostile and malformed headers give a safe answer', () => {
    const cases: [string, string][] = [
      ['en-ZZ, en-US;q=0.5', 'en-US'], // a region Intl does not know is not guessed at
      ['en-US;q=0', FALLBACK_LOCALE], // q=0 means "not this"
      ['en-US;q=2, en-AU;q=0.1', 'en-AU'], // an impossible weight drops that range
      ['en-US;q=abc', FALLBACK_LOCALE],
      ['en-US;q=0.5;x=1', FALLBACK_LOCALE],
      ['en_US', FALLBACK_LOCALE],
      ['<script>alert(1)</script>', FALLBACK_LOCALE],
      ['en-US\u0000', FALLBACK_LOCALE],
      ['ｅｎ-US', FALLBACK_LOCALE],
      ['en-GB-aaaaaaaaa', FALLBACK_LOCALE], // a subtag over 8 characters
      ['i-klingon, en-us-boont', 'en-US'],
      [',,,;;;,', FALLBACK_LOCALE],
    ];
    for (const [header, expected] of cases) expect(negotiateLocale(header), header).toBe(expected);
  });

  it('reads only the start of a very long header and stays fast', () => {
    const tail = ', en-US'.repeat(1_000);
    const started = performance.now();
    expect(negotiateLocale(`${'de;q=0.5, '.repeat(100_000)}en-US`)).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale(`${'x-a, '.repeat(20)}${tail}`)).toBe(FALLBACK_LOCALE);
    expect(negotiateLocale(`fr${tail}`)).toBe('en-US');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
