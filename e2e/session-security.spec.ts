import type { Page } from '@playwright/test';
import {
  expectSignedIn,
  expectSignedOut,
  sealForServer,
  secondSession,
  sessionCookie,
  setSessionCookie,
  tokenOf,
} from './auth-helpers';
import { expect, expectAccessible, TEST_PASSWORD, test } from './fixtures';

/** Words that only a signed-in page shows. */
const PROTECTED_TEXT = ['Active sessions', 'Change password', 'Welcome,'];

// Several sign-ins and argon2 hashes per test: give a busy machine room.
test.describe.configure({ timeout: 60_000 });

test.describe('session cookies', () => {
  test('tampered, forged and malformed cookies count as signed out, without an error', async ({
    page,
    context,
    user,
    baseURL,
  }) => {
    const real = await sessionCookie(context);
    const token = await tokenOf(real);
    const flipAt = Math.floor(real.value.length / 2);
    const flipped = real.value[flipAt] === 'A' ? 'B' : 'A';
    const { sealData } = await import('iron-session');
    const variants: [string, string][] = [
      [
        'one character changed',
        real.value.slice(0, flipAt) + flipped + real.value.slice(flipAt + 1),
      ],
      ['truncated', real.value.slice(0, -5)],
      ['random text', 'not-a-seal-at-all'],
      ['oversized', real.value + 'x'.repeat(3000)],
      [
        'the real token sealed with another secret',
        await sealData({ token }, { password: 'another-secret-that-is-long-enough-0123456789' }),
      ],
      [
        'a made-up token sealed with the right secret',
        await sealForServer({ token: 'A'.repeat(43) }),
      ],
    ];
    for (const [name, value] of variants) {
      await setSessionCookie(context, baseURL!, value);
      await expectSignedOut(page, '/account');
      await expect(
        page.getByRole('heading', { name: 'Temporarily unavailable' }),
        name,
      ).toHaveCount(0);
    }
    await expectAccessible(page);
    await setSessionCookie(context, baseURL!, real.value);
    await expectSignedIn(page, user.username);
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

  test('a replayed cookie is refused after a password change, a revoke and account deletion', async ({
    page,
    user,
    browser,
    baseURL,
  }) => {
    const replay = async (act: () => Promise<void>) => {
      const other = await secondSession(browser, baseURL!, user);
      const captured = await other.context.cookies();
      await act();
      await other.context.clearCookies();
      await other.context.addCookies(captured);
      await expectSignedOut(other.page, '/account');
      await other.context.close();
    };
    await replay(async () => {
      await page.goto('/account');
      await page.getByLabel('Current password').fill(TEST_PASSWORD);
      await page.getByLabel('New password', { exact: true }).fill(`${TEST_PASSWORD} again`);
      await page.getByLabel('Confirm new password').fill(`${TEST_PASSWORD} again`);
      await page.getByRole('button', { name: 'Change password' }).click();
      await expect(page.getByRole('status')).toContainText('Your password has been changed.');
    });
    user.password = `${TEST_PASSWORD} again`;
    await replay(async () => {
      await page.goto('/account');
      const row = page.getByRole('row').filter({ hasNotText: 'This device' }).nth(1);
      await row.getByRole('button', { name: 'Revoke' }).click();
      await expect(page.getByRole('status')).toContainText('The session has been revoked.');
    });
    await replay(async () => {
      await page.goto('/account');
      await page.getByLabel('Password', { exact: true }).fill(user.password);
      await page.getByRole('button', { name: 'Delete account' }).click();
      await expect(page.getByRole('status')).toContainText('Your account has been deleted.');
    });
  });
});

test.describe('without a session', () => {
  test('every account action changes nothing and leads to the sign-in page', async ({
    page,
    context,
    user,
    browser,
    baseURL,
  }) => {
    const other = await secondSession(browser, baseURL!, user);
    const cookies = await context.cookies();
    const actions: [string, (page: Page) => Promise<void>][] = [
      [
        'change password',
        async (p) => {
          await p.getByLabel('Current password').fill(TEST_PASSWORD);
          await p.getByLabel('New password', { exact: true }).fill('a brand new passphrase 3');
          await p.getByLabel('Confirm new password').fill('a brand new passphrase 3');
          await p.getByRole('button', { name: 'Change password' }).click();
        },
      ],
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
      [
        'delete account',
        async (p) => {
          await p.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
          await p.getByRole('button', { name: 'Delete account' }).click();
        },
      ],
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
    await other.context.close();
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

  test('the sign-in redirect is relative, whatever Host the request claims', async ({
    request,
  }) => {
    const response = await request.get('/contacts?sort=added', {
      headers: { 'x-forwarded-host': 'evil.example', forwarded: 'host=evil.example' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe('/login?next=%2Fcontacts%3Fsort%3Dadded');
  });
});
