// The prerendered login page's hand-over between the custom server (server/static-login.ts) and
// the middleware. Loaded by Node directly (from server/) as well as by the bundler: erasable
// TypeScript only, no imports, and `.mts` so that Node reads it as an ES module without guessing
// (a guess prints a warning naming the file, into the log).

/** The login page as prerendered at build time (app/(auth)/login/static/page.tsx). */
export const STATIC_LOGIN_PATH = '/login/static';
/**
 * How the custom server hands the middleware that page's inline-script hashes, read from the
 * build at start-up (server/static-login.ts). Unset (`next dev`, `next start`): no static page.
 */
export const STATIC_LOGIN_HASHES_VARIABLE = 'CONTACT_CARDS_STATIC_LOGIN_HASHES';

/** The hashes the custom server handed over, or null when it handed over none (or garbage). */
export function staticLoginHashes(): string[] | null {
  const hashes = (process.env[STATIC_LOGIN_HASHES_VARIABLE] ?? '').split(' ').filter(Boolean);
  const wellFormed = hashes.every((hash) => /^sha256-[A-Za-z0-9+/]{43}=$/.test(hash));
  return hashes.length > 0 && wellFormed ? hashes : null;
}
