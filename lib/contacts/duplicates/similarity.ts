/**
 * Levenshtein distance between two strings (by UTF-16 code unit: names are folded to ASCII
 * first where they are Latin), with one row of memory.
 */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1).map((_, i) => i);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / the longer length. */
export function nameSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  // The distance is at least the difference in length: skip the work when that alone fails.
  if (1 - Math.abs(a.length - b.length) / longer < NAME_THRESHOLD) return 0;
  return 1 - levenshtein(a, b) / longer;
}

/** "Jon Smith" and "John Smith" (0.9) pass; "Ada King" and "Ida Kong" (0.75) do not. */
export const NAME_THRESHOLD = 0.85;
