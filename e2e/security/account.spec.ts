import type { Page } from '@playwright/test';
import { expect, expectAccessible, TEST_PASSWORD, registerUser, signIn, test } from '../fixtures';
import { cookieHeader, raw, showsSignedIn, submitForm } from './http';

/**
 * Replay of a captured cookie after the account page ends the session (on /account).
 * Written before the account page existed, then fitted to its real forms and sessions table;
 * e2e/session-security.spec.ts covers the same replays through a browser, these with raw requests.
 */
const NEW_PASSWORD = 'a different horse battery staple';
const FIREFOX_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';

test.describe('replay after the account page ends a session', () => {
  async function replay(baseURL: string, cookie: string) {
    const res = await raw(baseURL, '/', { headers: { cookie } });
    expect(res.status).toBeLessThan(500);
    return res.status === 200 && showsSignedIn(res.body);
  }

  /** Signs `page` in through the form: a session of its own, besides the registration's. */
  async function logIn(page: Page, username: string, password = TEST_PASSWORD) {
    await page.goto('/login');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${username}` })).toBeVisible();
  }

  /** The cookie of one more session of the user, signed in from another "device". */
  async function anotherSession(baseURL: string, username: string, userAgent = FIREFOX_MAC) {
    const res = await submitForm(
      baseURL,
      '/login',
      [
        ['username', username],
        ['password', TEST_PASSWORD],
      ],
      { 'user-agent': userAgent },
    );
    expect(res.status).toBe(303);
    const cookie = cookieHeader(res, (name) => name.endsWith('cc_session'));
    expect(await replay(baseURL, cookie)).toBe(true);
    return cookie;
  }

  test('after a password change, every other session is dead; this one lives', async ({
    browser,
    baseURL,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const stolen = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const another = await anotherSession(baseURL!, user.username);
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await logIn(page, user.username);
    await page.goto('/account');
    await expectAccessible(page);
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Your password has been changed.' }),
    ).toBeVisible();
    expect(await replay(baseURL!, stolen)).toBe(false);
    expect(await replay(baseURL!, another)).toBe(false);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
    const mine = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    expect(await replay(baseURL!, mine)).toBe(true);
    await context.close();
  });

  test('after "Revoke", the revoked cookie is dead', async ({ browser, baseURL, page }) => {
    const user = await registerUser(browser, baseURL!);
    const kept = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const other = await anotherSession(baseURL!, user.username);
    // This page signs in separately, so the user has three sessions.
    await logIn(page, user.username);
    await page.goto('/account');
    await expect(page.getByRole('button', { name: /^Revoke / })).toHaveCount(3);
    // The session that is neither "this device" nor the registration's.
    const row = page.getByRole('row').filter({ hasText: 'Firefox on macOS' });
    await expect(row).not.toContainText('This device');
    await row.getByRole('button', { name: /^Revoke / }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'The session has been revoked.' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: /^Revoke / })).toHaveCount(2);
    expect(await replay(baseURL!, other)).toBe(false);
    // Only that one: the registration's session and this one live on.
    expect(await replay(baseURL!, kept)).toBe(true);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
  });

  test('after "Log out other sessions", the others are dead', async ({
    browser,
    baseURL,
    page,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const other = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const another = await anotherSession(baseURL!, user.username);
    await logIn(page, user.username);
    await page.goto('/account');
    await page.getByRole('button', { name: 'Log out other sessions' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Logged out of 2 other sessions.' }),
    ).toBeVisible();
    expect(await replay(baseURL!, other)).toBe(false);
    expect(await replay(baseURL!, another)).toBe(false);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
  });

  test('after account deletion, every cookie is dead and the name is free again', async ({
    browser,
    baseURL,
    context,
    page,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const stolen = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await signIn(context, user);
    await page.goto('/account');
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await replay(baseURL!, stolen)).toBe(false);
    await registerUser(browser, baseURL!, user.username);
  });

  test('another user’s session id cannot be revoked', async ({ browser, baseURL, page, user }) => {
    const victim = await registerUser(browser, baseURL!);
    const victimCookie = victim.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await page.goto('/account');
    // Every revoke form on the page, with its session id swapped for ids that are not ours.
    for (const form of await page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Revoke' }) })
      .all()) {
      await form.locator('input[type=hidden]').evaluateAll((inputs) => {
        for (const input of inputs as HTMLInputElement[]) {
          if (/^[0-9a-f]{64}$/.test(input.value)) input.value = 'f'.repeat(64);
        }
      });
    }
    await page.getByRole('button', { name: 'Revoke' }).first().click();
    expect(await replay(baseURL!, victimCookie)).toBe(true);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
  });
});
