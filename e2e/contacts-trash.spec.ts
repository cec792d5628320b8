import type { Page } from '@playwright/test';
import { deleteControl, expectNames, expectStatus } from './contacts-helpers';
import { importCards, rowOf } from './contacts-list-helpers';
import { expect, expectAccessible, jsEnabled, test } from './fixtures';

test.use({ signedIn: true });

/** Opens the contact from the list and deletes it (a dialog with JavaScript, a page without). */
async function deleteContact(page: Page, name: string): Promise<void> {
  await page.goto('/contacts');
  await page.getByRole('rowheader', { name, exact: true }).getByRole('link').click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await deleteControl(page).click();
  await expect(page.getByText(/goes to the Trash/)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page).toHaveURL('/contacts');
  await expectStatus(page, 'Contact deleted.');
}

test.describe('Trash', () => {
  test('delete moves a contact to the Trash, and the message’s Undo brings it back', async ({
    page,
  }) => {
    await importCards(page, [
      { given: 'Ada', family: 'Lovelace' },
      { given: 'Grace', family: 'Hopper' },
    ]);
    await deleteContact(page, 'Ada Lovelace');
    await expectNames(page, ['Grace Hopper']);
    await expectAccessible(page);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expectStatus(page, 'Contact restored.');
    await expect(page.getByRole('heading', { name: 'Ada Lovelace', exact: true })).toBeVisible();
    await page.goto('/contacts');
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace']);
    // The message was shown once: a later page has no Undo.
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  });

  test('the Trash lists deleted contacts with the days left; restore, delete forever, empty', async ({
    page,
  }) => {
    test.slow();
    await importCards(page, [
      { given: 'Ada', family: 'Lovelace' },
      { given: 'Grace', family: 'Hopper' },
      { given: 'Alan', family: 'Turing' },
      { given: 'Kurt', family: 'Gödel' },
    ]);
    for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) {
      await deleteContact(page, name);
    }
    await page.getByRole('link', { name: 'Trash' }).first().click();
    await expect(page).toHaveURL('/contacts/trash');
    await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
    const trash = page.getByRole('list', { name: 'Contacts in the Trash' });
    await expect(trash.getByRole('listitem')).toHaveCount(3);
    const ada = trash.getByRole('listitem').filter({ hasText: 'Ada Lovelace' });
    await expect(ada).toContainText('Deleted forever in 30 days');
    await expectAccessible(page);

    // Restore: back in the list, gone from the Trash.
    await page.getByRole('button', { name: 'Restore Ada Lovelace' }).click();
    await expectStatus(page, 'Contact restored.');
    await expect(trash.getByRole('listitem')).toHaveCount(2);
    await page.goto('/contacts');
    await expectNames(page, ['Kurt Gödel', 'Ada Lovelace']);
    await expect(rowOf(page, 'Grace Hopper')).toHaveCount(0);

    // Delete forever asks first; Cancel keeps it.
    await page.goto('/contacts/trash');
    await page.getByRole('link', { name: /^Delete forever\W+Grace Hopper$/ }).click();
    await expect(page.getByRole('heading', { name: 'Delete Grace Hopper forever?' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(trash.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('link', { name: /^Delete forever\W+Grace Hopper$/ }).click();
    await page.getByRole('button', { name: 'Yes, delete forever' }).click();
    await expectStatus(page, 'Contact deleted forever.');
    await expect(trash.getByRole('listitem')).toHaveCount(1);

    // Empty trash asks first too.
    await page.getByRole('link', { name: 'Empty trash' }).click();
    await expect(page.getByRole('heading', { name: 'Empty the Trash?' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, empty the Trash' }).click();
    await expectStatus(page, '1 contact deleted forever.');
    await expect(page.getByText('The Trash is empty.')).toBeVisible();
    await expectAccessible(page);
    await page.goto('/contacts');
    await expect(page.getByText('There are 2 contacts in your address book.')).toBeVisible();
  });

  test('Undo and Restore act only on this user’s contacts in Trash', async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'Plain HTTP: once is enough.');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const undo = await page.request.post('/contacts/trash/restore', {
      form: { id: unknown },
      maxRedirects: 0,
    });
    expect(undo.status()).toBe(303);
    expect(undo.headers()['location']).toBe('/contacts/trash');
    await page.goto('/contacts/trash');
    await expect(
      page.getByRole('alert').filter({ hasText: 'That contact is not in the Trash any more.' }),
    ).toBeVisible();
    // A confirmation page for a contact not in Trash is a 404.
    const response = await page.goto(`/contacts/trash/${unknown}/delete`);
    expect(response?.status()).toBe(404);
  });
});
