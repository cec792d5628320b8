import { expect, expectAccessible, jsEnabled, TEST_PASSWORD, test, uniqueName } from '../fixtures';
import { cspDirectives, expectScriptsCovered } from './csp';
import { raw, registerRaw, setCookies, submitForm, type RawResponse } from './http';

/**
 * The headers of docs/security.md on every kind of answer, the nonce on every script, the cookie
 * flags, and a browser session that reports no CSP violation.
 */
const STATIC_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const csp = (res: RawResponse) => String(res.headers['content-security-policy']);

function expectStaticHeaders(res: RawResponse, what: string) {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) {
    expect(res.headers[name], `${name} on ${what}`).toBe(value);
  }
  const permissions = String(res.headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions, `Permissions-Policy on ${what}`).toContain(`${feature}=()`);
  }
  expect(res.headers['x-powered-by'], `X-Powered-By on ${what}`).toBeUndefined();
  expect(res.headers['strict-transport-security'], `HSTS over http on ${what}`).toBeUndefined();
}

/** The page CSP: its nonce, after checking every directive the policy promises. */
function expectPageCsp(res: RawResponse, what: string): string {
  const directives = cspDirectives(csp(res));
  const script = directives.get('script-src') ?? [];
  expect(script, `script-src on ${what}`).toContain("'strict-dynamic'");
  expect(script.join(' '), `script-src on ${what}`).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(directives.get('style-src')?.join(' '), `style-src on ${what}`).not.toMatch(/unsafe/);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(directives.get('form-action'), what).toEqual(["'self'"]);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(script.join(' '))?.[1];
  expect(nonce, `a nonce in script-src on ${what}`).toBeTruthy();
  expect(nonce!.length, 'a 128-bit nonce').toBeGreaterThanOrEqual(22);
  return nonce!;
}

test.describe('security headers (raw HTTP)', () => {
  test('every kind of answer carries them', async ({ baseURL }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const signedIn = { cookie: user.cookie };
    const login = await raw(base, '/login');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(login.body)?.[1];
    expect(stylesheet).toBeTruthy();
    const answers: [string, RawResponse, boolean][] = [
      ['the login page, prerendered', login, true],
      ['the login page with ?next=', await raw(base, '/login?next=%2Fcontacts'), true],
      ['the register page', await raw(base, '/register'), true],
      ['a protected page, anonymous (307)', await raw(base, '/contacts'), false],
      ['a 404', await raw(base, '/no-such-page'), true],
      ['the health API', await raw(base, '/api/health'), true],
      ['the home page, signed in', await raw(base, '/', { headers: signedIn }), true],
      ['the login page, signed in (307)', await raw(base, '/login', { headers: signedIn }), true],
      ['an RSC payload', await raw(base, '/?_rsc=x', { headers: { ...signedIn, rsc: '1' } }), true],
      [
        'a failed sign-in',
        await submitForm(base, '/login', [
          ['username', 'x'],
          ['password', 'y'],
        ]),
        true,
      ],
      ['a stylesheet', await raw(base, stylesheet!), false],
      ['the favicon path', await raw(base, '/favicon.ico'), false],
    ];
    for (const [what, res, page] of answers) {
      expect(res.status, what).toBeLessThan(500);
      expectStaticHeaders(res, what);
      if (what.endsWith('prerendered')) {
        expect(expectScriptsCovered(csp(res), res.body, what)).toBe('hashes');
      } else if (page) expectPageCsp(res, what);
      else
        expect(String(res.headers['content-security-policy']), what).toContain(
          "default-src 'none'",
        );
    }
  });

  test('a fresh nonce on every response, carried by every script and stylesheet', async ({
    baseURL,
  }) => {
    const first = await raw(baseURL!, '/login?next=%2F');
    // A CSP sent by the client must not choose the nonce (Next reads it from the request).
    const second = await raw(baseURL!, '/login?next=%2F', {
      headers: { 'content-security-policy': "script-src 'nonce-attackerchosen0000000000=='" },
    });
    const nonces = [expectPageCsp(first, 'first'), expectPageCsp(second, 'second')];
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(second.body).not.toContain('attackerchosen');
    for (const [res, nonce] of [
      [first, nonces[0]],
      [second, nonces[1]],
    ] as const) {
      const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      for (const tag of res.body.match(/<link rel="stylesheet"[^>]*>/g) ?? []) {
        expect(tag).toContain(`nonce="${nonce}"`);
      }
    }
  });

  test('the prerendered login page: its inline scripts allowed by hash, the same bytes for everyone', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const plain = await raw(base, '/login');
    expect(expectScriptsCovered(csp(plain), plain.body, 'plain /login')).toBe('hashes');
    expect(plain.body).not.toContain('nonce=');
    expect(plain.body).toContain('name="password"');
    // Revalidated on every use, never kept a year by a shared cache: it names this build's files.
    expect(plain.headers['cache-control']).toBe('no-cache');
    // Nothing in it is per request: a client-sent CSP or flash header changes nothing.
    const again = await raw(base, '/login', {
      headers: {
        'content-security-policy': "script-src 'unsafe-inline'",
        'x-contact-cards-flash': 'x',
      },
    });
    expect(again.body).toBe(plain.body);
    expect(csp(again)).toBe(csp(plain));
    // Anything the visitor brings makes it a page rendered for them, with a fresh nonce.
    const user = await registerRaw(base);
    for (const [what, res] of [
      ['?next=', await raw(base, '/login?next=%2Fcontacts')],
      ['?ended=', await raw(base, '/login?ended=password')],
      ['a waiting message', await raw(base, '/login', { headers: { cookie: 'cc_flash=x' } })],
      [
        'a session (redirected home)',
        await raw(base, '/login', { headers: { cookie: user.cookie } }),
      ],
    ] as const) {
      expect(expectScriptsCovered(csp(res), res.body, what), what).toBe('nonce');
    }
  });

  test('the login page the server sends itself is the one Next and the middleware send', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    // No cookie: the custom server answers (server/static-login.ts). A cookie of another app on
    // the same host changes nothing for us, but sends the request through Next and the middleware.
    const direct = await raw(base, '/login');
    const viaNext = await raw(base, '/login', { headers: { cookie: 'another_app=1' } });
    expect(viaNext.headers['x-middleware-rewrite'], 'the second went through Next').toBeTruthy();
    expect(direct.headers['x-middleware-rewrite'], 'the first did not').toBeUndefined();
    expect(direct.status).toBe(200);
    expect(direct.body).toBe(viaNext.body);
    for (const name of [
      'content-security-policy',
      'cache-control',
      'content-type',
      'vary',
      'permissions-policy',
      'cross-origin-resource-policy',
      ...Object.keys(STATIC_HEADERS),
    ]) {
      expect(direct.headers[name], name).toBe(viaNext.headers[name]);
    }
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    // A browser's revalidation of its copy costs no body.
    const etag = String(direct.headers.etag);
    const revalidated = await raw(base, '/login', { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBe('');
  });

  test('the sign-in redirect the server sends a visitor with no cookie is the middleware’s', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const id = '00000000-0000-4000-8000-000000000000';
    // Connection details differ by how the answer was written, not by what it says.
    const framing = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
    const said = (res: RawResponse) =>
      Object.fromEntries(Object.entries(res.headers).filter(([name]) => !framing.has(name)));
    for (const method of ['GET', 'HEAD']) {
      for (const target of [
        '/',
        '/contacts',
        `/contacts/${id}`,
        `/contacts/${id}/photo`,
        '/account',
      ]) {
        // No cookie: the custom server answers (server/sign-in-redirect.ts). Another app's cookie
        // sends the request through Next and the middleware.
        const direct = await raw(base, target, { method });
        const viaNext = await raw(base, target, { method, headers: { cookie: 'another_app=1' } });
        const what = `${method} ${target}`;
        expect(direct.status, what).toBe(307);
        expect(direct.headers.location, what).toBe(`/login?next=${encodeURIComponent(target)}`);
        expect(said(direct), what).toEqual(said(viaNext));
        expect(direct.body, what).toBe(viaNext.body);
        expectStaticHeaders(direct, what);
      }
    }
  });

  test('no-store on everything rendered with a session', async ({ baseURL }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const headers = { cookie: user.cookie };
    for (const [what, res] of [
      ['home', await raw(base, '/', { headers })],
      ['logout page', await raw(base, '/logout', { headers })],
      ['login page (redirect)', await raw(base, '/login', { headers })],
      ['404 while signed in', await raw(base, '/nope', { headers })],
      ['RSC payload', await raw(base, '/?_rsc=1', { headers: { ...headers, rsc: '1' } })],
      ['anonymous protected page', await raw(base, '/contacts')],
    ] as const) {
      expect(String(res.headers['cache-control']), what).toContain('no-store');
      expect(String(res.headers['cache-control']), what).not.toMatch(/public|s-maxage/);
    }
  });

  test('a client cannot claim https: no HSTS and no __Host- cookies over http', async ({
    baseURL,
  }) => {
    const spoof = {
      'x-forwarded-proto': 'https',
      'x-forwarded-ssl': 'on',
      forwarded: 'for=1.2.3.4;proto=https',
    };
    const page = await raw(baseURL!, '/login', { headers: spoof });
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(String(page.headers['content-security-policy'])).not.toContain('upgrade-insecure');
    const name = uniqueName('https');
    const res = await submitForm(
      baseURL!,
      '/register',
      [
        ['username', name],
        ['password', TEST_PASSWORD],
        ['confirm', TEST_PASSWORD],
      ],
      spoof,
    );
    expect(res.status).toBe(303);
    expect(setCookies(res).has('cc_session')).toBe(true);
    expect(String(setCookies(res).get('cc_session'))).not.toMatch(/;\s*secure/i);
  });

  test('cookie flags: HttpOnly, SameSite=Lax, Path=/, no Domain; a browser-session cookie unless remembered', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    for (const remember of [false, true]) {
      const res = await submitForm(base, '/login', [
        ['username', user.username],
        ['password', user.password],
        ...(remember ? ([['remember', 'on']] as [string, string][]) : []),
      ]);
      expect(res.status).toBe(303);
      const cookies = setCookies(res);
      const session = cookies.get('cc_session')!;
      const flash = cookies.get('cc_flash')!;
      const device = cookies.get('cc_device')!;
      for (const line of [session, flash, device]) {
        expect(line).toMatch(/;\s*HttpOnly/i);
        expect(line).toMatch(/;\s*SameSite=lax/i);
        expect(line).toMatch(/;\s*Path=\/(;|$)/);
        expect(line).not.toMatch(/;\s*Domain=/i);
      }
      if (remember) expect(session).toMatch(/Max-Age=2592000/);
      else expect(session).not.toMatch(/Max-Age|Expires/i);
      expect(flash).toMatch(/Max-Age=300/);
      // The known device (docs/decisions/014) is remembered for a year, remembered or not.
      expect(device).toMatch(/Max-Age=31536000/);
      // The sealed values say nothing readable about the user.
      expect(session).not.toContain(user.username);
      expect(device).not.toContain(user.username);
    }
  });
});

test.describe('Content-Security-Policy in the browser', () => {
  test('no violation anywhere, and the flash and session cookies both survive the middleware', async ({
    page,
  }, testInfo) => {
    test.slow(); // a whole visit: register, four pages, axe on each
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to|Permissions[- ]Policy/i.test(message.text())) {
        violations.push(`console: ${message.text()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${event.violatedDirective}: ${event.blockedURI}`);
      });
    });
    const collect = async () => {
      if (!jsEnabled(testInfo)) return;
      const found = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp);
      violations.push(...(found ?? []));
    };

    const username = uniqueName('csp');
    await page.goto('/register');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Confirm password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The flash cookie (set with the session cookie) is shown once, and the session holds.
    await expect(page.getByRole('status')).toContainText(`Welcome, ${username}.`);
    await expect(page.getByRole('banner')).toContainText(username);
    await collect();
    await page.reload();
    await expect(page.getByRole('status')).not.toContainText('Welcome,');
    await expect(page.getByRole('banner')).toContainText(username);
    await expectAccessible(page);
    await collect();

    await page.goto('/logout');
    await expect(page.getByRole('heading', { name: 'Log out' })).toBeVisible();
    await expectAccessible(page);
    await collect();
    await page.getByRole('main').getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('status')).toContainText('You have been logged out.');
    await collect();

    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
    await collect();

    await page.goto('/login');
    await page.getByRole('link', { name: 'Create an account' }).first().click();
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await collect();

    expect(violations).toEqual([]);
  });

  test('the prerendered login page runs its scripts under its hash policy', async ({
    page,
  }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'its scripts are the point');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        violations.push(message.text());
    });
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("'sha256-");
    // Hydrated: the note that passkeys need JavaScript is gone.
    await expect(page.getByText('Signing in with a passkey needs JavaScript')).toHaveCount(0);
    // The router runs too: a link is followed without a new document.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(/\/login\/forgot$/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    await expectAccessible(page);
    expect(violations).toEqual([]);
  });
});
