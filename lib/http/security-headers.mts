/**
 * The per-request security headers the middleware adds (the static ones are in next.config.js).
 * Edge-safe: no Node APIs. Why each directive is there: docs/security.md.
 */

/** A fresh 128-bit nonce, base64: unguessable, and never reused across responses. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  /** For a page rendered now: a fresh nonce, which Next puts on every script it writes… */
  nonce?: string;
  /** …or for a page prerendered at build time: the hashes of its inline scripts. */
  scriptHashes?: readonly string[];
  /** `next dev` evaluates code for its error overlay and call stacks; production never does. */
  dev: boolean;
  https: boolean;
}

/**
 * The Content-Security-Policy. Next reads the nonce from the request's copy of this header and
 * puts it on every script it writes; 'strict-dynamic' lets those scripts load the app's chunks,
 * and nothing else runs: no inline handler, no injected <script>, no other origin.
 */
export function contentSecurityPolicy({ nonce, scriptHashes, dev, https }: CspOptions): string {
  // A prerendered page's chunks are plain <script src> tags with no nonce: 'self' loads them
  // (nosniff keeps any other file of ours from running as a script), and its inline scripts run
  // only if their hash is listed. No 'strict-dynamic' there: it would ignore 'self'.
  const scripts = scriptHashes
    ? ["'self'", ...scriptHashes.map((hash) => `'${hash}'`)]
    : ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  const directives = [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}${dev ? " 'unsafe-eval'" : ''}`,
    // Next links its CSS files; nonce for any <style> it writes; no style attributes.
    `style-src 'self'${scriptHashes ? '' : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/**
 * For an answer that is not a page (a redirect, a refusal in plain text): nothing in it may run,
 * load or frame anything, so it needs no nonce.
 */
export const NOTHING_RUNS_POLICY =
  "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** HSTS for a year, subdomains included; sent only over https (a browser ignores it over http). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** For anything rendered with a session: no shared or browser cache may keep a copy. */
export const NO_STORE = 'private, no-cache, no-store, max-age=0, must-revalidate';
