import {
  expectBannerSignedIn,
  expectSignedIn,
  expectSignedOut,
  fullWidth,
  logOut,
  postForm,
  submitLogin,
} from './auth-helpers';
import {
  expect,
  expectAccessible,
  TEST_PASSWORD,
  registerUser,
  test,
  uniqueName,
  type TestUser,
} from './fixtures';
import type { Page } from '@playwright/test';
import { OFF_SITE_TARGETS } from '../test/support';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function fillRegister(page: Page, username: string, password: string, confirm = password) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(confirm);
  await page.getByRole('button', { name: 'Create account' }).click();
}

// Several sign-ins and argon2 hashes per test: give a busy machine room.
test.describe.configure({ timeout: 60_000 });

test.describe('registration', () => {
  test('register, land home signed in with a welcome message', async ({ page }) => {
    const username = uniqueName('Reg');
    await page.goto('/register');
    await expectAccessible(page);
    await fillRegister(page, username, TEST_PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toContainText(`Welcome, ${username}.`);
    await expect(page.getByRole('banner')).toContainText(username);
    await expectAccessible(page);
  });

  test('validation errors sit beside their fields and keep the username, never the passwords', async ({
    page,
  }) => {
    const name = uniqueName('val');
    const cases: [string, string, string, string, string][] = [
      ['ab', TEST_PASSWORD, TEST_PASSWORD, 'Username', 'Use 3 to 32 characters.'],
      ['bad name!', TEST_PASSWORD, TEST_PASSWORD, 'Username', 'Use only letters, digits'],
      [name, 'short', 'short', 'Password', 'Use at least 8 characters.'],
      [name, 'password123', 'password123', 'Password', 'This password is too common.'],
      [name, name.toUpperCase(), name.toUpperCase(), 'Password', 'cannot be your username'],
      [name, TEST_PASSWORD, `${TEST_PASSWORD}!`, 'Confirm password', 'The passwords do not match.'],
    ];
    for (const [username, password, confirm, field, message] of cases) {
      // A fresh form each time, so no assertion can pass on the previous answer.
      await page.goto('/register');
      await fillRegister(page, username, password, confirm);
      const input = page.getByLabel(field, { exact: true });
      await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Username')).toHaveValue(username);
      await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
      await expect(page.getByLabel('Confirm password')).toHaveValue('');
      await expect(page).toHaveURL(/\/register$/);
    }
    await expectAccessible(page);
    // Nothing was created: the valid name is still free.
    await fillRegister(page, name, TEST_PASSWORD);
    await expect(page.getByRole('status')).toContainText(`Welcome, ${name}.`);
  });

  test('a taken username is refused, and so are its look-alikes, invisible and mixed-script forms', async ({
    page,
    browser,
    baseURL,
  }) => {
    // Only letters with Cyrillic twins (р а с е), so an all-Cyrillic copy is one script.
    const digits = `${Date.now() % 1e8}${Math.floor(Math.random() * 1000)}`;
    const original = `Pace${digits}`;
    await registerUser(browser, baseURL!, original);
    const taken = 'That username is taken. Choose another.';
    const attempts: [string, string][] = [
      [original.toLowerCase(), taken],
      [fullWidth(original.toUpperCase()), taken], // ＰＡＣＥ…
      [`Расе${digits}`, taken], // Cyrillic Р а с е
      [`Pаce${digits}`, 'Use letters from one alphabet only.'], // Cyrillic а among Latin
      [`Pa\u200bce${digits}`, 'Use only letters, digits, dots, underscores and hyphens.'],
      [`Pa\u00adce${digits}`, 'Use only letters, digits, dots, underscores and hyphens.'],
    ];
    for (const [username, message] of attempts) {
      await page.goto('/register');
      await fillRegister(page, username, TEST_PASSWORD);
      await expect(page.getByLabel('Username')).toHaveAccessibleDescription(
        new RegExp(escapeRegExp(message)),
      );
      await expect(page.getByLabel('Username')).toHaveValue(username);
    }
    await expectAccessible(page);
    // The full-width spelling signs in to the same account, shown as first typed.
    await page.goto('/login');
    await submitLogin(page, fullWidth(original), TEST_PASSWORD);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${original}`);
  });
});

test.describe('signing in and out', () => {
  test('anonymous visitors are sent to log in and come back to where they were going', async ({
    page,
    browser,
    baseURL,
  }) => {
    const user = await registerUser(browser, baseURL!);
    await page.goto('/contacts?sort=added');
    await expect(page).toHaveURL(/\/login\?next=%2Fcontacts%3Fsort%3Dadded$/);
    await expectAccessible(page);
    await submitLogin(page, user.username, TEST_PASSWORD);
    await expect(page).toHaveURL(/\/contacts\?sort=added$/);
  });

  test('every protected page sends an anonymous visitor to log in, remembering the address', async ({
    page,
  }) => {
    for (const path of ['/', '/account', '/contacts', '/contacts/new', '/contacts/abc?tab=1']) {
      await page.goto(path);
      await expect(page).toHaveURL(
        new RegExp(`/login\\?next=${escapeRegExp(encodeURIComponent(path))}$`),
      );
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    }
  });

  test('wrong password and unknown user get the same message; the username stays, the password does not', async ({
    page,
    browser,
    baseURL,
  }) => {
    const user = await registerUser(browser, baseURL!);
    for (const username of [user.username, uniqueName('nobody')]) {
      await page.goto('/login');
      await submitLogin(page, username, 'not the password at all');
      await expect(
        page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }),
      ).toBeVisible();
      await expect(page.getByLabel('Username')).toHaveValue(username);
      await expect(page.getByLabel('Password')).toHaveValue('');
      await expect(page.getByRole('banner')).not.toContainText('Signed in as');
      await expectAccessible(page);
    }
  });

  test('five failures lock the account at this address, even for the right password, until the window ends', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The main test server locks a (username, address) pair for THROTTLE_PAIR_WINDOW=6 seconds
    // after 5 failures; every test here comes from 127.0.0.1.
    const user = await registerUser(browser, baseURL!);
    const attempt = async (password: string) => {
      // A fresh form each time, so no assertion can pass on the previous answer.
      await page.goto('/login');
      await submitLogin(page, user.username, password);
    };
    // The five failures go in quickly, as the form would post them: on a busy machine five
    // page loads can take longer than the 6-second window.
    await page.goto('/login');
    const form = page.locator('main form');
    for (let i = 0; i < 5; i++) {
      const response = await postForm(page, form, {
        username: user.username,
        password: `wrong password ${i}`,
        next: '',
      });
      expect(await response.text()).toContain('Invalid username or password.');
    }
    const fifthFailure = Date.now();
    await attempt(TEST_PASSWORD);
    const lock = page.getByRole('alert').filter({ hasText: 'Too many attempts' });
    await expect(lock).toHaveText(
      /^Too many attempts for this account\. Try again in [1-6] seconds?\.$/,
    );
    await expect(page.getByLabel('Username')).toHaveValue(user.username);
    await expect(page.getByRole('banner')).not.toContainText('Signed in as');
    await expectAccessible(page);
    await page.waitForTimeout(Math.max(0, fifthFailure + 6_500 - Date.now()));
    await attempt(TEST_PASSWORD);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  });

  test('"Remember me" keeps the cookie for 30 days; otherwise it ends with the browser', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    const user = await registerUser(browser, baseURL!);
    for (const remember of [false, true]) {
      await context.clearCookies();
      await page.goto('/login');
      await submitLogin(page, user.username, TEST_PASSWORD, { remember });
      await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
      const cookie = (await context.cookies()).find((c) => c.name === 'cc_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      expect(cookie.path).toBe('/');
      if (remember) {
        const days = (cookie.expires - Date.now() / 1000) / 86_400;
        expect(days).toBeGreaterThan(29.9);
        expect(days).toBeLessThanOrEqual(30);
      } else {
        expect(cookie.expires).toBe(-1); // a browser-session cookie
      }
    }
  });

  test('a signed-in user opening /login or /register goes home; GET /logout changes nothing', async ({
    page,
    user,
  }) => {
    for (const path of ['/login', '/register', '/login?next=%2Faccount']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('heading', { name: `Welcome, ${user.username}` })).toBeVisible();
    }
    await page.goto('/logout');
    await expect(page.getByRole('heading', { name: 'Log out' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`You are signed in as ${user.username}`);
    await expectAccessible(page);
    await expectSignedIn(page, user.username);
    // The page's own button signs out.
    await page.goto('/logout');
    await page.getByRole('main').getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('status')).toContainText('You have been logged out.');
    await expectSignedOut(page);
    await page.goto('/logout');
    await expect(page.getByRole('main')).toContainText('You are not signed in.');
  });

  test('log out ends the session; a replayed cookie is worthless', async ({
    page,
    context,
    user,
  }) => {
    await expectBannerSignedIn(page, user.username);
    const cookies = await context.cookies();
    await logOut(page);
    await expect(page.getByRole('status')).toContainText('You have been logged out.');
    await expectAccessible(page);
    await context.addCookies(cookies);
    await expectSignedOut(page);
    await expectSignedOut(page, '/account');
  });

  test('open-redirect payloads in next all land on the home page', async ({
    page,
    context,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const user: TestUser = await registerUser(browser, baseURL!);
    const origin = new URL(baseURL!).origin;
    for (const next of OFF_SITE_TARGETS) {
      await context.clearCookies();
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await submitLogin(page, user.username, TEST_PASSWORD);
      await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
      const url = new URL(page.url());
      expect(url.origin, next).toBe(origin);
      expect(url.pathname, next).toBe('/');
    }
  });
});
