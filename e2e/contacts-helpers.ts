import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type ContactFields = Partial<
  Record<
    | 'First name'
    | 'Last name'
    | 'Birthday'
    | 'Email'
    | 'Website'
    | 'Work phone'
    | 'Home phone'
    | 'Mobile phone'
    | 'Notes',
    string
  >
>;

const PHONE_LABELS = { 'Work phone': 'work', 'Home phone': 'home', 'Mobile phone': 'mobile' };
const SIMPLE = { 'First name': 'Given name', 'Last name': 'Family name', Notes: 'Note' } as const;

/** The editor's row `kind`.`index` exists: clicks "Add …" until it does (a round trip without JavaScript). */
async function ensureRow(page: Page, kind: string, index: number, add: string) {
  const value = page.locator(`#f-${kind}-${index}-value`);
  while ((await value.count()) === 0) {
    await page.getByRole('button', { name: add, exact: true }).click();
    await expect(page.locator(`#f-${kind}-0-value`)).toBeVisible();
  }
  return value;
}

/**
 * Fills the contact editor (add or edit) from the short names the first version's form had:
 * first/last name are the given/family name, each phone takes the next phone row with its label,
 * the birthday (YYYY-MM-DD) fills day, month and year.
 */
async function fillContact(page: Page, fields: ContactFields): Promise<void> {
  let phone = 0;
  for (const [key, value] of Object.entries(fields)) {
    if (key in SIMPLE) {
      await page.getByLabel(SIMPLE[key as keyof typeof SIMPLE], { exact: true }).fill(value);
    } else if (key === 'Birthday') {
      const [year = '', month = '', day = ''] = value.split('-');
      const group = page.getByRole('group', { name: 'Birthday' });
      await group.getByLabel('Day').fill(day ? String(Number(day)) : '');
      await group.getByLabel('Month').selectOption(month ? String(Number(month)) : '');
      await group.getByLabel('Year').fill(year);
    } else if (key === 'Email') {
      await (await ensureRow(page, 'emails', 0, 'Add email')).fill(value);
    } else if (key === 'Website') {
      await (await ensureRow(page, 'urls', 0, 'Add website')).fill(value);
    } else if (key in PHONE_LABELS) {
      const row = phone++;
      await (await ensureRow(page, 'phones', row, 'Add phone')).fill(value);
      await page
        .locator(`#f-phones-${row}-label`)
        .selectOption(PHONE_LABELS[key as keyof typeof PHONE_LABELS]);
    }
  }
}

/** Fills the contact form (add or edit) and saves it. */
export async function saveContact(page: Page, fields: ContactFields): Promise<void> {
  await fillContact(page, fields);
  await page.getByRole('button', { name: 'Save contact' }).click();
}

/** Adds a contact through the form and returns its id (from the page it lands on). */
export async function addContact(page: Page, fields: ContactFields): Promise<string> {
  await page.goto('/contacts/new');
  await saveContact(page, fields);
  await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

/** Imports a file through the import form. */
export async function importFile(page: Page, name: string, content: string | Buffer) {
  await page.goto('/contacts/import');
  await page.getByLabel('File').setInputFiles({
    name,
    mimeType: name.endsWith('.csv') ? 'text/csv' : 'text/vcard',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
  await page.getByRole('button', { name: 'Import' }).click();
}

/** The names in the contacts table, in order. */
export async function tableNames(page: Page): Promise<string[]> {
  return page.getByRole('table').getByRole('rowheader').allInnerTexts();
}

/** The Delete control: a button that opens a dialog with JavaScript, a link without. */
export function deleteControl(page: Page) {
  return page
    .getByRole('button', { name: 'Delete', exact: true })
    .or(page.getByRole('link', { name: 'Delete', exact: true }));
}

/** A polite message (flash or summary) with this text is shown. */
export async function expectStatus(page: Page, text: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: text })).toBeVisible();
}

/** The contacts table lists exactly these names, in this order (waits for it). */
export async function expectNames(page: Page, names: string[]): Promise<void> {
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(names);
}
