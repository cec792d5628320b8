import fs from 'node:fs';
import path from 'node:path';
import { PUBLIC_PATHS } from '../lib/auth/route-access.mts';
import { expectScriptsCovered } from './security/csp';
import { appRoutePatterns } from '../lib/http/app-routes.js';
import { expect, test } from './fixtures';

/**
 * Protected by default, checked against the build itself: every route in Next's route manifest
 * (.next/app-path-routes-manifest.json, written by `next build`) must send an anonymous visitor
 * to /login with ?next=, unless it is one of the named public paths. And whatever it answers
 * carries a strict CSP that lets exactly the page's own scripts run.
 */
const manifest: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), '.next/app-path-routes-manifest.json'), 'utf8'),
);
const builtRoutes = [...new Set(Object.values(manifest))].sort();

/** A concrete address for a route pattern: each dynamic segment gets a sample value. */
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
function sample(pattern: string): string {
  return pattern
    .replace(/\[\[\.\.\.[^\]]+\]\]/g, 'a/b')
    .replace(/\[\.\.\.[^\]]+\]/g, 'a/b')
    .replace(/\[[^\]]+\]/g, SAMPLE_ID);
}

// Plain HTTP: the JavaScript-off project would run the same requests again.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'HTTP only: one project is enough');

test('the middleware was given exactly the routes the build has', () => {
  expect(builtRoutes.length).toBeGreaterThan(5);
  expect(appRoutePatterns(path.join(process.cwd(), 'app'))).toEqual(builtRoutes);
});

for (const route of builtRoutes) {
  const address = sample(route);
  const isPublic = PUBLIC_PATHS.includes(route);
  test(`anonymous ${address}: ${isPublic ? 'public' : 'redirected to /login'}`, async ({
    request,
  }) => {
    const response = await request.get(address, { maxRedirects: 0 });
    const location = response.headers()['location'] ?? '';
    // No page loses its CSP: a nonce every script carries, or (prerendered) a hash for each.
    // (A file gets the fixed policy that runs nothing.)
    const csp = response.headers()['content-security-policy'] ?? '';
    if (csp.startsWith("default-src 'none'")) expect(csp).not.toContain('script-src');
    else expectScriptsCovered(csp, await response.text(), address);
    if (isPublic) {
      // The middleware lets it through: no sign-in redirect carrying ?next=. (A public page may
      // still send a visitor on by itself, e.g. /login/code without a pending sign-in → /login.)
      expect(new URL(location || '/', 'http://x').searchParams.has('next'), location).toBe(false);
      expect(response.status()).toBeLessThan(400 + (route === '/_not-found' ? 5 : 0));
    } else {
      expect(response.status()).toBe(307);
      const target = new URL(location, 'http://x');
      expect(target.pathname).toBe('/login');
      expect(target.searchParams.get('next')).toBe(address);
      // That answer came from the custom server (no cookie at all); the middleware, which decides
      // for a visitor with any cookie, gives the same.
      const viaNext = await request.get(address, {
        maxRedirects: 0,
        headers: { cookie: 'another_app=1' },
      });
      expect([viaNext.status(), viaNext.headers()['location']]).toEqual([307, location]);
    }
  });
}

test('an unknown path is the 404 page for anonymous visitors too', async ({ page }) => {
  for (const address of ['/no-such-page', '/LOGIN', '/contacts-old', '/account/x']) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});
