import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { STATIC_LOGIN_HASHES_VARIABLE, STATIC_LOGIN_PATH } from '../lib/http/static-login.mts';

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
 * Before Next loads, in production: hands the middleware the hashes of the prerendered login
 * page's inline scripts, so that it may serve that page with a CSP that lets exactly them run.
 * Without the file (an old or partial build) nothing is handed over and /login renders per request.
 */
export function announceStaticLogin(distDir: string): void {
  const file = path.join(distDir, 'server', 'app', `${STATIC_LOGIN_PATH.slice(1)}.html`);
  delete process.env[STATIC_LOGIN_HASHES_VARIABLE];
  if (!fs.existsSync(file)) return;
  const hashes = inlineScriptHashes(fs.readFileSync(file, 'utf8'));
  if (hashes.length > 0) process.env[STATIC_LOGIN_HASHES_VARIABLE] = hashes.join(' ');
}
