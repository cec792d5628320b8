import type { Page } from '@playwright/test';
import { sealData, unsealData } from 'iron-session';
import {
  actionFields,
  cookieHeader,
  multipart,
  raw,
  setCookies,
  signInCookie,
  submitForm,
  TEST_SESSION_SECRET,
} from '../../test/support';
import {
  changePassword,
  deleteAccount,
  expectSignedIn,
  expectSignedOut,
  sealForServer,
  sessionCookie,
  setSessionCookie,
  tokenOf,
} from '../auth-helpers';
import { expect, expectAccessible, TEST_PASSWORD, test } from '../fixtures';
import { registerRaw, showsSignedIn } from './http';

/**
 * Session cookies an attacker plants, edits, forges or replays. Each must count as no session;
 * the control cases (a cookie sealed with the real secret) show the checks can tell the difference.
 */
const SECRETS = { '1': TEST_SESSION_SECRET };

const valueOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1);

async function signedInAs(base: string, cookieValue: string) {
  const res = await raw(base, '/', { headers: { cookie: `cc_session=${cookieValue}` } });
  expect(res.status, 'never an error').toBeLessThan(500);
  return { res, signedIn: res.status === 200 && showsSignedIn(res.body) };
}

test.describe('session cookies (raw HTTP)', () => {
  test('fixation: a cookie planted before sign-in is replaced, and the attacker’s stays theirs', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const attacker = await registerRaw(base);
    const victim = await registerRaw(base);
    const form = actionFields((await raw(base, '/login')).body);
    for (const planted of ['cc_session=attacker-chosen-value', attacker.cookie]) {
      const { body, contentType } = await multipart([
        ...form,
        ['username', victim.username],
        ['password', victim.password],
      ]);
      const res = await raw(base, '/login', {
        method: 'POST',
        headers: { origin: base, 'content-type': contentType, cookie: planted },
        body,
      });
      expect(res.status).toBe(303);
      const fresh = cookieHeader(res, (n) => n === 'cc_session');
      expect(fresh).toMatch(/^cc_session=Fe26\.2\*/);
      expect(valueOf(fresh)).not.toBe(valueOf(planted));
      const home = await raw(base, '/', { headers: { cookie: fresh } });
      expect(showsSignedIn(home.body, victim.username)).toBe(true);
    }
    // The attacker's planted cookie was not promoted to the victim's account: signing in in that
    // browser ended the session it named.
    const theirs = await raw(base, '/', { headers: { cookie: attacker.cookie } });
    expect(theirs.body).not.toContain(victim.username);
    expect(showsSignedIn(theirs.body)).toBe(false);
  });

  test('tampered, truncated and garbage cookies count as no session', async ({ baseURL }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const value = valueOf(user.cookie);
    expect((await signedInAs(base, value)).signedIn, 'the untouched cookie works').toBe(true);
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const parts = value.split('*');
    const variants = {
      'one character of the ciphertext': flip(value, value.indexOf(parts[4]!) + 5),
      'one character of the MAC': flip(value, value.lastIndexOf(parts[7]!) + 3),
      'the expiry pushed forward': value.replace(parts[5]!, String(Number(parts[5]) + 1e9)),
      'the last ten characters cut': value.slice(0, -10),
      'half of it': value.slice(0, Math.floor(value.length / 2)),
      'only the prefix': 'Fe26.2*1*',
      'an empty value': '',
      'another format': 'eyJhbGciOiJub25lIn0.eyJ0b2tlbiI6IngifQ.',
      'non-ASCII': '%F0%9F%8D%AA%00%FF',
    };
    for (const [what, forged] of Object.entries(variants)) {
      const { res, signedIn } = await signedInAs(base, forged);
      expect(signedIn, what).toBe(false);
      expect(res.status, what).toBe(307);
      expect(res.headers.location, what).toBe('/login?next=%2F');
      expect(res.body, what).not.toContain(user.username);
    }
  });

  test('a seal made with another key is refused, whatever it holds', async ({ baseURL }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const { token } = await unsealData<{ token: string }>(valueOf(user.cookie), {
      password: SECRETS,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Control: resealed with the servers' own secret, the token is a working session.
    const control = await sealData({ token }, { password: SECRETS, ttl: 3600 });
    expect((await signedInAs(base, control)).signedIn).toBe(true);
    for (const key of [
      'another-secret-entirely-0123456789abcdefghij',
      TEST_SESSION_SECRET.replace(/.$/, 'X'),
      `${TEST_SESSION_SECRET}-longer`,
    ]) {
      const foreign = await sealData({ token }, { password: { '1': key }, ttl: 3600 });
      expect((await signedInAs(base, foreign)).signedIn, key).toBe(false);
    }
    // A well-sealed cookie whose token is not a session, or not a token at all.
    for (const data of [{ token: 'A'.repeat(43) }, { token: 42 }, { userId: 'admin' }, {}]) {
      const sealed = await sealData(data, { password: SECRETS, ttl: 3600 });
      expect((await signedInAs(base, sealed)).signedIn, JSON.stringify(data)).toBe(false);
    }
  });

  test('oversized cookies are ignored, oversized headers refused, and the server carries on', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const value = valueOf(user.cookie);
    // Under the header limit: ignored unread (a real seal is a few hundred bytes).
    const padded = `${value}${'A'.repeat(6000)}`;
    const big = await signedInAs(base, padded);
    expect(big.signedIn).toBe(false);
    expect(big.res.status).toBe(307);
    const manyCookies = Array.from({ length: 150 }, (_, i) => `c${i}=${'x'.repeat(40)}`).join('; ');
    const crowded = await raw(base, '/', { headers: { cookie: `${manyCookies}; ${user.cookie}` } });
    expect(crowded.status).toBe(200);
    // Over it: 431 from the server itself, before anything is parsed.
    for (const headers of [
      { cookie: `cc_session=${'A'.repeat(20_000)}` },
      { 'x-filler': 'y'.repeat(17_000) },
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`x-h${i}`, 'z'.repeat(50)])),
    ]) {
      const res = await raw(base, '/login', { headers });
      expect(res.status).toBe(431);
      expect(res.body).not.toMatch(/at |Error/);
    }
    expect((await raw(base, '/api/health')).status).toBe(200);
    expect((await signedInAs(base, value)).signedIn).toBe(true);
  });

  test('replay after logout: the old cookie is dead, and a new sign-in gets a new one', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    const logout = await submitForm(base, '/', [], { cookie: user.cookie });
    expect(logout.status).toBe(303);
    expect(String(setCookies(logout).get('cc_session'))).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await signedInAs(base, valueOf(user.cookie))).signedIn).toBe(false);
    const fresh = await signInCookie(base, user.username, TEST_PASSWORD);
    expect(valueOf(fresh)).not.toBe(valueOf(user.cookie));
    expect((await signedInAs(base, valueOf(fresh))).signedIn).toBe(true);
    expect((await signedInAs(base, valueOf(user.cookie))).signedIn).toBe(false);
  });
});

test.describe('session cookies in the browser', () => {
  test('a cookie planted before sign-in is replaced by the form', async ({
    page,
    context,
    baseURL,
  }) => {
    const victim = await registerRaw(baseURL!);
    await context.addCookies([{ name: 'cc_session', value: 'planted-by-attacker', url: baseURL! }]);
    await page.goto('/login');
    await page.getByLabel('Username').fill(victim.username);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('banner')).toContainText(victim.username);
    const session = (await context.cookies()).find((c) => c.name === 'cc_session')!;
    expect(session.value).toMatch(/^Fe26\.2\*/);
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    await expectAccessible(page);
  });

  test('a tampered cookie shows the signed-out site, never an error', async ({
    page,
    context,
    baseURL,
    user,
  }) => {
    const session = (await context.cookies()).find((c) => c.name === 'cc_session')!;
    await context.addCookies([
      { name: 'cc_session', value: session.value.slice(0, -4) + 'AAAA', url: baseURL! },
    ]);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login\?next=%2F$/);
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page.getByRole('banner')).not.toContainText(user.username);
  });

  test('an expired seal is refused even though its session is alive', async ({
    page,
    context,
    user,
    baseURL,
  }) => {
    const token = await tokenOf(await sessionCookie(context));
    // iron-session allows 60 seconds of clock skew, so the seal expired two minutes ago.
    await setSessionCookie(context, baseURL!, await sealForServer({ token }, -120));
    await expectSignedOut(page);
    // The same token in a fresh seal still works: the seal's expiry alone signed it out.
    await setSessionCookie(context, baseURL!, await sealForServer({ token }, 600));
    await expectSignedIn(page, user.username);
  });
});

/** Words that only a signed-in page shows. */
const PROTECTED_TEXT = ['Active sessions', 'Change password', 'Welcome,'];

test.describe('without a session, in the browser', () => {
  // Several sign-ins and argon2 hashes per test: give a busy machine room.
  test.describe.configure({ timeout: 60_000 });

  test('every account action changes nothing and leads to the sign-in page', async ({
    page,
    context,
    user,
    otherSession: other,
  }) => {
    const cookies = await context.cookies();
    const actions: [string, (page: Page) => Promise<void>][] = [
      ['change password', (p) => changePassword(p, TEST_PASSWORD, 'a brand new passphrase 3')],
      [
        'revoke another session',
        (p) =>
          p
            .getByRole('row')
            .filter({ hasNotText: 'This device' })
            .nth(1)
            .getByRole('button', { name: 'Revoke' })
            .click(),
      ],
      [
        'revoke this session',
        (p) =>
          p
            .getByRole('row')
            .filter({ hasText: 'This device' })
            .getByRole('button', { name: 'Revoke' })
            .click(),
      ],
      [
        'log out other sessions',
        (p) => p.getByRole('button', { name: 'Log out other sessions' }).click(),
      ],
      ['delete account', (p) => deleteAccount(p, TEST_PASSWORD)],
      ['log out', (p) => p.getByRole('banner').getByRole('button', { name: 'Log out' }).click()],
    ];
    for (const [name, act] of actions) {
      await context.addCookies(cookies);
      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
      await context.clearCookies();
      await act(page);
      await expect(page, name).toHaveURL(/\/login(\?|$)/);
      await expect(page.getByRole('heading', { name: 'Log in' }), name).toBeVisible();
    }
    // Nothing changed: both sessions live, the password and the account are as they were.
    await context.addCookies(cookies);
    await page.goto('/account');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
    await expectSignedIn(other.page, user.username);
    await context.clearCookies();
    await page.goto('/login');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  });

  test('a middleware-bypass header, RSC and prefetch requests reach no protected content', async ({
    page,
    context,
    request,
    user,
  }) => {
    // A cookie with a valid seal whose session has ended gets past the middleware's seal
    // check: only the pages' own database check stands between it and the content.
    await page.goto('/account');
    const revoked = await sessionCookie(context);
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('status')).toContainText('You have been logged out.');

    const bypass: Record<string, string>[] = [
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      { 'x-middleware-subrequest': 'src/middleware:src/middleware:src/middleware:src/middleware' },
      { rsc: '1' },
      { rsc: '1', 'next-router-prefetch': '1' },
      { rsc: '1', 'next-router-state-tree': encodeURIComponent(JSON.stringify(['', {}])) },
      {},
    ];
    for (const path of ['/', '/account', '/account?_rsc=x1', '/./account']) {
      for (const headers of bypass) {
        for (const cookie of [undefined, `cc_session=${revoked.value}`]) {
          const label = `${path} ${JSON.stringify(headers)} ${cookie ? 'revoked cookie' : 'no cookie'}`;
          let url = path;
          // Next answers an RSC request whose _rsc hash is missing with a redirect to the right one.
          for (let hop = 0; hop < 3; hop++) {
            const response = await request.get(url, {
              headers: { ...headers, ...(cookie ? { cookie } : {}) },
              maxRedirects: 0,
            });
            const body = await response.text();
            for (const text of [...PROTECTED_TEXT, user.username]) {
              expect(body, label).not.toContain(text);
            }
            const location = response.headers().location;
            if (!location || /^\/login(\?|$)/.test(location)) break;
            expect(location, label).toMatch(/[?&]_rsc(=|&|$)/);
            url = location;
          }
        }
      }
    }
  });
});
