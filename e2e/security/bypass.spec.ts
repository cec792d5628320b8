import { expect, expectAccessible, test } from '../fixtures';
import { raw, rawFollowingRsc, registerRaw, showsSignedIn, type RawUser } from './http';

/**
 * Middleware bypasses: requests shaped so that the middleware may not see the path it guards.
 * Whatever happens there, an anonymous request must never get signed-in content, because every
 * protected page asks the data layer. A signed-in user (the canary) is active meanwhile.
 */
const PROTECTED = [
  '/',
  '/contacts',
  '/contacts/new',
  '/account',
  '/contacts/1',
  '/contacts/1/edit',
];

const SUBREQUEST = [
  'middleware',
  'middleware:middleware:middleware:middleware:middleware',
  'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
  'pages/_middleware',
  'proxy:proxy:proxy:proxy:proxy',
];

const HEADER_TRICKS: Record<string, string>[] = [
  ...SUBREQUEST.map((value) => ({ 'x-middleware-subrequest': value })),
  { 'x-middleware-prefetch': '1' },
  { 'x-middleware-invoke': '1' },
  { 'x-invoke-path': '/login', 'x-invoke-output': '/login' },
  { 'x-now-route-matches': '1' },
  { rsc: '1' },
  { rsc: '1', 'next-router-prefetch': '1' },
  { rsc: '1', 'next-router-segment-prefetch': '/_tree' },
  { rsc: '1', 'next-router-state-tree': '%5B%22%22%2C%7B%7D%5D' },
  { 'next-router-prefetch': '1', purpose: 'prefetch', 'sec-purpose': 'prefetch' },
  { 'x-nextjs-data': '1' },
  { 'x-contact-cards-flash': 'Fe26.2*forged', 'x-contact-cards-client': '10.0.0.1' },
];

/** Spellings of a protected path that a matcher may not recognise but the router might serve. */
function pathTricks(path: string): string[] {
  const bare = path === '/' ? '/index' : path;
  const first = path.split('/')[1] ?? '';
  return [
    `${bare}.rsc`,
    `${path}?_rsc=abc`,
    `${bare}.segments/_tree.segment.rsc`,
    `${bare}.segments/__PAGE__.segment.rsc`,
    `${bare}.prefetch.rsc`,
    `/_next/data/build-id${bare}.json`,
    `/%2F${path.slice(1)}`,
    `//${path.slice(1)}`,
    `${path}/`,
    `${path}//`,
    `/.${path}`,
    `/./${path.slice(1)}`,
    `/_next/../${path.slice(1)}`,
    `/_next/static/..%2F..%2F${path.slice(1)}`,
    `/%2e${path}`,
    first ? `/%${first.charCodeAt(0).toString(16)}${path.slice(2)}` : '/%2F',
    `${path.replace(/\//g, '%2F')}`,
    `${path};`,
    `${path}%00`,
    `${path}%20`,
    `${path}%09`,
    `/\\${path.slice(1)}`,
    `${path.toUpperCase()}`,
    `/(app)${path === '/' ? '' : path}`,
    `/favicon.ico/..${path}`,
    `/_next/image?url=${encodeURIComponent(path)}&w=64&q=1`,
  ];
}

const RSC_VARIANTS: Record<string, string>[] = [
  {},
  { rsc: '1' },
  { rsc: '1', 'next-router-prefetch': '1' },
];

function expectAnonymous(res: { status: number; body: string }, canary: RawUser, what: string) {
  expect(res.status, `${what}: never an error`).toBeLessThan(500);
  expect(showsSignedIn(res.body, canary.username), `${what}: signed-in content`).toBe(false);
  expect(res.body, what).not.toContain('Log out</button>');
}

test.describe('middleware bypass (raw HTTP, anonymous)', () => {
  test('internal and RSC headers on every protected page', async ({ baseURL }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const canary = await registerRaw(base);
    let redirected = 0;
    for (const path of PROTECTED) {
      for (const headers of HEADER_TRICKS) {
        const res = await rawFollowingRsc(base, path, { headers });
        expectAnonymous(res, canary, `${path} ${JSON.stringify(headers)}`);
        if (res.status === 307 && res.headers.location?.startsWith('/login')) redirected += 1;
      }
    }
    // The middleware itself is not fooled by any of them.
    expect(redirected).toBe(PROTECTED.length * HEADER_TRICKS.length);
  });

  test('RSC, segment-prefetch and oddly spelled paths', async ({ baseURL }) => {
    test.setTimeout(180_000); // about five hundred requests
    const base = baseURL!;
    const canary = await registerRaw(base);
    for (const path of PROTECTED) {
      for (const trick of pathTricks(path)) {
        for (const headers of RSC_VARIANTS) {
          const res = await rawFollowingRsc(base, trick, { headers });
          expectAnonymous(res, canary, `${trick} ${JSON.stringify(headers)}`);
        }
      }
    }
  });

  test('the canary check works: the same requests with the canary’s cookie are signed in', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const canary = await registerRaw(base);
    const home = await raw(base, '/', { headers: { cookie: canary.cookie } });
    expect(showsSignedIn(home.body, canary.username)).toBe(true);
    const rsc = await rawFollowingRsc(base, '/?_rsc=abc', {
      headers: { cookie: canary.cookie, rsc: '1' },
    });
    expect(rsc.status).toBe(200);
    expect(String(rsc.headers['content-type'])).toContain('text/x-component');
    expect(showsSignedIn(rsc.body, canary.username)).toBe(true);
    // An anonymous RSC request with a matching _rsc reaches the middleware's redirect, not a render.
    const anonymous = await rawFollowingRsc(base, '/?_rsc=abc', { headers: { rsc: '1' } });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
  });
});

test.describe('middleware bypass in the browser', () => {
  test('a prefetch or RSC fetch made by an anonymous page gets no signed-in content', async ({
    page,
    baseURL,
  }) => {
    const canary = await registerRaw(baseURL!);
    await page.goto('/login');
    await expectAccessible(page);
    for (const path of PROTECTED) {
      const res = await page.request.get(`${path}?_rsc=x`, {
        headers: { rsc: '1', 'next-router-prefetch': '1' },
        maxRedirects: 0,
      });
      expect(res.status()).toBeLessThan(500);
      expect(showsSignedIn(await res.text(), canary.username)).toBe(false);
    }
    await page.goto('/contacts');
    await expect(page).toHaveURL(/\/login\?next=%2Fcontacts$/);
  });
});
