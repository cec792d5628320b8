import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import {
  hasOwnCaching,
  normalizePath,
  routeAccess,
  signInLocation,
} from '../lib/auth/route-access.mts';
import { forwardedHttps } from '../lib/http/forwarded-for.mts';
import {
  NO_STORE,
  NOTHING_RUNS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from '../lib/http/security-headers.mts';
import { headerRules, readRoutesManifest } from './routes-manifest.ts';

/** Unreserved characters only, slash-separated, no trailing slash: a path Next routes as it is. */
const PLAIN_PATH = /^\/(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)?$/;

/**
 * The path of a page load that brings nothing of the visitor's: GET or HEAD, no cookie at all, no
 * query, none of Next's router headers, and a path already in the form Next routes it by (Next
 * first redirects `/contacts/` and `//contacts`, and decodes escapes). Null for anything else,
 * which Next and the middleware decide as before.
 */
export function cookielessPageLoadPath(req: http.IncomingMessage): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (req.headers.cookie !== undefined) return null;
  const pathname = req.url ?? '';
  if (!PLAIN_PATH.test(pathname) || normalizePath(pathname) !== pathname) return null;
  if (Object.keys(req.headers).some((name) => name === 'rsc' || name.startsWith('next-'))) {
    return null;
  }
  return pathname;
}

/** What `signInRedirects` returns: answers the requests it is for, leaves the rest to Next. */
export interface SignInRedirects {
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

/**
 * In production: the sign-in redirect for a visitor with no cookie at all who asks for a page that
 * needs a session (a first visit to a bookmark, a crawler, a link opened in a private window). The
 * same 307 the middleware sends (middleware.ts: the same location, policy and caching, and the
 * build's own header rules), decided by the same rules over the build's own list of routes
 * (`app-path-routes-manifest.json`, the list the middleware was given), without Next's router and
 * the Edge sandbox (ADR 008). It can only send a visitor to sign in, never let one through: a
 * public or unknown path, and anything with a cookie, still goes to Next and the middleware.
 * Without the manifest (an old or partial build) it answers nothing.
 */
export function signInRedirects(distDir: string): SignInRedirects | null {
  const file = path.join(distDir, 'app-path-routes-manifest.json');
  if (!fs.existsSync(file)) return null;
  const built = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  const routes = [...new Set(Object.values(built))].sort();
  if (routes.length === 0) return null;
  const configuredHeaders = headerRules(readRoutesManifest(distDir));

  return {
    serve(req, res) {
      const pathname = cookielessPageLoadPath(req);
      if (pathname === null || routeAccess(pathname, routes) !== 'protected') return false;
      const https = forwardedHttps(req.headers['x-forwarded-proto']);
      const location = signInLocation(pathname);
      res.writeHead(307, {
        ...configuredHeaders(pathname),
        ...(hasOwnCaching(pathname) ? {} : { 'cache-control': NO_STORE }),
        'content-security-policy': NOTHING_RUNS_POLICY,
        ...(https ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
        location,
      });
      // Next's body for a redirect: the address itself.
      res.end(req.method === 'HEAD' ? undefined : location);
      return true;
    },
  };
}
