/**
 * Usernames: 3 to 32 letters, digits, ".", "_" or "-", unique after NFKC and lower-casing, so
 * "Alice", "ＡＬＩＣＥ" and "alice" are one account. Invisible characters and names that mix
 * scripts are refused, and look-alike letters fold to Latin in the key, so "аlice" with a
 * Cyrillic "а" can neither be registered beside "alice" nor sign in as it.
 */
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;

const SHAPE = /^[\p{L}0-9._-]+$/u;
const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Thai',
  'Hangul',
  'Han',
  'Hiragana',
  'Katakana',
  'Georgian',
  'Ethiopic',
] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
// Japanese writes Han, Hiragana and Katakana together; that is not a spoof.
const JAPANESE = new Set(['Han', 'Hiragana', 'Katakana']);

// Greek and Cyrillic letters that render like Latin ones (from Unicode's confusables list).
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ь: 'b',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};

function scriptsOf(name: string): Set<string> {
  const found = new Set<string>();
  for (const char of name) {
    const match = SCRIPT_RES.find(([, re]) => re.test(char));
    if (match) found.add(match[0]);
    else if (/\p{L}/u.test(char)) found.add('Other');
  }
  return found;
}

/** Why a username is refused, or null. */
export function usernameProblem(typed: string): string | null {
  const name = typed.normalize('NFKC');
  const length = [...name].length;
  // The name is stored as typed (NFC), which can be longer than its NFKC form: half-width
  // "ﾊﾟ" is one character after NFKC and two after NFC. Both must fit.
  const stored = [...typed.normalize('NFC')].length;
  if (length < USERNAME_MIN || length > USERNAME_MAX || stored > USERNAME_MAX) {
    return `Use ${USERNAME_MIN} to ${USERNAME_MAX} characters.`;
  }
  if (!SHAPE.test(name)) return 'Use only letters, digits, dots, underscores and hyphens.';
  const scripts = [...scriptsOf(name)];
  const mixed = scripts.length > 1 && !scripts.every((s) => JAPANESE.has(s));
  if (mixed) return 'Use letters from one alphabet only.';
  return null;
}

/** The uniqueness key: NFKC, lower case, look-alike letters folded to Latin. */
export function usernameKey(typed: string): string {
  const lower = typed.normalize('NFKC').toLowerCase();
  return [...lower].map((c) => LOOKALIKES[c] ?? c).join('');
}
