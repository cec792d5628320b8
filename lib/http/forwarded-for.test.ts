import { describe, expect, it } from 'vitest';
import {
  forwardedClientAddress,
  forwardedHttps,
  socketClientAddress,
  trustedHopsFrom,
} from './forwarded-for.mts';

describe('forwardedClientAddress', () => {
  it('believes nothing when no proxy is trusted', () => {
    expect(forwardedClientAddress('203.0.113.9', 0)).toBeUndefined();
  });

  it('takes the address the outermost trusted proxy saw, ignoring what the client prepended', () => {
    expect(forwardedClientAddress('6.6.6.6, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(forwardedClientAddress('6.6.6.6, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    // Node joins repeated headers with commas; a list of values counts the same.
    expect(forwardedClientAddress(['6.6.6.6', ' 198.51.100.7 '], 1)).toBe('198.51.100.7');
  });

  it('takes the leftmost address when there are fewer hops than trusted proxies', () => {
    expect(forwardedClientAddress('198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('gives nothing for a missing or empty header, and caps the length', () => {
    expect(forwardedClientAddress(null, 1)).toBeUndefined();
    expect(forwardedClientAddress(' , ', 1)).toBeUndefined();
    expect(forwardedClientAddress('x'.repeat(500), 1)).toHaveLength(64);
  });
});

describe('socketClientAddress and trustedHopsFrom', () => {
  it('writes IPv4-mapped addresses as IPv4', () => {
    expect(socketClientAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(socketClientAddress('::1')).toBe('::1');
    expect(socketClientAddress(undefined)).toBe('unknown');
  });

  it('reads TRUST_PROXY as lib/config.ts does for valid values, and as none otherwise', () => {
    expect([undefined, '', '0', 'false', 'nonsense', '-1', '1.5'].map(trustedHopsFrom)).toEqual([
      0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(['true', '1', '2'].map(trustedHopsFrom)).toEqual([1, 1, 2]);
  });
});

describe('forwardedHttps', () => {
  it('reads the first value of X-Forwarded-Proto, as the middleware does', () => {
    expect(['https', ' https , http', ['https', 'http']].map(forwardedHttps)).toEqual([
      true,
      true,
      true,
    ]);
    expect(
      [undefined, 'http', 'http, https', 'HTTPS', '', ['http', 'https']].map(forwardedHttps),
    ).toEqual([false, false, false, false, false, false]);
  });
});
