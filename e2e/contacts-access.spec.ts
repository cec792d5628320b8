import { addContact, fillContact } from './contacts-helpers';
import { expect, expectAccessible, registerUser, signIn, test } from './fixtures';

test.describe('ownership and stale edits', () => {
  test("another user's contact is a 404 for reading, editing, deleting and exporting", async ({
    page,
    browser,
    baseURL,
    user,
  }, testInfo) => {
    // Many steps (several users, pages and files): more than the default time on a busy machine.
    test.slow();
    void user;
    const id = await addContact(page, { 'First name': 'Secret', 'Last name': 'Person' });
    const other = await registerUser(browser, baseURL!);
    const context = await browser.newContext({
      baseURL,
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    });
    await signIn(context, other);
    const intruder = await context.newPage();

    // The same 404 page as an unknown address: status, title, and the signed-in header.
    const expectNotFound = async (path: string) => {
      const response = await intruder.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(intruder.getByRole('heading', { name: 'Page not found' }), path).toBeVisible();
      await expect(intruder).toHaveTitle('Page not found · Contact Cards');
      await expect(intruder.getByRole('button', { name: 'Log out' })).toBeVisible();
      expect(new URL(intruder.url()).pathname, path).toBe(path);
    };
    for (const path of [`/contacts/${id}`, `/contacts/${id}/edit`, `/contacts/${id}/delete`]) {
      await expectNotFound(path);
      await expect(intruder.getByText('Secret')).toHaveCount(0);
    }
    await expectAccessible(intruder);
    // A malformed id and a deleted one look the same.
    const doomed = await addContact(page, { 'First name': 'Doomed' });
    await page.goto(`/contacts/${doomed}/delete`);
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    for (const path of ['/contacts/not-a-uuid', "/contacts/1'%20or%20'1'='1/edit"]) {
      await expectNotFound(path);
    }
    const deleted = await page.goto(`/contacts/${doomed}`);
    expect(deleted?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    const download = await intruder.request.get(`/contacts/${id}/vcard`);
    expect(download.status()).toBe(404);
    expect(await download.text()).not.toContain('Secret');
    const whole = await intruder.request.get('/contacts/export.vcf');
    expect(whole.status()).toBe(200);
    expect(await whole.text()).not.toContain('Secret');

    // Forged forms: the intruder's own contact's forms, pointed at the victim's id.
    const ownId = await addContact(intruder, { 'First name': 'Own' });
    await intruder.goto(`/contacts/${ownId}/edit`);
    await intruder.locator('input[name=id]').evaluate((el, victim) => {
      (el as HTMLInputElement).value = victim;
    }, id);
    await fillContact(intruder, { 'First name': 'Hacked' });
    await intruder.getByRole('button', { name: 'Save contact' }).click();
    await expect(intruder.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    await intruder.goto(`/contacts/${ownId}/delete`);
    await intruder.locator('input[name=id]').evaluate((el, victim) => {
      (el as HTMLInputElement).value = victim;
    }, id);
    await intruder.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(intruder.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await context.close();

    // The owner's contact is untouched.
    await page.goto(`/contacts/${id}`);
    await expect(page.getByRole('heading', { name: 'Secret Person' })).toBeVisible();
    const own = await page.request.get(`/contacts/${id}/vcard`);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-disposition']).toContain('Secret Person.vcf');
    expect(await own.text()).toContain('FN:Secret Person');
  });

  test('a stale edit is refused, shows the current values and keeps what was typed', async ({
    page,
    context,
    user,
  }) => {
    void user;
    const id = await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
    await page.goto(`/contacts/${id}/edit`);
    const other = await context.newPage();
    await other.goto(`/contacts/${id}/edit`);
    await fillContact(other, { 'Last name': 'Brewster', Email: 'grace@example.com' });
    await other.getByRole('button', { name: 'Save contact' }).click();
    await expect(other.getByRole('heading', { name: 'Grace Brewster' })).toBeVisible();

    await fillContact(page, { 'First name': 'Amazing Grace', Notes: 'Typed in the stale page' });
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'This contact was changed since you opened it' }),
    ).toBeVisible();
    const current = page.getByRole('region', { name: 'Current saved values' });
    await expect(current).toContainText('Brewster');
    await expect(current).toContainText('grace@example.com');
    await expect(page.getByLabel('First name')).toHaveValue('Amazing Grace');
    await expect(page.getByLabel('Notes')).toHaveValue('Typed in the stale page');
    await expectAccessible(page);

    // Nothing was overwritten.
    await other.goto(`/contacts/${id}/edit`);
    await expect(other.getByLabel('Last name')).toHaveValue('Brewster');
    await expect(other.getByLabel('First name')).toHaveValue('Grace');

    // Saving again is deliberate and goes through.
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('heading', { name: 'Amazing Grace Hopper' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Contact saved.');
  });
});
