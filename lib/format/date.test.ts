import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDay, formatMoment, formatMonthDay } from './date';

describe('one date style', () => {
  it('writes calendar dates with a short month, in the order of the locale', () => {
    expect(formatCalendarDate('1999-09-05', 'en-GB')).toBe('5 Sept 1999');
    expect(formatCalendarDate('1999-09-05', 'en-US')).toBe('Sep 5, 1999');
    expect(formatCalendarDate('--09-05', 'en-GB')).toBe('5 Sept');
    expect(formatCalendarDate('--09-05', 'en-US')).toBe('Sep 5');
    expect(formatCalendarDate('--02-29', 'en-GB')).toBe('29 Feb');
    expect(formatCalendarDate('0042-03-01', 'en-GB')).toBe('1 Mar 42');
  });

  it('leaves what is not a real date to the caller', () => {
    for (const v of ['2023-02-29', '1999-13-01', '1999-00-10', '--04-31', 'spring 1990', '']) {
      expect(formatCalendarDate(v, 'en-GB'), v).toBeUndefined();
    }
  });

  it('month-days and the day of a moment', () => {
    expect(formatMonthDay(412, 'en-GB')).toBe('12 Apr');
    expect(formatMonthDay(1231, 'en-US')).toBe('Dec 31');
    // 23:30 UTC is still 1 December in UTC.
    expect(formatDay(new Date('2026-12-01T23:30:00Z'), 'en-GB')).toBe('1 Dec 2026');
  });

  it('a moment names its time zone: UTC on the server, the given zone otherwise', () => {
    const at = new Date('2026-12-01T19:13:00Z');
    expect(formatMoment(at, 'en-GB', 'UTC')).toBe('1 Dec 2026, 19:13 UTC');
    expect(formatMoment(at, 'en-US', 'UTC')).toBe('Dec 1, 2026, 7:13 PM UTC');
    expect(formatMoment(at, 'en-GB', 'Asia/Kolkata')).toBe('2 Dec 2026, 00:43 GMT+5:30');
  });
});
