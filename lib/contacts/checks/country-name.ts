/** Countries whose English name takes "the" ("in the United States", "in the Netherlands"). */
const WITH_THE = new Set([
  'AE',
  'BS',
  'CD',
  'CF',
  'CG',
  'CK',
  'DO',
  'FK',
  'FO',
  'GB',
  'GM',
  'KM',
  'KY',
  'MH',
  'MV',
  'NL',
  'PH',
  'SB',
  'TC',
  'US',
  'VA',
  'VG',
  'VI',
]);

/**
 * A region code as it reads after "in": "the United States" for US, "Germany" for DE. Unknown
 * codes are returned as they are, so a message never breaks.
 */
export function inCountry(region: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(region);
  } catch {
    name = undefined; // not a well-formed code
  }
  if (!name) return region;
  return WITH_THE.has(region.toUpperCase()) ? `the ${name}` : name;
}
