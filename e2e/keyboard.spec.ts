import type { Locator, Page } from '@playwright/test';
import { expectStatus } from './contacts-helpers';
import { importCards } from './contacts-list-helpers';
import { expect, test } from './fixtures';

/**
 * A keyboard-only pass: add a contact, edit it, delete it, merge two duplicates, with Tab,
 * Shift+Tab, Enter, Space and the arrow keys only (no clicks). The only other inputs are the
 * seeding import and the first address typed. Focus must be visible where it lands.
 * Both projects: without JavaScript Delete is a link to a confirmation page instead of a dialog.
 */
test.use({ signedIn: true });

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of ${back ? 'Shift+Tab' : 'Tab'} did not reach ${target}`);
}

/** The focused element shows a focus ring: an outline or a box shadow, not nothing. */
async function expectFocusVisible(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement!;
    const style = getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      shadow: style.boxShadow !== 'none',
    };
  });
  expect(ring.focusVisible, 'focus came from the keyboard').toBe(true);
  expect(ring.outline || ring.shadow, 'the focused element has a visible ring').toBe(true);
}

test('add, edit and delete a contact with the keyboard only', async ({ page }) => {
  test.slow();
  await page.goto('/contacts');

  // Add.
  const add = page.getByRole('link', { name: 'Add your first contact' });
  await tabTo(page, add);
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/contacts/new');
  await tabTo(page, page.getByLabel('Given name'));
  await expectFocusVisible(page);
  await page.keyboard.type('Keyboard');
  await page.keyboard.press('Tab'); // Middle name
  await page.keyboard.press('Tab'); // Family name
  await expect(page.getByLabel('Family name')).toBeFocused();
  await page.keyboard.type('Only');
  // Enter in a text field saves the form.
  await page.keyboard.press('Enter');
  await expectStatus(page, 'Contact saved.');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard Only' })).toBeVisible();

  // Edit.
  await tabTo(page, page.getByRole('link', { name: 'Edit', exact: true }));
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}\/edit$/);
  await tabTo(page, page.getByLabel('Nickname'));
  await page.keyboard.type('Keys');
  await page.keyboard.press('Enter');
  await expectStatus(page, 'Contact saved.');
  await expect(page.getByText('Keys', { exact: true })).toBeVisible();

  // Delete: a dialog that opens on Cancel with JavaScript, a confirmation page without.
  const js = test.info().project.use.javaScriptEnabled !== false;
  const remove = js
    ? page.getByRole('button', { name: 'Delete', exact: true })
    : page.getByRole('link', { name: 'Delete', exact: true });
  await tabTo(page, remove);
  await expectFocusVisible(page);
  await page.keyboard.press(js ? 'Space' : 'Enter');
  const yes = page.getByRole('button', { name: 'Yes, delete' });
  if (js) {
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(yes).toBeFocused();
  } else {
    await expect(page).toHaveURL(/\/delete$/);
    await tabTo(page, yes);
  }
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expectStatus(page, 'Contact deleted.');
  await expect(page.getByText('There are no contacts in your address book.')).toBeVisible();
});

test('merge two duplicates with the keyboard only', async ({ page }) => {
  test.slow();
  await importCards(page, [
    { given: 'Grace', family: 'Hopper', org: 'US Navy', phone: '+1 213 373 4253' },
    { given: 'Grace', family: 'Hopper', org: 'Yale', phone: '(213) 373-4253' },
  ]);
  await page.goto('/contacts');
  await tabTo(page, page.getByRole('link', { name: 'Merge duplicates' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Merge duplicates' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: /Review and merge/ }));
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Review and merge' })).toBeVisible();

  // Tab reaches the organisation group's checked choice; an arrow key picks the other one.
  const organisation = page.getByRole('group', { name: 'Organisation' });
  const checked = organisation.getByRole('radio', { checked: true });
  await tabTo(page, checked);
  await expectFocusVisible(page);
  const before = await checked.getAttribute('value');
  await page.keyboard.press('ArrowDown');
  await expect(organisation.getByRole('radio', { checked: true })).not.toHaveAttribute(
    'value',
    before!,
  );
  await tabTo(page, page.getByRole('button', { name: 'Merge', exact: true }));
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expectStatus(page, 'Merged Grace Hopper.');
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Hopper' })).toBeVisible();
});
