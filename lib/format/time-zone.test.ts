import { describe, expect, it } from 'vitest';
import { isTimeZone, todayIn } from './time-zone';

describe('the visitor’s today', () => {
  // 23:30 UTC on 31 December 2026: already 1 January in Tokyo, still 31 December in New York.
  const now = new Date('2026-12-31T23:30:00Z');

  it('is the date in their zone, as its UTC midnight', () => {
    expect(todayIn('UTC', now).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(todayIn('Asia/Tokyo', now).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(todayIn('America/New_York', now).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(todayIn('Pacific/Kiritimati', new Date('2026-02-28T11:00:00Z')).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
  });

  it('takes only zone names the runtime knows', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Etc/GMT+5')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Europe/Paris; path=/')).toBe(false);
    expect(isTimeZone('x'.repeat(65))).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });

  it('stays right for every zone, however many have been asked for', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(64);
    for (const zone of zones) expect(isTimeZone(zone), zone).toBe(true);
    expect(todayIn('Asia/Tokyo', now).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(todayIn(zones[0]!, now).getUTCFullYear()).toBeGreaterThanOrEqual(2026);
  });
});
