import type { Page } from '@playwright/test';
import {
  changePassword,
  deleteAccount,
  expectSignedIn,
  expectSignedOut,
  postForm,
  secondSession,
  submitLogin,
} from './auth-helpers';
import { expect, expectAccessible, TEST_PASSWORD, registerUser, test } from './fixtures';

const FIREFOX_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0';
const NEW_PASSWORD = 'a brand new passphrase 2';

/** The table row of the session that is not this device, found by its browser name. */
const sessionRow = (page: Page, browser: string) =>
  page.getByRole('row').filter({ hasText: browser });

/** Can the user sign in with this password, in a fresh browser? */
async function canSignIn(page: Page, username: string, password: string): Promise<boolean> {
  const context = await page
    .context()
    .browser()!
    .newContext({
      baseURL: new URL(page.url()).origin,
      javaScriptEnabled: false,
    });
  try {
    const fresh = await context.newPage();
    await fresh.goto('/login');
    await submitLogin(fresh, username, password);
    await expect(
      fresh
        .getByRole('banner')
        .getByText('Signed in as')
        .or(fresh.getByRole('alert').filter({ hasText: 'Invalid username or password.' })),
    ).toBeVisible();
    return (await fresh.getByRole('banner').getByText('Signed in as').count()) > 0;
  } finally {
    await context.close();
  }
}

// Several sign-ins and argon2 hashes per test: give a busy machine room.
test.describe.configure({ timeout: 60_000 });

test.describe('account page', () => {
  test('lists the active sessions with browser, times and this device', async ({
    page,
    user,
    browser,
    baseURL,
  }) => {
    const other = await secondSession(browser, baseURL!, user, FIREFOX_MAC);
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Browsers signed in to your account' });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Browser',
      'Created',
      'Last active',
      'Actions',
    ]);
    await expect(table.getByRole('row')).toHaveCount(3);
    const mine = sessionRow(page, 'This device');
    await expect(mine).toHaveCount(1);
    await expect(mine).toContainText(/Chrome on (Linux|Windows)/);
    const theirs = sessionRow(page, 'Firefox on macOS');
    await expect(theirs).not.toContainText('This device');
    await expect(theirs.locator('time')).toHaveCount(2);
    await expect(theirs.locator('time').first()).toHaveText(
      /\d{4}, \d{1,2}:\d\d( [AP]M)? (UTC|GMT[+-][\d:]+)$/,
    );
    await expect(page.getByRole('button', { name: 'Log out other sessions' })).toBeVisible();
    await expectAccessible(page);
    await other.context.close();
  });

  test('change password: each problem is a field error, and nothing changes', async ({
    page,
    user,
    otherSession: other,
  }) => {
    // Five refused submissions of the whole account page (sessions, sync and calendar sections),
    // each checking a password with argon2, and two axe runs: more than the default minute.
    test.slow();
    await page.goto('/account');
    await expectAccessible(page);

    const cases: [string, string, string, string, RegExp][] = [
      ['not my password', NEW_PASSWORD, NEW_PASSWORD, 'Current password', /not correct/],
      [TEST_PASSWORD, 'password1', 'password1', 'New password', /too common/],
      [TEST_PASSWORD, 'short', 'short', 'New password', /at least 8 characters/],
      [TEST_PASSWORD, user.username, user.username, 'New password', /cannot be your username/],
      [TEST_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`, 'Confirm new password', /do not match/],
    ];
    for (const [current, next, confirm, field, message] of cases) {
      await page.goto('/account');
      await changePassword(page, current, next, confirm);
      await expect(page.getByLabel(field, { exact: true })).toHaveAccessibleDescription(message);
      await expect(page.getByLabel(field, { exact: true })).toHaveAttribute('aria-invalid', 'true');
      for (const label of ['Current password', 'New password', 'Confirm new password']) {
        await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
      }
    }
    await expectAccessible(page);
    expect(await canSignIn(page, user.username, TEST_PASSWORD)).toBe(true);
    await expectSignedIn(other.page, user.username);
  });

  test('change password: success keeps this session and ends the others', async ({
    page,
    user,
    otherSession: other,
  }) => {
    await page.goto('/account');
    await changePassword(page, TEST_PASSWORD, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + this one
    await expectAccessible(page);
    await expectSignedIn(page, user.username);
    // The other browser (and any copy of its cookie) is signed out.
    await expectSignedOut(other.page);
    expect(await canSignIn(page, user.username, TEST_PASSWORD)).toBe(false);
    expect(await canSignIn(page, user.username, NEW_PASSWORD)).toBe(true);
  });

  test('revoke one session, then log out the others', async ({ page, user, browser, baseURL }) => {
    const firefox = await secondSession(browser, baseURL!, user, FIREFOX_MAC);
    const second = await secondSession(browser, baseURL!, user);
    const third = await secondSession(browser, baseURL!, user);
    await page.goto('/account');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(5);

    await sessionRow(page, 'Firefox on macOS').getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('status')).toContainText('The session has been revoked.');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
    await expect(sessionRow(page, 'Firefox on macOS')).toHaveCount(0);
    await expectSignedOut(firefox.page);
    await expectSignedIn(second.page, user.username);

    await page.goto('/account');
    await page.getByRole('button', { name: 'Log out other sessions' }).click();
    await expect(page.getByRole('status')).toContainText('Logged out of 2 other sessions.');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
    await expect(page.getByText('No other browser is signed in to your account.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Log out other sessions' })).toHaveCount(0);
    await expectAccessible(page);
    await expectSignedOut(second.page);
    await expectSignedOut(third.page);
    await expectSignedIn(page, user.username);
    for (const s of [firefox, second, third]) await s.context.close();
  });

  test("revoking this device's session signs out; its cookie is worthless after", async ({
    page,
    context,
    user,
  }) => {
    await page.goto('/account');
    const cookies = await context.cookies();
    await sessionRow(page, 'This device').getByRole('button', { name: 'Revoke' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('status')).toContainText('You have been logged out.');
    await context.addCookies(cookies);
    await expectSignedOut(page, '/account');
    expect(await canSignIn(page, user.username, TEST_PASSWORD)).toBe(true);
  });

  test("another user's session id cannot be revoked", async ({ page, user, browser, baseURL }) => {
    // Bob's session id is on Bob's own account page; Alice (the fixture user) posts it.
    const bob = await registerUser(browser, baseURL!);
    const bobSession = await secondSession(browser, baseURL!, bob);
    await bobSession.page.goto('/account');
    const bobsId = await bobSession.page
      .getByRole('row')
      .filter({ hasText: 'This device' })
      .locator('input[name="sessionId"]')
      .getAttribute('value');
    expect(bobsId).toMatch(/^[0-9a-f]{64}$/);

    await page.goto('/account');
    const form = page.getByRole('row').filter({ hasText: 'This device' }).locator('form');
    const response = await postForm(page, form, { sessionId: bobsId! });
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('That session had already ended.');
    await expectSignedIn(bobSession.page, bob.username);
    await expectSignedIn(page, user.username);
    await bobSession.context.close();
  });

  test('delete account: wrong password refused; then the account, its sessions and cookies are gone', async ({
    page,
    context,
    user,
    otherSession: other,
  }) => {
    await page.goto('/account');
    await deleteAccount(page, 'not my password');
    const field = page.getByLabel('Password', { exact: true });
    await expect(field).toHaveAccessibleDescription(/The password is not correct\./);
    await expect(field).toHaveValue('');
    await expectAccessible(page);
    await expectSignedIn(page, user.username);

    await page.goto('/account');
    const cookies = await context.cookies();
    await deleteAccount(page, TEST_PASSWORD);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('status')).toContainText('Your account has been deleted.');
    await expect(page.getByRole('banner')).not.toContainText('Signed in as');
    await expectAccessible(page);
    await context.addCookies(cookies);
    await expectSignedOut(page);
    await expectSignedOut(other.page);
    expect(await canSignIn(page, user.username, TEST_PASSWORD)).toBe(false);
  });
});
