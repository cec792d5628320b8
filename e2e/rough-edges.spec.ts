import { addContact, deleteControl, importFile } from './contacts-helpers';
import { changePassword, expectSignedIn, secondSession } from './auth-helpers';
import { expect, expectAccessible, jsEnabled, test, TEST_PASSWORD } from './fixtures';

/** Issue 14's rough edges a first-time user hits: focus, messages, hints. */

test.describe('signed in', () => {
  test.use({ signedIn: true });

  test('delete: Cancel has focus when asked, so an Enter at once deletes nothing', async ({
    page,
  }, testInfo) => {
    const id = await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
    await page.goto(`/contacts/${id}`);
    await deleteControl(page).click();
    if (jsEnabled(testInfo)) {
      const dialog = page.getByRole('dialog', { name: 'Delete Grace Hopper?' });
      await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
    } else {
      await expect(page).toHaveURL(`/contacts/${id}/delete`);
      await expect(page.getByRole('link', { name: 'Cancel' })).toBeFocused();
      await expectAccessible(page);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(`/contacts/${id}`);
    }
    await page.goto(`/contacts/${id}`);
    await expect(page.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  });

  test('a refused save puts focus on the list of problems', async ({ page }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('Number').fill('121');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const summary = page
      .getByRole('alert')
      .filter({ hasText: /There (is a problem|are \d+ problems)/ });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('unless it is in the United States.');
    // A second refusal in a row brings focus back from the field to the new list.
    await page.getByLabel('Number').fill('122');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(summary).toBeFocused();
  });

  test('a search gives its count and, with JavaScript, focus goes to it', async ({ page }) => {
    await addContact(page, { 'First name': 'Searchable', 'Last name': 'One' });
    await addContact(page, { 'First name': 'Searchable', 'Last name': 'Two' });
    await page.goto('/contacts');
    await page.getByRole('searchbox', { name: 'Search' }).fill('Searchable');
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
    const summary = page.locator('#search-summary');
    await expect(summary).toHaveText('2 contacts match “Searchable”.');
    if (jsEnabled(test.info())) await expect(summary).toBeFocused();
    await expectAccessible(page);
  });

  test('change password refuses the current password as the new one', async ({ page }) => {
    test.slow(); // two argon2 checks and the whole account page
    await page.goto('/account');
    await changePassword(page, TEST_PASSWORD, TEST_PASSWORD);
    const field = page.getByLabel('New password', { exact: true });
    await expect(field).toHaveAccessibleDescription(/different from your current one/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue(''); // passwords are never typed back
    await expect(page.getByLabel('Current password')).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('import names an empty file and a file that is not contacts', async ({ page }) => {
    await importFile(page, 'empty.vcf', '');
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(/The file is empty\./);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await importFile(page, 'contacts.csv', png);
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(
      /This file is a PNG image, not a contacts file\. Choose a vCard \(\.vcf\) or CSV file/,
    );
    await expectAccessible(page);
  });

  test('the phone hint names the country numbers are taken to be in', async ({ page }) => {
    await page.goto('/contacts/new');
    await expect(page.getByLabel('Number')).toHaveAccessibleDescription(
      /unless it is in the United States\./,
    );
  });
});

test.describe('a session ended elsewhere', () => {
  test('revoked from another device: the login page says so', async ({
    page,
    user,
    browser,
    baseURL,
  }) => {
    const other = await secondSession(browser, baseURL!, user);
    try {
      await page.goto('/account');
      await page
        .getByRole('row')
        .filter({ hasNotText: 'This device' })
        .getByRole('button', { name: 'Revoke' })
        .click();
      await expect(page.getByRole('status')).toContainText('The session has been revoked.');
      await other.page.goto('/contacts');
      await expect(other.page).toHaveURL(/\/login\?ended=revoked$/);
      await expect(
        other.page.getByText('this session was ended from another device'),
      ).toBeVisible();
      await expectAccessible(other.page, { javaScript: false });
    } finally {
      await other.context.close();
    }
  });

  test('ended by a password change: the login page says so', async ({
    page,
    user,
    browser,
    baseURL,
  }) => {
    test.slow();
    const other = await secondSession(browser, baseURL!, user);
    try {
      await page.goto('/account');
      await changePassword(page, TEST_PASSWORD, `${TEST_PASSWORD}-new`);
      await expect(page.getByRole('status')).toContainText('Your password has been changed.');
      await other.page.goto('/');
      await expect(other.page).toHaveURL(/\/login\?ended=password$/);
      await expect(other.page.getByText('because your password was changed')).toBeVisible();
      await expectSignedIn(page, user.username);
    } finally {
      await other.context.close();
    }
  });

  test('the login page shows only the reasons it knows', async ({ page }) => {
    await page.goto('/login?ended=%3Cb%3Ehacked%3C%2Fb%3E');
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('hacked');
    await expect(page.locator('.flash-info')).toHaveCount(0);
  });
});

test.describe('the header', () => {
  test('signed out it offers only Log in and Register, and marks the page shown', async ({
    page,
  }) => {
    await page.goto('/login');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(banner.getByRole('link')).toHaveText(['Contact Cards', 'Log in', 'Register']);
    await expect(banner.getByRole('link', { name: 'Log in' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(banner.getByRole('link', { name: 'Register' })).not.toHaveAttribute(
      'aria-current',
    );
    await banner.getByRole('link', { name: 'Register' }).click();
    await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Register' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectAccessible(page);
  });

  test('signed in it marks the page shown, and only that one', async ({ page, user }) => {
    await page.goto('/contacts');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Contacts' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    await nav.getByRole('link', { name: 'Trash' }).click();
    await expect(nav.getByRole('link', { name: 'Trash' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current]')).toHaveCount(1);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  });
});

test.describe('at 320 px', () => {
  test.use({ signedIn: true, viewport: { width: 320, height: 800 } });

  test('the list with its sort, search summary and pager, and the login message, never scroll sideways', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.skip(!jsEnabled(test.info()), 'Measured with a script; the layout is the same without.');
    const wide = async (p: typeof page) =>
      p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await addContact(page, { 'First name': 'Narrow', 'Last name': 'Screen' });
    await page.goto('/contacts?q=narrow&page=2');
    await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText('Page 2 of 1');
    await expect(page.getByRole('navigation', { name: 'Sort' })).toBeVisible();
    expect(await wide(page)).toBeLessThanOrEqual(0);
    const anonymous = await browser.newContext({ baseURL, viewport: { width: 320, height: 800 } });
    try {
      const login = await anonymous.newPage();
      await login.goto('/login?ended=password');
      await expect(login.getByText('because your password was changed')).toBeVisible();
      expect(await wide(login)).toBeLessThanOrEqual(0);
    } finally {
      await anonymous.close();
    }
  });
});
