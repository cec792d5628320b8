import type { APIResponse, Browser, BrowserContext, Cookie, Locator, Page } from '@playwright/test';
import { sealData, unsealData } from 'iron-session';
import { TEST_SESSION_SECRET } from '../test/support';
import { expect } from '@playwright/test';
import type { TestUser } from './fixtures';

/** Helpers for the account, session and flash specs. */

const SESSION_COOKIE = 'cc_session';
export const FLASH_COOKIE = 'cc_flash';

/** Seals data as the test servers do (their SESSION_SECRET; a negative ttl is already expired). */
export function sealForServer(data: object, ttlSeconds = 300): Promise<string> {
  return sealData(data, { password: { 1: TEST_SESSION_SECRET }, ttl: ttlSeconds });
}

/** The random token inside a session cookie's seal. */
export async function tokenOf(cookie: Cookie): Promise<string> {
  const data = await unsealData<{ token?: string }>(cookie.value, {
    password: { 1: TEST_SESSION_SECRET },
  });
  if (!data.token) throw new Error('not a session seal');
  return data.token;
}

export async function sessionCookie(context: BrowserContext): Promise<Cookie> {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** Replaces the context's session cookie with one of the given value. */
export async function setSessionCookie(
  context: BrowserContext,
  baseURL: string,
  value: string,
): Promise<void> {
  await context.clearCookies({ name: SESSION_COOKIE });
  await context.addCookies([
    { name: SESSION_COOKIE, value, url: baseURL, httpOnly: true, sameSite: 'Lax' },
  ]);
}

/** Fills and submits the sign-in form on the current page. */
export async function submitLogin(
  page: Page,
  username: string,
  password: string,
  { remember = false } = {},
): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  if (remember) await page.getByLabel('Remember me').check();
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Fills and submits the account page's change-password form. */
export async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password').fill(confirm);
  await page.getByRole('button', { name: 'Change password' }).click();
}

/** Fills and submits the account page's delete-account form. */
export async function deleteAccount(page: Page, password: string) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Delete account' }).click();
}

/**
 * Signs the user in through the form in a fresh browser context: a second session, as from
 * another device. The caller closes the context.
 */
export async function secondSession(
  browser: Browser,
  baseURL: string,
  user: TestUser,
  userAgent?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, userAgent });
  const page = await context.newPage();
  await page.goto('/login');
  await submitLogin(page, user.username, user.password);
  await expect(page.getByRole('heading', { name: `Welcome, ${user.username}` })).toBeVisible();
  return { context, page };
}

/** Signed out: a protected page sends the browser to the sign-in form. */
export async function expectSignedOut(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText('Signed in as');
}

export async function expectSignedIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: `Welcome, ${username}` })).toBeVisible();
}

/** Opens the home page and checks that the site header names the signed-in user. */
export async function expectBannerSignedIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${username}`);
}

/** Logs out with the site header's button, which leads to the sign-in page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** A username in full-width forms (ＡＢＣ), which NFKC folds back to ASCII. */
export function fullWidth(name: string): string {
  return [...name]
    .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join('');
}

/**
 * Submits a form as a browser without JavaScript would (the no-JS server action protocol: the
 * form's hidden fields, which name the action, plus the given fields, as multipart). Reads the
 * form through attributes only, so it works in both projects.
 */
export async function postForm(
  page: Page,
  form: Locator,
  overrides: Record<string, string> = {},
): Promise<APIResponse> {
  const fields: Record<string, string> = {};
  for (const input of await form.locator('input[type="hidden"]').all()) {
    const name = (await input.getAttribute('name'))!;
    fields[name] = (await input.getAttribute('value')) ?? '';
  }
  Object.assign(fields, overrides);
  const url = new URL(page.url());
  return page.request.post(url.pathname + url.search, {
    multipart: fields,
    headers: { origin: url.origin },
  });
}

/** Opens the account's security log (on `origin` when given) and returns its table. */
export async function openSecurityLog(page: Page, origin = ''): Promise<Locator> {
  await page.goto(`${origin}/account/security-log`);
  return page.getByRole('table', { name: 'Security events, newest first' });
}
