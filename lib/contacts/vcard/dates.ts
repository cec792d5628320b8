/** Dates as exporters write them, to the model's YYYY-MM-DD / --MM-DD, and back. */

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function valid(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year !== null && year < 1) return false;
  if (month === 2 && day === 29 && year !== null) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }
  return day <= (DAYS[month - 1] ?? 0);
}

const FULL = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;

/**
 * A date value to the model's form: `YYYY-MM-DD`, `YYYYMMDD` and either with a time give
 * `YYYY-MM-DD`; `--MMDD`, `--MM-DD` and Apple's year 1604 give `--MM-DD`; anything else is text,
 * kept as given.
 */
export function readDate(value: string, omitYear?: string): string {
  const v = value.trim();
  const full = FULL.exec(v);
  if (full) {
    const [, y = '', m = '', d = ''] = full;
    const year = y === omitYear || y === '1604' ? null : Number(y);
    if (!valid(year, Number(m), Number(d))) return value;
    return year === null ? `--${m}-${d}` : `${y}-${m}-${d}`;
  }
  const noYear = NO_YEAR.exec(v);
  if (noYear) {
    const [, m = '', d = ''] = noYear;
    return valid(null, Number(m), Number(d)) ? `--${m}-${d}` : value;
  }
  return value;
}

type WrittenDate =
  | { kind: 'full'; year: string; month: string; day: string }
  | { kind: 'no-year'; month: string; day: string }
  | { kind: 'text' };

/** What kind of date a model value is: the writer spells each kind per version. */
export function dateKind(value: string): WrittenDate {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (full) {
    const [, year = '', month = '', day = ''] = full;
    if (year !== '1604' && valid(Number(year), Number(month), Number(day))) {
      return { kind: 'full', year, month, day };
    }
  }
  const noYear = /^--(\d{2})-(\d{2})$/.exec(value);
  if (noYear) {
    const [, month = '', day = ''] = noYear;
    if (valid(null, Number(month), Number(day))) return { kind: 'no-year', month, day };
  }
  return { kind: 'text' };
}
