import { describe, expect, it } from 'vitest';
import { monthDayOfDate, nextBirthday, whenText } from './next-birthday';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const next = (md: number, birthday: string | null, today: string) => {
  const n = nextBirthday(md, birthday, day(today));
  return { date: n.date.toISOString().slice(0, 10), days: n.days, age: n.age };
};

describe('nextBirthday', () => {
  it('today, later this year, or next year once it has passed', () => {
    expect(next(905, '1999-09-05', '2026-09-05')).toEqual({ date: '2026-09-05', days: 0, age: 27 });
    expect(next(906, null, '2026-09-05')).toEqual({ date: '2026-09-06', days: 1, age: undefined });
    expect(next(904, '1999-09-04', '2026-09-05')).toEqual({
      date: '2027-09-04',
      days: 364,
      age: 28,
    });
    // Late December looks into January.
    expect(next(102, '2000-01-02', '2026-12-30')).toEqual({ date: '2027-01-02', days: 3, age: 27 });
  });

  it('reads only the UTC date of "today": the time of day does not matter', () => {
    const late = nextBirthday(905, null, new Date('2026-09-05T23:59:59Z'));
    expect(late.days).toBe(0);
  });

  it('29 February: kept on 28 February in other years, on the 29th in leap years', () => {
    // 2027 has no 29 February: the birthday is on the 28th, today on the 28th.
    expect(next(229, '2000-02-29', '2027-02-28')).toEqual({ date: '2027-02-28', days: 0, age: 27 });
    expect(next(229, '2000-02-29', '2027-02-27')).toEqual({ date: '2027-02-28', days: 1, age: 27 });
    // On 1 March 2027 it has passed: the next is 29 February 2028, a leap year.
    expect(next(229, '2000-02-29', '2027-03-01')).toEqual({
      date: '2028-02-29',
      days: 365,
      age: 28,
    });
    // In a leap year, 28 February and 29 February are different days.
    expect(next(229, null, '2028-02-28')).toEqual({ date: '2028-02-29', days: 1, age: undefined });
    expect(next(228, null, '2028-02-29')).toEqual({
      date: '2029-02-28',
      days: 365,
      age: undefined,
    });
    // 2100 is not a leap year.
    expect(next(229, '2096-02-29', '2100-01-01').date).toBe('2100-02-28');
  });

  it('the order of month-days is the order of next occurrences (what the SQL sorts by)', () => {
    for (const today of ['2027-02-28', '2027-03-01', '2028-02-29', '2026-12-31', '2026-01-01']) {
      const t = day(today);
      const start = monthDayOfDate(t);
      const mds = [101, 228, 229, 301, 615, 1231];
      const sqlOrder = [...mds].sort((a, b) => Number(a < start) - Number(b < start) || a - b);
      const byDays = [...mds].sort(
        (a, b) => nextBirthday(a, null, t).days - nextBirthday(b, null, t).days || a - b,
      );
      expect(sqlOrder, today).toEqual(byDays);
    }
  });

  it('says when in words', () => {
    expect([0, 1, 12].map(whenText)).toEqual(['today', 'tomorrow', 'in 12 days']);
  });
});
