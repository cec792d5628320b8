/**
 * The locale dates are written in, negotiated from the visitor's Accept-Language header.
 *
 * The interface is in English, so a date uses English month names in the visitor's English
 * variant: "5 Sept 1999" (en-GB, en-AU, en-IN…) or "Sep 5, 1999" (en-US). A visitor who asks for
 * no English variant gets en-GB: day before month reads right in most of the world, and the app
 * wrote dates that way before. A bare "en" means en-US, as it does in the browsers that send it.
 * The header is untrusted input: it is cut short, each range must be a well-formed language tag,
 * and only the language and region survive, so no Unicode extension ("-u-ca-islamic",
 * "-u-nu-arab") can change the calendar or the digits.
 */
export const FALLBACK_LOCALE = 'en-GB';

/** More than any browser sends; the rest of a longer header is ignored. */
const MAX_HEADER_LENGTH = 512;
const MAX_RANGES = 16;
const RANGE = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;
const QUALITY = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;

interface Range {
  tag: string;
  q: number;
}

function parseRanges(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.slice(0, MAX_HEADER_LENGTH).split(',').slice(0, MAX_RANGES)) {
    const [tag = '', ...params] = part.split(';').map((s) => s.trim());
    if (!RANGE.test(tag)) continue;
    let q = 1;
    if (params.length > 1) continue;
    if (params.length === 1) {
      const m = QUALITY.exec(params[0] ?? '');
      if (!m) continue;
      q = Number(m[1]);
    }
    if (q > 0) ranges.push({ tag, q });
  }
  // Array.prototype.sort is stable: equal weights keep the visitor's order.
  return ranges.sort((a, b) => b.q - a.q);
}

/** An English locale this runtime formats exactly as asked (not a fallback), or undefined. */
function englishVariant(tag: string): string | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  if (locale.language !== 'en') return undefined;
  if (!locale.region) return 'en-US';
  const candidate = `en-${locale.region}`;
  const resolved = new Intl.DateTimeFormat(candidate).resolvedOptions().locale;
  return resolved === candidate ? candidate : undefined;
}

/** The locale for dates: the visitor's most preferred English variant, else FALLBACK_LOCALE. */
export function negotiateLocale(acceptLanguage: string | null | undefined): string {
  if (!acceptLanguage) return FALLBACK_LOCALE;
  for (const { tag } of parseRanges(acceptLanguage)) {
    const variant = englishVariant(tag);
    if (variant) return variant;
  }
  return FALLBACK_LOCALE;
}
