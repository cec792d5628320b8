import crypto from 'node:crypto';
import { expect } from '@playwright/test';

/** A policy's directives by name. */
export function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

/**
 * A page's CSP is strict and lets exactly the page's own scripts run. Either a fresh nonce that
 * every <script> carries, with 'strict-dynamic' (a page rendered per request), or, for a page
 * prerendered at build time, 'self' for its chunks and the SHA-256 of each inline script. Never
 * 'unsafe-inline', 'unsafe-eval', a wildcard or another origin. Says which of the two it is.
 */
export function expectScriptsCovered(csp: string, html: string, what: string): 'nonce' | 'hashes' {
  const directives = cspDirectives(csp);
  const script = directives.get('script-src') ?? [];
  expect(script.join(' '), `script-src on ${what}`).not.toMatch(
    /unsafe-inline|unsafe-eval|\*|data:|https?:/,
  );
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'none'"]);
  expect(directives.get('style-src')?.join(' '), `style-src on ${what}`).not.toMatch(/unsafe/);
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(script.join(' '))?.[1];
  if (nonce) {
    expect(script, `script-src on ${what}`).toContain("'strict-dynamic'");
    for (const [, attributes] of tags) expect(attributes, what).toContain(`nonce="${nonce}"`);
    return 'nonce';
  }
  const hashes = script.filter((source) => source.startsWith("'sha256-"));
  expect(hashes.length, `a nonce or hashes in script-src on ${what}`).toBeGreaterThan(0);
  expect(script, `script-src on ${what}: 'self' and hashes only`).toEqual(["'self'", ...hashes]);
  for (const [, attributes, body] of tags) {
    if (/\bsrc=/.test(attributes!)) continue;
    const hash = crypto.createHash('sha256').update(body!, 'utf8').digest('base64');
    expect(hashes, `an inline script on ${what}, allowed by its hash`).toContain(
      `'sha256-${hash}'`,
    );
  }
  return 'hashes';
}
