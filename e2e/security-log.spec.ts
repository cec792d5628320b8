import { STRICT_URL } from '../playwright.config';
import { expect, expectAccessible, registerUser, test } from './fixtures';

/*
 * The security log (/account/security-log) and re-authentication before a security change
 * (/account/confirm). The strict server lets a sign-in vouch for 20 seconds (REAUTH_WINDOW), so
 * a test can see it lapse; the main server's lasts all day.
 */
const log = (page: import('@playwright/test').Page) =>
  page.getByRole('table', { name: 'Security events, newest first' });

test.describe('security log and re-authentication', () => {
  test('the log shows the sign-in and an app password made, with the browser', async ({
    page,
    user,
  }) => {
    await page.goto('/account');
    await page.getByLabel('Device name').fill('Log test phone');
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(page.getByTestId('new-app-password')).toBeVisible();
    await page.getByRole('link', { name: 'see the security log' }).click();
    await expect(page).toHaveURL(/\/account\/security-log$/);
    await expect(page.getByRole('heading', { name: 'Security log', level: 1 })).toBeVisible();
    const created = log(page).getByRole('row').filter({ hasText: 'App password created' });
    await expect(created).toContainText('Log test phone');
    await expect(created).toContainText('Chrome');
    await expectAccessible(page);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  });

  test('after the window a security change asks for the password again, then goes on', async ({
    browser,
    javaScriptEnabled,
  }) => {
    test.slow();
    const owner = await registerUser(browser, STRICT_URL);
    const context = await browser.newContext({ baseURL: STRICT_URL, javaScriptEnabled });
    await context.addCookies(owner.cookies);
    const page = await context.newPage();
    // The registration's sign-in stops vouching after REAUTH_WINDOW (20 s on this server).
    await page.waitForTimeout(21_000);
    await page.goto('/account');
    await page.getByLabel('Device name').fill('After the window');
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(page).toHaveURL(/\/account\/confirm\?next=%2Faccount$/);
    await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('The password is not correct.')).toBeVisible();

    await page.getByLabel('Password', { exact: true }).fill(owner.password);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.getByLabel('Device name').fill('After the window');
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(page.getByTestId('new-app-password')).toBeVisible();

    await page.goto('/account/security-log');
    await expect(
      log(page).getByRole('row').filter({ hasText: 'Identity confirmed' }),
    ).toContainText('with the password');
    await context.close();
  });
});
