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

/** Fills the contact form (add or edit) with the given labels' values. */
async function fillContact(page: Page, fields: ContactFields): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
}

/** Fills the contact form (add or edit) and saves it. */
export async function saveContact(page: Page, fields: ContactFields): Promise<void> {
  await fillContact(page, fields);
  await page.getByRole('button', { name: 'Save contact' }).click();
}

/** The contact form shows these values (after an error: exactly what was typed). */
export async function expectContactValues(page: Page, fields: ContactFields): Promise<void> {
  for (const [label, value] of Object.entries(fields)) {
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  }
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

/** A CSV of `count` contacts named Person001 Testcase…, with distinct birthdays. */
export function generatedCsv(count: number, lastName = 'Testcase'): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return `Person${n},${lastName},19${50 + (i % 50)}-${month}-${day},p${n}@example.com`;
  });
  return `First name,Last name,Birthday,Email\n${rows.join('\n')}\n`;
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
