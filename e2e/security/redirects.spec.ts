import { expect, expectAccessible, TEST_PASSWORD, registerUser, test } from '../fixtures';
import { loginRaw, raw, registerRaw, submitForm, type RawResponse } from './http';

/** Open redirects through ?next=, and the Host / X-Forwarded-Host headers on every redirect. */
const EVIL = 'evil.example';

const NEXT_PAYLOADS = [
  `https://${EVIL}/`,
  `http://${EVIL}`,
  `//${EVIL}`,
  `///${EVIL}`,
  `////${EVIL}/path`,
  `/\\${EVIL}`,
  `\\/${EVIL}`,
  `\\\\${EVIL}`,
  `/%2F${EVIL}`,
  `/%2f%2f${EVIL}`,
  `%2F%2F${EVIL}`,
  `/%252F%252F${EVIL}`,
  `/%5C${EVIL}`,
  `/%5c%5c${EVIL}`,
  `/\t/${EVIL}`,
  `/%09/${EVIL}`,
  `/\n/${EVIL}`,
  `/%0d%0aLocation:%20https://${EVIL}`,
  `https:${EVIL}`,
  `https:/${EVIL}`,
  `http://127.0.0.1@${EVIL}`,
  `//user:pass@${EVIL}`,
  `/.//${EVIL}`,
  `/..//${EVIL}`,
  `/%2e%2e//${EVIL}`,
  `/contacts/../..//${EVIL}`,
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  '%6Aavascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  ` //${EVIL}`,
  `\u3000//${EVIL}`,
  `/\u2215\u2215${EVIL}`,
];

/** A Location that stays on the app's origin whatever the base it is resolved against. */
function expectSameOrigin(location: string | undefined, base: string, what: string) {
  expect(location, `a Location for ${what}`).toBeTruthy();
  const resolved = new URL(location!, base);
  expect(resolved.origin, `${what} → ${location}`).toBe(new URL(base).origin);
}

test.describe('open redirects and host headers (raw HTTP)', () => {
  test(`?next= never leaves the site (${NEXT_PAYLOADS.length} payloads)`, async ({ baseURL }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const user = await registerRaw(base);
    for (const payload of NEXT_PAYLOADS) {
      const res = await loginRaw(base, user.username, user.password, [['next', payload]]);
      expect(res.status, payload).toBe(303);
      expectSameOrigin(res.headers.location, base, JSON.stringify(payload));
      expect(res.headers.location, JSON.stringify(payload)).not.toMatch(/^\/\/|^\/\\|[\r\n\t]/);
    }
    // A same-origin path is kept, so the check above is not simply "always /".
    const kept = await loginRaw(base, user.username, user.password, [['next', '/contacts?q=a']]);
    expect(kept.headers.location).toBe('/contacts?q=a');
  });

  test('a duplicated next parameter cannot smuggle a second target', async ({ baseURL }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const page = await raw(base, `/login?next=%2Fcontacts&next=https%3A%2F%2F${EVIL}`);
    expect(page.body).toContain('name="next" value="/contacts"');
    expect(page.body).not.toContain(`value="https://${EVIL}`);
    for (const order of [
      ['/contacts', `https://${EVIL}`],
      [`//${EVIL}`, '/contacts'],
    ]) {
      const res = await loginRaw(base, user.username, user.password, [
        ['next', order[0]!],
        ['next', order[1]!],
      ]);
      expect(res.status).toBe(303);
      expectSameOrigin(res.headers.location, base, order.join(' + '));
    }
  });

  test('Host, X-Forwarded-Host and Forwarded never reach a Location header', async ({
    baseURL,
  }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const user = await registerRaw(base);
    const forged: Record<string, string>[] = [
      { host: EVIL },
      { 'x-forwarded-host': EVIL },
      { 'x-forwarded-host': EVIL, 'x-forwarded-proto': 'https', 'x-forwarded-port': '443' },
      { forwarded: `host=${EVIL};proto=https` },
      { host: EVIL, 'x-forwarded-host': `${EVIL}:8443`, 'x-original-url': `https://${EVIL}/` },
    ];
    for (const headers of forged) {
      const what = JSON.stringify(headers);
      const answers: [string, RawResponse][] = [
        ['anonymous protected page', await raw(base, '/contacts?x=1', { headers })],
        ['trailing slash', await raw(base, '/login/', { headers })],
        ['RSC without _rsc', await raw(base, '/login', { headers: { ...headers, rsc: '1' } })],
        [
          'signed in on /login',
          await raw(base, '/login', { headers: { ...headers, cookie: user.cookie } }),
        ],
        [
          'signed in on /register',
          await raw(base, '/register', { headers: { ...headers, cookie: user.cookie } }),
        ],
      ];
      // A forged Host with a matching Origin passes the CSRF check: the action's own redirects.
      const origin: Record<string, string> = headers.host
        ? { origin: `http://${headers.host}` }
        : {};
      answers.push([
        'sign-in',
        await submitForm(
          base,
          '/login',
          [
            ['username', user.username],
            ['password', user.password],
          ],
          {
            ...headers,
            ...origin,
          },
        ),
      ]);
      for (const [name, res] of answers) {
        expect([301, 302, 303, 307, 308, 403], `${name} with ${what}`).toContain(res.status);
        if (res.status !== 403) {
          expectSameOrigin(res.headers.location, base, `${name} with ${what}`);
          expect(res.headers.location, `${name} with ${what}`).toMatch(/^\/(?![/\\])/);
        }
        expect(res.body, `${name} with ${what}`).not.toContain(EVIL);
      }
    }
  });
});

test.describe('open redirects in the browser', () => {
  test('the login form with a hostile ?next= lands on the site', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.slow(); // five sign-ins through the form
    const user = await registerUser(browser, baseURL!);
    const offsite: string[] = [];
    await page.route(
      (url) => url.hostname.endsWith(EVIL),
      (route) => {
        offsite.push(route.request().url());
        return route.abort();
      },
    );
    page.on('request', (request) => {
      if (!request.url().startsWith(baseURL!)) offsite.push(request.url());
    });
    for (const payload of [
      `//${EVIL}`,
      `/.//${EVIL}`,
      `https://${EVIL}`,
      `/%5C${EVIL}`,
      'javascript:alert(1)',
    ]) {
      await page.context().clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(payload)}`);
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
      expect(new URL(page.url()).origin, payload).toBe(new URL(baseURL!).origin);
    }
    await expectAccessible(page);
    expect(offsite).toEqual([]);
  });
});
