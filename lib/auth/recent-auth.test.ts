import { describe, expect, it } from 'vitest';
import { confirmPath, isRecentlyAuthenticated } from './recent-auth';

describe('re-authentication before security changes', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  const at = (secondsAgo: number) => ({ authenticatedAt: new Date(now - secondsAgo * 1000) });

  it('lets a sign-in vouch for 15 minutes by default, then asks again', () => {
    expect(isRecentlyAuthenticated(at(0), now)).toBe(true);
    expect(isRecentlyAuthenticated(at(15 * 60 - 1), now)).toBe(true);
    expect(isRecentlyAuthenticated(at(15 * 60), now)).toBe(false);
    expect(isRecentlyAuthenticated(at(3600), now, 7200)).toBe(true);
  });

  it('returns only to this site', () => {
    expect(confirmPath('/account')).toBe('/account/confirm?next=%2Faccount');
    expect(confirmPath('https://evil.example/')).toBe('/account/confirm?next=%2F');
    expect(confirmPath('//evil.example/')).toBe('/account/confirm?next=%2F');
  });
});
