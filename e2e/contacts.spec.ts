import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { addContact, deleteControl, saveContact } from './contacts-helpers';
import { expect, expectAccessible, jsEnabled, test } from './fixtures';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

const field = (page: Page, path: string) => page.locator(`#f-${path.replace(/\./g, '-')}`);
const photo = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();

async function choosePhoto(page: Page) {
  await page
    .getByLabel(/^(Photo|Replace photo)$/)
    .setInputFiles({ name: 'ada.png', mimeType: 'image/png', buffer: await photo() });
}

/** Nothing on the page is wider than a 320 px screen. */
async function expectNoSidewaysScroll(page: Page) {
  if (!jsEnabled(test.info())) return; // measured with a script; the layout is the same without
  await page.setViewportSize({ width: 320, height: 800 });
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `sideways scroll on ${page.url()}`).toBeLessThanOrEqual(client);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe('the contact editor', () => {
  test('a complete contact: add with rows, a photo and a label, keep a short code, edit, remove a row', async ({
    page,
  }) => {
    test.slow();
    await page.goto('/contacts/new');
    await expect(page.getByRole('heading', { name: 'Add a contact' })).toBeVisible();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    await page.getByLabel('Given name').fill('Ada');
    await page.getByLabel('Family name').fill('Lovelace');
    await page.getByLabel('Company or organisation').fill('Analytical Engines');
    await field(page, 'emails.0.value').fill('ada@example.com');
    await field(page, 'phones.0.value').fill('+44 20 7946 0958');
    await field(page, 'phones.0.label').selectOption('mobile');
    // Rows are added by the server without JavaScript (every value kept), at once with it.
    await page.getByRole('button', { name: 'Add email' }).click();
    await expect(field(page, 'emails.1.value')).toBeVisible();
    if (jsEnabled(test.info())) await expect(field(page, 'emails.1.value')).toBeFocused();
    await expect(page.getByLabel('Given name')).toHaveValue('Ada');
    await field(page, 'emails.1.value').fill('ada@home.example');
    await field(page, 'emails.1.label').selectOption('home');
    await page.getByRole('button', { name: 'Add phone' }).click();
    await field(page, 'phones.1.value').fill('(213) 373-4253');
    await field(page, 'phones.1.label').selectOption('work');
    await page.getByRole('button', { name: 'Add phone' }).click();
    await field(page, 'phones.2.value').fill('121');
    await field(page, 'phones.2.labelOther').fill('Voicemail');
    await page.getByRole('button', { name: 'Add address' }).click();
    await field(page, 'addresses.0.street').fill("12 St James's Square");
    await field(page, 'addresses.0.locality').fill('London');
    await field(page, 'addresses.0.postalCode').fill('SW1Y 4JH');
    await field(page, 'addresses.0.country').fill('United Kingdom');
    const birthday = page.getByRole('group', { name: 'Birthday' });
    await birthday.getByLabel('Day').fill('10');
    await birthday.getByLabel('Month').selectOption('12');
    await page.getByLabel('New label').fill('Mathematicians');
    await expect(field(page, 'phones.0.value')).toHaveValue('+44 20 7946 0958');
    await choosePhoto(page);
    await page.getByRole('button', { name: 'Save contact' }).click();

    // "121" is no number in any plan: refused, with every value kept and the summary focused.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: /^Phone 3: Enter a valid phone number/ }),
    ).toBeVisible();
    await expect(field(page, 'phones.2.value')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, 'phones.2.value')).toHaveAccessibleDescription(
      /Enter a valid phone number/,
    );
    await expect(field(page, 'phones.2.value')).toHaveValue('121');
    await expect(field(page, 'emails.1.value')).toHaveValue('ada@home.example');
    await expect(field(page, 'addresses.0.street')).toHaveValue("12 St James's Square");
    await expect(page.getByLabel('New label')).toHaveValue('');
    await expect(page.getByRole('checkbox', { name: 'Mathematicians' })).toBeChecked();
    await expectAccessible(page);
    await summary.getByRole('link').click();
    await expect(field(page, 'phones.2.value')).toBeFocused();

    // Keep it as typed; the photo is chosen again (a browser never refills a file field).
    await page.getByLabel(/Save it as typed anyway/).check();
    await choosePhoto(page);
    await page.getByRole('button', { name: 'Save contact' }).click();
    // Without JavaScript the browser keeps the summary link's #fragment through the redirect.
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}(#[\w-]+)?$/);
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    await expect(page.getByRole('status')).toContainText('Contact saved.');
    await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
    for (const [name, href] of [
      ['ada@example.com', 'mailto:ada@example.com'],
      ['ada@home.example', 'mailto:ada@home.example'],
      ['+44 20 7946 0958', 'tel:+442079460958'],
      ['+1 213 373 4253', 'tel:+12133734253'],
      ['Mathematicians', '/contacts?label=Mathematicians'],
    ] as const) {
      await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(page.getByText(/kept as typed/)).toBeVisible();
    await expect(page.getByText('Voicemail', { exact: false })).toBeVisible();
    await expect(page.getByText('Analytical Engines')).toBeVisible();
    await expect(page.getByText("12 St James's Square")).toBeVisible();
    await expect(page.getByText('Dec 10', { exact: true })).toBeVisible();
    const img = page.getByRole('img', { name: 'Photo of Ada Lovelace' });
    await expect(img).toBeVisible();
    const res = await page.request.get((await img.getAttribute('src'))!);
    expect(res.headers()['content-type']).toBe('image/jpeg');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // Edit: remove the work number, add a website; the short code stays kept.
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(`/contacts/${id}/edit`);
    await expect(page.getByRole('heading', { name: 'Edit Ada Lovelace' })).toBeVisible();
    await expect(field(page, 'phones.2.value')).toHaveValue('121');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Remove phone 2' }).click();
    await expect(field(page, 'phones.2.value')).toHaveCount(0);
    await expect(field(page, 'phones.1.value')).toHaveValue('121');
    await page.getByRole('button', { name: 'Add website' }).click();
    await field(page, 'urls.0.value').fill('https://ada.example/notes');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page).toHaveURL(`/contacts/${id}`);
    await expect(page.getByRole('link', { name: 'https://ada.example/notes' })).toBeVisible();
    await expect(page.getByRole('link', { name: '+1 213 373 4253' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '121', exact: true })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Photo of Ada Lovelace' })).toBeVisible();

    // Remove the photo: initials instead.
    await page.goto(`/contacts/${id}/edit`);
    await page.getByLabel('Remove photo').check();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page).toHaveURL(`/contacts/${id}`);
    await expect(page.getByRole('img', { name: 'Photo of Ada Lovelace' })).toHaveCount(0);
  });

  test('a failed save keeps the values, and the summary is focused and links to each field', async ({
    page,
  }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('Nickname').fill('');
    await field(page, 'emails.0.value').fill('not an email');
    await page.getByLabel('Note').fill('Keep\nthis note');
    const birthday = page.getByRole('group', { name: 'Birthday' });
    await birthday.getByLabel('Day').fill('31');
    await birthday.getByLabel('Month').selectOption('2');
    await page.getByRole('button', { name: 'Save contact' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There are' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      /^Email 1: Enter an email address/,
      /^Birthday: Enter a day and a month/,
    ]);
    await expect(field(page, 'emails.0.value')).toHaveValue('not an email');
    await expect(page.getByLabel('Note')).toHaveValue('Keep\nthis note');
    await expect(birthday.getByLabel('Day')).toHaveValue('31');
    await expect(birthday.getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);
    await summary.getByRole('link', { name: /^Birthday/ }).click();
    await expect(birthday.getByLabel('Day')).toBeFocused();

    // Nothing to find the contact by: one error for the whole contact, linked to the name.
    await page.goto('/contacts/new');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
    await page.getByRole('link', { name: /^Contact: Enter a name/ }).click();
    await expect(page.getByLabel('Given name')).toBeFocused();
  });

  test('removing and adding rows keeps every other value', async ({ page }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('Given name').fill('Rows');
    await field(page, 'emails.0.value').fill('one@example.com');
    await page.getByRole('button', { name: 'Add email' }).click();
    await field(page, 'emails.1.value').fill('two@example.com');
    await page.getByRole('button', { name: 'Add email' }).click();
    await field(page, 'emails.2.value').fill('three@example.com');
    await page.getByRole('button', { name: 'Remove email 2' }).click();
    await expect(page.locator('input[name^="emails."][name$=".value"]')).toHaveCount(2);
    await expect(field(page, 'emails.0.value')).toHaveValue('one@example.com');
    await expect(field(page, 'emails.1.value')).toHaveValue('three@example.com');
    await expect(page.getByLabel('Given name')).toHaveValue('Rows');
    if (jsEnabled(test.info()))
      await expect(page.getByRole('button', { name: 'Add email' })).toBeFocused();
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('heading', { name: 'Rows' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'three@example.com' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'two@example.com' })).toHaveCount(0);
  });

  test('Enter in a text field saves the contact', async ({ page }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('Given name').fill('Enter');
    await page.getByLabel('Given name').press('Enter');
    await expect(page.getByRole('heading', { name: 'Enter', exact: true })).toBeVisible();
  });
});

test.describe('a contact: view, delete', () => {
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
    };
    await saveContact(page, bad);
    await expect(field(page, 'emails.0.value')).toHaveValue(bad.Email);
    await expect(field(page, 'urls.0.value')).toHaveValue(bad.Website);
    await expect(field(page, 'phones.1.value')).toHaveValue(bad['Home phone']);
    await expect(field(page, 'urls.0.value')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('main svg, main b')).toHaveCount(0);

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
    await expect(page.getByLabel('Given name')).toHaveValue('Amazing Grace');
    await expect(page.getByLabel('Note')).toHaveValue('Typed in the stale page');
    await expectAccessible(page);

    // Nothing was overwritten.
    await other.goto(`/contacts/${id}/edit`);
    await expect(other.getByLabel('Family name')).toHaveValue('Brewster');
    await expect(other.getByLabel('Given name')).toHaveValue('Grace');

    // Saving again is deliberate and goes through.
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page.getByRole('heading', { name: 'Amazing Grace Hopper' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Contact saved.');
  });
});
