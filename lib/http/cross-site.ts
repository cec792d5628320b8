/**
 * A cheap first refusal of cross-site writes, in the middleware. Next's own server-action check
 * (the Origin's host must equal Host or X-Forwarded-Host) stays the boundary; this answers the
 * same attacks with a clear 403 before any action code, and also covers route handlers.
 * Edge-safe: no Node APIs.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a state-changing request comes from another site (or from an opaque origin). */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  // Fetch metadata: every current browser sends it; "same-site" is a sibling subdomain.
  const site = headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = headers.get('origin');
  // No Origin: not a browser (browsers send it on every POST), so no victim's cookies either.
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, data: URLs) and anything malformed
  }
  if (!originHost) return true;
  const hosts = [headers.get('host'), headers.get('x-forwarded-host')?.split(',')[0]?.trim()];
  return !hosts.includes(originHost);
}
