import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from './cross-site';

const h = (init: Record<string, string>) => new Headers({ host: 'cards.example', ...init });

describe('isCrossSiteWrite', () => {
  it('lets reads through whatever their origin', () => {
    expect(
      isCrossSiteWrite(
        'GET',
        h({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
      ),
    ).toBe(false);
    expect(isCrossSiteWrite('HEAD', h({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });

  it('accepts a same-origin post and one without browser headers', () => {
    expect(
      isCrossSiteWrite(
        'POST',
        h({ origin: 'http://cards.example', 'sec-fetch-site': 'same-origin' }),
      ),
    ).toBe(false);
    expect(isCrossSiteWrite('POST', h({}))).toBe(false);
  });

  it('accepts the host a trusted proxy forwarded', () => {
    expect(
      isCrossSiteWrite(
        'POST',
        h({
          host: 'app:3000',
          'x-forwarded-host': 'cards.example',
          origin: 'https://cards.example',
        }),
      ),
    ).toBe(false);
  });

  it.each([
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['a foreign port', { origin: 'http://cards.example:8080' }],
    ['Origin: null', { origin: 'null' }],
    ['a malformed origin', { origin: 'not a url' }],
    ['cross-site fetch metadata', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site', origin: 'https://x.cards.example' }],
  ])('refuses %s', (_name, headers) => {
    expect(isCrossSiteWrite('POST', h(headers))).toBe(true);
    expect(isCrossSiteWrite('delete', h(headers))).toBe(true);
  });
});
