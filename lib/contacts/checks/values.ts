import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';

/** The value checks behind checkContact: each says what a value is, or null / 'invalid'. */
const EMAIL_SHAPE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;
const DOMAIN_ONLY = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A plausible email address: something@domain.tld, without spaces or brackets. */
export const isEmail = (value: string) => EMAIL_SHAPE.test(value);

/** Formats a valid phone number internationally ("+1 213 373 4253"); null when it is not one. */
export function formatPhone(typed: string, region: string): string | null {
  const country = isSupportedCountry(region) ? (region as CountryCode) : undefined;
  const number = parsePhoneNumberFromString(typed, country);
  return number?.isValid() ? number.formatInternational() : null;
}

/** https:// added to "www.example.com", http(s) normalised; other schemes as they are. */
export function normalizeUrl(typed: string): string | null {
  if (DOMAIN_ONLY.test(typed)) typed = `https://${typed}`;
  if (!SCHEME.test(typed)) return null;
  if (!/^https?:/i.test(typed)) return /\s/.test(typed) ? null : typed;
  try {
    const url = new URL(typed);
    return url.hostname && !/\s/.test(typed) ? url.href : null;
  } catch {
    return null;
  }
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A date as YYYY-MM-DD or --MM-DD (compact forms and a trailing time accepted); 'invalid' for
 * text, 'future' for a date after `latest`.
 */
export function normalizeDate(typed: string, latest: string | null): string | 'invalid' | 'future' {
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(typed);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < 1 || !isRealDate(y, mo, d)) return 'invalid';
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return latest && iso > latest ? 'future' : iso;
  }
  m = /^--(\d{2})-?(\d{2})$/.exec(typed);
  if (m && isRealDate(2000, Number(m[1]), Number(m[2]))) return `--${m[1]}-${m[2]}`;
  return 'invalid';
}
