import { expect, expectAccessible, PASSWORD, registerUser, signIn, test } from '../fixtures';
import { raw, showsSignedIn } from './http';

/**
 * Replay of a captured cookie after the account page ends the session (issue 3's /account).
 * The cases marked fixme were written before the account page existed and do not fit it yet;
 * e2e/session-security.spec.ts covers the same replays.
 */
const NEW_PASSWORD = 'a different horse battery staple';

test.describe('replay after the account page ends a session', () => {
  async function replay(baseURL: string, cookie: string) {
    const res = await raw(baseURL, '/', { headers: { cookie } });
    expect(res.status).toBeLessThan(500);
    return res.status === 200 && showsSignedIn(res.body);
  }

  test.fixme('after a password change, every other session is dead; this one lives', async ({
    browser,
    baseURL,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const stolen = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.goto('/account');
    await expectAccessible(page);
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    expect(await replay(baseURL!, stolen)).toBe(false);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
    await context.close();
  });

  test.fixme('after "Revoke", the revoked cookie is dead', async ({
    browser,
    baseURL,
    page,
    context,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const other = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // This page signs in separately, so the user has two sessions.
    await page.goto('/login');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.goto('/account');
    const revoke = page.getByRole('button', { name: 'Revoke' });
    await expect(revoke).toHaveCount(2);
    // The session that is not "this device".
    await page
      .getByRole('listitem')
      .filter({ hasNotText: 'this device' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    expect(await replay(baseURL!, other)).toBe(false);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
    void context;
  });

  test.fixme('after "Log out other sessions", the others are dead', async ({
    browser,
    baseURL,
    page,
  }) => {
    const user = await registerUser(browser, baseURL!);
    const other = user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await page.goto('/login');
    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.goto('/account');
    await page.getByRole('button', { name: 'Log out other sessions' }).click();
    expect(await replay(baseURL!, other)).toBe(false);
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
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
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
