/** A ?page= value: a whole number from 1 to 10,000, else 1 (the address is typed by anyone). */
export function pageParam(raw: string | string[] | undefined): number {
  const n = Number((Array.isArray(raw) ? raw[0] : raw) || 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 10_000) : 1;
}
