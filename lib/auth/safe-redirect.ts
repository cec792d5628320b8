const MAX_NEXT = 2048;

/**
 * Where to go after sign-in: `next` only if it is a same-origin path (one leading "/", no "//",
 * no backslash, no scheme, no control characters (C0 or C1), also after decoding, and at most 2,048
 * characters before and after the URL parser's normalization); otherwise "/".
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT) return '/';
  let decoded = next;
  // Decode until stable (bounded), so %2F%2F and %252F%252F are judged as the browser would.
  for (let i = 0; i < 3; i++) {
    try {
      const once = decodeURIComponent(decoded);
      if (once === decoded) break;
      decoded = once;
    } catch {
      return '/';
    }
  }
  for (const candidate of [next, decoded]) {
    if (!candidate.startsWith('/')) return '/';
    if (candidate.startsWith('//')) return '/';
    if (candidate.includes('\\')) return '/';
    if (/[\u0000-\u001f\u007f-\u009f\s]/.test(candidate)) return '/';
  }
  // The URL parser is the final judge: the path must stay on this origin.
  const base = 'http://contact-cards.invalid';
  try {
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments turn "/.//evil.example" into "//evil.example": the result is judged too. And
    // the parser percent-encodes what it must (é → %C3%A9), so the result can outgrow the cap:
    // what comes back must pass this function again unchanged (found by the property test).
    return path.startsWith('//') || path.length > MAX_NEXT ? '/' : path;
  } catch {
    return '/';
  }
}
