import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { forwardedHttps } from '../lib/http/forwarded-for.mts';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '../lib/http/security-headers.mts';
import { STATIC_LOGIN_HASHES_VARIABLE, STATIC_LOGIN_PATH } from '../lib/http/static-login.mts';
import { headerRules, readRoutesManifest } from './routes-manifest.ts';

/** A CSP hash source (`sha256-…`) for each inline script (a <script> with no src) in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  // Our own build's output, not a visitor's: Next escapes "</" inside the scripts it writes.
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(attributes!)) continue;
    hashes.add(`sha256-${crypto.createHash('sha256').update(body!, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/**
 * True for the one request the server answers without Next: a page load of exactly `/login` that
 * brings nothing (no query, no cookie at all, none of Next's router headers). With any cookie,
 * Next and the middleware decide (a session redirects, a waiting message renders the page, and
 * Next's own draft-mode cookies change what it serves); they serve this same page to the rest.
 */
function isPlainLoginVisit(req: http.IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.url !== '/login' || req.headers.cookie !== undefined) return false;
  // Prefetches and client-side navigations ask for something else than this document.
  const purpose = String(req.headers['sec-purpose'] ?? req.headers['purpose'] ?? '');
  const destination = req.headers['sec-fetch-dest'];
  if (purpose.includes('prefetch') || (destination && destination !== 'document')) return false;
  return !Object.keys(req.headers).some((name) => name === 'rsc' || name.startsWith('next-'));
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** One build's prerendered login page, ready to send: what `staticLoginPage` returns. */
export interface StaticLoginPage {
  /** The SHA-256 sources of its inline scripts, for its CSP. */
  hashes: string[];
  /** Answers a plain visit (isPlainLoginVisit) and returns true; leaves anything else to Next. */
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

/**
 * In production, before Next loads: reads the prerendered login page from the build and hands
 * the middleware the hashes of its inline scripts, so that it may serve that page with a CSP that
 * lets exactly them run. The server also sends the page itself to a visitor who brings nothing
 * (most visitors of /login): the same bytes and headers as through Next, without Next's router
 * and the Edge middleware's sandbox (26,000 req/s against 600 to 770 through them; ADR 008).
 * Without the file (an old or partial build) nothing is handed over and /login renders per request.
 */
export function staticLoginPage(distDir: string): StaticLoginPage | null {
  const file = path.join(distDir, 'server', 'app', `${STATIC_LOGIN_PATH.slice(1)}.html`);
  delete process.env[STATIC_LOGIN_HASHES_VARIABLE];
  if (!fs.existsSync(file)) return null;
  const html = fs.readFileSync(file);
  const hashes = inlineScriptHashes(html.toString('utf8'));
  if (hashes.length === 0) return null;
  process.env[STATIC_LOGIN_HASHES_VARIABLE] = hashes.join(' ');

  const manifest = readRoutesManifest(distDir);
  const gzipped = zlib.gzipSync(html);
  const etag = `"${crypto.createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
  const common = {
    ...headerRules(manifest)('/login'),
    // As the middleware sends it: revalidated on every use, since it names this build's files.
    'cache-control': 'no-cache',
    vary: `${manifest.rsc.varyHeader}, Accept-Encoding`,
    etag,
  };
  const policies = [false, true].map((https) =>
    contentSecurityPolicy({ scriptHashes: hashes, dev: false, https }),
  );

  return {
    hashes,
    serve(req, res) {
      if (!isPlainLoginVisit(req)) return false;
      const https = forwardedHttps(req.headers['x-forwarded-proto']);
      const headers: http.OutgoingHttpHeaders = {
        ...common,
        'content-security-policy': policies[Number(https)],
        ...(https ? { 'strict-transport-security': STRICT_TRANSPORT_SECURITY } : {}),
      };
      const known = String(req.headers['if-none-match'] ?? '').split(/\s*,\s*/);
      if (known.includes(etag) || known.includes(`W/${etag}`)) {
        res.writeHead(304, headers).end();
        return true;
      }
      const body = acceptsGzip(req.headers['accept-encoding']) ? gzipped : html;
      res.writeHead(200, {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        'content-length': body.length,
        ...(body === gzipped ? { 'content-encoding': 'gzip' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
