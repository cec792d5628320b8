import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from './lib/config';
import { hasOwnCaching, routeAccess, signInLocation } from './lib/auth/route-access.mts';
import { isHttps, sessionCookieName, unsealSessionToken } from './lib/auth/session-cookie';
import { isCrossSiteWrite } from './lib/http/cross-site';
import { isMalformedForm } from './lib/http/form-body';
import {
  FLASH_HEADER,
  flashCookieName,
  flashNowCookieName,
  rendersWholePage,
} from './lib/flash/flash-cookie';
import {
  contentSecurityPolicy,
  createNonce,
  NO_STORE,
  NOTHING_RUNS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from './lib/http/security-headers.mts';
import { STATIC_LOGIN_PATH, staticLoginHashes } from './lib/http/static-login.mts';

// Handed over by the custom server before Next loads, so read once, not on every request.
const scriptHashes = staticLoginHashes();

interface Secured {
  csp: string;
  https: boolean;
  noStore: boolean;
}

/** Headers no response may leave without. Only sets headers: cookies set earlier stay intact. */
function secure<T extends NextResponse>(response: T, { csp, https, noStore }: Secured): T {
  response.headers.set('content-security-policy', csp);
  if (https) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  if (noStore) response.headers.set('cache-control', NO_STORE);
  return response;
}

/**
 * Edge middleware: saves anonymous visitors a round trip to a page that would refuse them, hands
 * a pending flash message to the one render that shows it, and adds the per-request security
 * headers (a fresh CSP nonce). It is not the security boundary: every page and action checks the
 * session in the database (lib/auth/session.ts). Which paths need a session: lib/auth/route-access.mts.
 */
export async function middleware(request: NextRequest) {
  const config = getConfig();
  const https = isHttps(request.headers);
  const { pathname, search } = request.nextUrl;
  // Protected by default; only the named public paths and unknown paths (a 404) go on without a session.
  const protectedPath = routeAccess(pathname) === 'protected';
  const hasSessionCookie =
    request.cookies.has(sessionCookieName(true)) || request.cookies.has(sessionCookieName(false));
  const noStore = !hasOwnCaching(pathname) && (protectedPath || hasSessionCookie);
  // Answers that are not pages (refusals, the sign-in redirect): no nonce to make, nothing runs.
  const refusal = { csp: NOTHING_RUNS_POLICY, https, noStore: true };

  if (isCrossSiteWrite(request.method, request.headers)) {
    const refused = new NextResponse('Cross-site request refused.\n', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    return secure(refused, refusal);
  }
  if (await isMalformedForm(request)) {
    const refused = new NextResponse('Bad Request: the form data could not be read.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    return secure(refused, refusal);
  }

  // Page loads only. A server action (a POST) checks the session itself and answers with its
  // own redirect; a 307 here would make the browser re-send the form to /login.
  const pageLoad = request.method === 'GET' || request.method === 'HEAD';
  if (pageLoad && protectedPath) {
    const token = await unsealSessionToken(
      request.cookies.get(sessionCookieName(https))?.value,
      config,
    );
    if (!token) {
      // Next needs an absolute URL here, and sends it relative because the host is the
      // request's own. A visitor with no cookie at all gets this same answer from the custom
      // server (server/sign-in-redirect.ts), without the cost of Next's router and this sandbox.
      const location = new URL(signInLocation(`${pathname}${search}`), request.url);
      const redirect = NextResponse.redirect(location, 307);
      return secure(redirect, { csp: NOTHING_RUNS_POLICY, https, noStore });
    }
  }

  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    dev: config.NODE_ENV === 'development',
    https,
  });
  const secured = { csp, https, noStore };
  // Nobody but this middleware may set the flash header or the CSP Next takes its nonce from.
  const headers = new Headers(request.headers);
  headers.delete(FLASH_HEADER);
  headers.set('content-security-policy', csp);
  headers.delete('content-security-policy-report-only');
  const flashName = flashCookieName(https);
  const nowName = flashNowCookieName(https);

  // A visitor who brings nothing of their own (no session, no waiting message, no query) gets the
  // login page prerendered at build time: several times cheaper than rendering it. Its inline
  // scripts carry no nonce, so its CSP lists their hashes instead. A visitor with no cookie at all
  // never gets here: the custom server sends them the same page itself (server/static-login.ts).
  const plainLogin =
    pathname === '/login' &&
    search === '' &&
    !hasSessionCookie &&
    !request.cookies.has(flashName) &&
    !request.cookies.has(nowName) &&
    rendersWholePage(request.method, request.headers);
  if (scriptHashes && (plainLogin || (pageLoad && pathname === STATIC_LOGIN_PATH))) {
    // The request's own origin: Next proxies a rewrite to any other over HTTP (server/index.ts).
    const target = request.nextUrl.clone();
    target.pathname = STATIC_LOGIN_PATH;
    const response = plainLogin
      ? NextResponse.rewrite(target, { request: { headers } })
      : NextResponse.next({ request: { headers } });
    // Not Next's year in shared caches: the page names this build's chunks and actions.
    response.headers.set('cache-control', 'no-cache');
    const hashed = contentSecurityPolicy({ scriptHashes, dev: false, https });
    return secure(response, { csp: hashed, https, noStore: false });
  }

  // Only Next's own render of a JavaScript action's redirect carries this cookie (see
  // lib/flash/flash-cookie.ts): the browser was told to keep nothing, so there is nothing to delete.
  const now = request.cookies.get(nowName)?.value;
  if (now && request.method === 'GET') {
    headers.set(FLASH_HEADER, now);
    return secure(NextResponse.next({ request: { headers } }), secured);
  }
  const flash = request.cookies.get(flashName)?.value;
  // Route handlers (/api/…) answer with data, not a page: a waiting message stays for the next page.
  if (
    !flash ||
    pathname.startsWith('/api/') ||
    !rendersWholePage(request.method, request.headers)
  ) {
    return secure(NextResponse.next({ request: { headers } }), secured);
  }
  headers.set(FLASH_HEADER, flash);
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(flashName, '', {
    path: '/',
    maxAge: 0,
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
  });
  return secure(response, secured);
}

export const config = {
  // Everything but build assets and public files; RSC and prefetch requests included.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt|icon.svg).*)'],
};
