import { addContact, deleteControl, expectContactValues, saveContact } from './contacts-helpers';
import { expect, expectAccessible, jsEnabled, test } from './fixtures';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

test.describe('a contact: add, view, edit, delete', () => {
  test('add a contact, see it, with a flash shown once', async ({ page, user }) => {
    // Six page loads and three axe runs: about 30 s without JavaScript on two busy cores.
    test.slow();
    await page.goto('/contacts/new');
    await expect(page.getByRole('heading', { name: 'Add a contact' })).toBeVisible();
    await expectAccessible(page);
    await saveContact(page, {
      'First name': 'Ada',
      'Last name': 'Lovelace',
      Birthday: '1985-12-10',
      Email: 'ada@example.com',
      Website: 'https://example.com/ada',
      'Work phone': '(213) 373-4253',
      'Home phone': '+44 20 7946 0958',
      'Mobile phone': '+33 6 12 34 56 78',
      Notes: 'Met at the Royal Society.\nLikes poetry.',
    });
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('status')).toContainText('Contact saved.');
    await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    for (const [name, href] of [
      ['ada@example.com', 'mailto:ada@example.com'],
      ['https://example.com/ada', 'https://example.com/ada'],
      ['+1 213 373 4253', 'tel:+12133734253'],
      ['+44 20 7946 0958', 'tel:+442079460958'],
    ] as const) {
      await expect(page.getByRole('link', { name })).toHaveAttribute('href', href);
    }
    await expect(page.getByText('10 December 1985')).toBeVisible();
    await expect(page.getByText('Met at the Royal Society.')).toBeVisible();
    await expectAccessible(page);

    // Shown once: not after a reload, not after the next navigation.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    await expect(page.getByRole('status')).not.toContainText('Contact saved.');
    await page.getByRole('link', { name: '← All contacts' }).click();
    await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
    await expect(page.getByRole('status')).not.toContainText('Contact saved.');
    await expect(page.getByText('There is 1 contact in your address book.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();

    // The home page counts it and lists it as recently added.
    await page.goto('/');
    await expect(page.getByRole('heading', { name: `Welcome, ${user.username}` })).toBeVisible();
    await expect(page.getByText('There is 1 contact in your address book.')).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Recently added' })
        .getByRole('link', { name: 'Ada Lovelace' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('validation errors appear by each field and every value typed is kept', async ({ page }) => {
    await page.goto('/contacts/new');
    const typed = {
      'First name': '',
      'Last name': '',
      Birthday: '1899-12-31',
      Email: 'not an email',
      Website: 'javascript:alert(1)',
      'Work phone': 'call me maybe',
      'Home phone': '12',
      'Mobile phone': '+1 213 373 4253',
      Notes: 'Keep\nthis note',
    };
    await saveContact(page, typed);
    await expect(page.getByLabel('First name')).toHaveAccessibleDescription(
      /Enter a first or last name\./,
    );
    await expect(page.getByLabel('First name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Birthday')).toHaveAccessibleDescription(
      /Enter a real date between 1900-01-01 and today\./,
    );
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
      /Enter an email address like name@example\.com\./,
    );
    await expect(page.getByLabel('Website')).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
    await expect(page.getByLabel('Work phone')).toHaveAccessibleDescription(
      /Enter a valid phone number/,
    );
    await expect(page.getByLabel('Home phone')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Mobile phone')).not.toHaveAttribute('aria-invalid', 'true');
    await expectContactValues(page, typed);
    await expectAccessible(page);

    // Fixing the errors saves the contact, with the phone formatted.
    await saveContact(page, {
      'Last name': 'Hopper',
      Birthday: '1906-12-09',
      Email: 'grace@example.com',
      Website: 'example.com',
      'Work phone': '',
      'Home phone': '',
    });
    await expect(page.getByRole('heading', { name: 'Hopper' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'https://example.com/' })).toBeVisible();
  });

  test('edit a contact', async ({ page }) => {
    const id = await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(`/contacts/${id}/edit`);
    await expect(page.getByRole('heading', { name: 'Edit Grace Hopper' })).toBeVisible();
    await expect(page.getByLabel('First name')).toHaveValue('Grace');
    await expectAccessible(page);
    await saveContact(page, { 'Last name': 'Brewster Hopper', 'Mobile phone': '2133734254' });
    await expect(page).toHaveURL(`/contacts/${id}`);
    await expect(page.getByRole('status')).toContainText('Contact saved.');
    await expect(page.getByRole('heading', { name: 'Grace Brewster Hopper' })).toBeVisible();
    await expect(page.getByRole('link', { name: '+1 213 373 4254' })).toBeVisible();
  });

  test('delete asks first: a dialog with JavaScript, a page without', async ({
    page,
  }, testInfo) => {
    const id = await addContact(page, { 'First name': 'Alan', 'Last name': 'Turing' });
    await addContact(page, { 'First name': 'Stays' });
    await page.goto(`/contacts/${id}`);
    await deleteControl(page).click();
    if (jsEnabled(testInfo)) {
      const dialog = page.getByRole('dialog', { name: 'Delete Alan Turing?' });
      await expect(dialog).toBeVisible();
      await expectAccessible(page);
      // Cancel closes it and deletes nothing.
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await deleteControl(page).click();
      await dialog.getByRole('button', { name: 'Yes, delete' }).click();
    } else {
      await expect(page).toHaveURL(`/contacts/${id}/delete`);
      await expect(page.getByRole('heading', { name: 'Delete Alan Turing?' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Yes, delete' }).click();
    }
    await expect(page).toHaveURL('/contacts');
    await expect(page.getByRole('status')).toContainText('Contact deleted.');
    await expect(page.getByText('There is 1 contact in your address book.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Alan Turing' })).toHaveCount(0);
    // Gone: its page is the 404 page now.
    await page.goto(`/contacts/${id}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the confirmation page works with JavaScript too, and Cancel goes back', async ({
    page,
  }) => {
    const id = await addContact(page, { 'First name': 'Cancel', 'Last name': 'Me' });
    await page.goto(`/contacts/${id}/delete`);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(`/contacts/${id}`);
    await page.goto(`/contacts/${id}/delete`);
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByRole('status')).toContainText('Contact deleted.');
    await expect(page.getByText('There are no contacts in your address book.')).toBeVisible();
  });

  test('markup and script in every field are shown as text', async ({ page }, testInfo) => {
    const payload = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
    const id = await addContact(page, {
      'First name': `${payload}A`,
      'Last name': `"><b>bold</b>`,
      Notes: `${payload}\n<a href="javascript:alert(1)">click</a>`,
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${payload}A "><b>bold</b>`);
    await expect(page.getByText('<a href="javascript:alert(1)">click</a>')).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);
    await expect(page.locator('main b')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'click' })).toHaveCount(0);

    // The fields that must be well formed refuse markup, keep it as typed, and never link it.
    await page.goto(`/contacts/${id}/edit`);
    const bad = {
      Email: `${payload}@example.com`,
      Website: `javascript:alert(document.cookie)//${payload}`,
      'Work phone': '<script>alert(1)</script>',
      'Home phone': '<b>1</b>',
      'Mobile phone': '"><svg onload=alert(1)>',
      Birthday: '',
    };
    await saveContact(page, bad);
    await expectContactValues(page, bad);
    await expect(page.getByLabel('Website')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('main svg, main img')).toHaveCount(0);

    for (const path of ['/contacts', '/']) {
      await page.goto(path);
      await expect(page.getByRole('link', { name: `${payload}A "><b>bold</b>` })).toBeVisible();
      await expect(page.locator('main img, main b')).toHaveCount(0);
    }
    if (jsEnabled(testInfo)) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    }
  });
});

test.describe('stale edits', () => {
  test('a stale edit is refused, shows the current values and keeps what was typed', async ({
    page,
    context,
  }) => {
    const id = await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
    await page.goto(`/contacts/${id}/edit`);
    const other = await context.newPage();
    await other.goto(`/contacts/${id}/edit`);
    await saveContact(other, { 'Last name': 'Brewster', Email: 'grace@example.com' });
    await expect(other.getByRole('heading', { name: 'Grace Brewster' })).toBeVisible();

    await saveContact(page, { 'First name': 'Amazing Grace', Notes: 'Typed in the stale page' });
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
