/**
 * Which paths the middleware lets anonymous visitors reach. Protected by default: every route of
 * the app is protected except the named public ones below. A path that is no route at all is
 * "unknown" and goes on to Next, which renders app/not-found.tsx (404) for everyone.
 * Runs on the Edge runtime, and in the custom server (server/sign-in-redirect.ts), which Node
 * loads without a bundler: no Node APIs, no imports, erasable TypeScript, `.mts` (as
 * lib/http/static-login.mts explains).
 */
export type RouteAccess = 'public' | 'protected' | 'unknown';

/** The whole list of paths anyone may load. Adding to it is a security decision. */
export const PUBLIC_PATHS: readonly string[] = [
  '/login',
  // The same page prerendered, which middleware.ts serves for a plain /login.
  '/login/static',
  // The ways back in when the password is lost (docs/security/password-reset.md).
  '/login/forgot',
  '/login/forgot/sent',
  '/login/reset',
  '/login/recover',
  // The sign-in's second step: it checks its own pending sign-in cookie.
  '/login/code',
  '/register',
  '/logout',
  '/api/health',
  // The 404 page, and files the browser asks for on its own.
  '/_not-found',
  '/icon.svg',
  '/favicon.ico',
  '/robots.txt',
];
/** Next's build assets (/_next/static/…, /_next/image). */
const PUBLIC_PREFIXES: readonly string[] = ['/_next/'];

/**
 * The app's route patterns ("/contacts/[id]"), found in app/ by next.config.js at build time
 * (lib/http/app-routes.js) and inlined here by Next's `env`: a build constant, not configuration.
 */
const BUILT_ROUTES: readonly string[] = JSON.parse(process.env.APP_ROUTE_PATTERNS ?? '[]');

/**
 * The path as the router will see it: percent-escapes decoded, backslashes and repeated slashes
 * made single slashes, dot segments resolved, a trailing slash and RSC suffixes removed.
 * Null when it cannot be decoded.
 */
export function normalizePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const segment of decoded.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const path = `/${out.join('/')}`
    .replace(/\.segments\/.*$/, '')
    .replace(/(\.prefetch)?\.rsc$/, '');
  return path === '/index' ? '/' : path;
}

function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .slice(1)
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:/[^/]+)*';
      if (/^\[\.\.\..+\]$/.test(segment)) return '(?:/[^/]+)+';
      if (/^\[.+\]$/.test(segment)) return '/[^/]+';
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return new RegExp(`^${source || '/'}$`);
}

const compiled = new Map<readonly string[], RegExp[]>();
function matchers(routes: readonly string[]): RegExp[] {
  let list = compiled.get(routes);
  if (!list) compiled.set(routes, (list = routes.map(patternRegExp)));
  return list;
}

/** Whether an anonymous request for `pathname` may go on, must sign in, or will be a 404. */
export function routeAccess(
  pathname: string,
  routes: readonly string[] = BUILT_ROUTES,
): RouteAccess {
  const path = normalizePath(pathname);
  // Undecodable: no page has such a name, so sending it to sign in costs nobody anything.
  if (path === null) return 'protected';
  if (PUBLIC_PATHS.includes(path) || PUBLIC_PREFIXES.some((p) => `${path}/`.startsWith(p))) {
    return 'public';
  }
  // Without the build's list (a misconfigured build) everything not public is protected.
  if (routes.length === 0) return 'protected';
  return matchers(routes).some((re) => re.test(path)) ? 'protected' : 'unknown';
}

/**
 * Where an anonymous page load of a protected path is sent: the login page, which comes back to
 * `pathAndQuery` afterwards. Relative: the Location never carries the Host header.
 */
export function signInLocation(pathAndQuery: string): string {
  return `/login?next=${encodeURIComponent(pathAndQuery)}`;
}

/** A contact's photo sets its own private caching, with an ETag (app/(app)/contacts/[id]/photo). */
export function hasOwnCaching(pathname: string): boolean {
  return /^\/contacts\/[^/]+\/photo$/.test(pathname);
}
