import fs from 'node:fs';
import path from 'node:path';
import { expectNames, expectStatus, importFile } from './contacts-helpers';
import { expect, expectAccessible, registerUser, signIn, test } from './fixtures';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

const sample = (name: string) =>
  fs.readFileSync(path.join(process.cwd(), 'lib', 'contacts', 'samples', name));

test.describe('import and export', () => {
  test('import vCards from Apple, Google, Outlook and vCard 4.0', async ({ page }) => {
    // Many steps (several users, pages and files): more than the default time on a busy machine.
    test.slow();
    await page.goto('/contacts/import');
    await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
    await expectAccessible(page);
    for (const [file, count] of [
      ['apple.vcf', 2],
      ['google.vcf', 2],
      ['outlook.vcf', 1],
      ['v4.vcf', 1],
    ] as const) {
      await importFile(page, file, sample(file));
      await expectStatus(page, `Imported ${count} contact${count === 1 ? '' : 's'}.`);
    }
    await page.goto('/contacts');
    await expect(page.getByText('There are 6 contacts in your address book.')).toBeVisible();
    await page.getByRole('link', { name: 'Alan Turing' }).click();
    await expect(page.getByRole('link', { name: '+44 7911 123456' })).toBeVisible();
    await expect(page.getByText('23 June 1912')).toBeVisible();
    await expect(page.getByText('Marathon runner.')).toBeVisible();
  });

  test('import a CSV with some bad rows: a summary says which and why', async ({ page }) => {
    await importFile(page, 'google.csv', sample('google.csv'));
    await expectStatus(page, 'Imported 2 contacts. Skipped 1 record.');
    await expect(page.getByRole('listitem').filter({ hasText: 'Line 5:' })).toContainText(
      'Mobile phone: Enter a valid phone number',
    );
    await expectAccessible(page);
    await importFile(page, 'outlook.csv', sample('outlook.csv'));
    await expectStatus(page, 'Imported 2 contacts. Skipped 1 record.');
    await expect(page.getByRole('listitem').filter({ hasText: 'Line 5:' })).toContainText(
      'Email: Enter an email address',
    );
    await page.goto('/contacts');
    await expectNames(page, [
      'Zoë Ångström',
      'René Descartes',
      'Ada Lovelace',
      'Alan Mathison Turing',
    ]);
  });

  test('refuses files it cannot use, importing nothing', async ({ page }) => {
    await page.goto('/contacts/import');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(
      /Choose a vCard \(\.vcf\) or CSV file to import\./,
    );
    await importFile(page, 'junk.csv', 'foo,bar\n1,2\n');
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(
      /No contacts could be read from this CSV file\./,
    );
    await expect(page.getByText(/No known columns in the header row/)).toBeVisible();
    await importFile(page, 'big.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(/larger than 5 MB/);
    await page.goto('/contacts');
    await expect(page.getByText('There are no contacts in your address book.')).toBeVisible();
  });

  test('export as vCard and CSV, and importing them elsewhere gives the same contacts', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    // Many steps (several users, pages and files): more than the default time on a busy machine.
    test.slow();
    await importFile(page, 'apple.vcf', sample('apple.vcf'));
    await importFile(page, 'v4.vcf', sample('v4.vcf'));
    await page.goto('/contacts');
    const [vcf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export as vCard' }).click(),
    ]);
    expect(vcf.suggestedFilename()).toBe('contacts.vcf');
    const vcfText = fs.readFileSync(await vcf.path(), 'utf8');
    expect(vcfText.match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(vcfText).toContain('N:Lovelace;Ada Augusta;;;');
    expect(vcfText).toContain('BDAY:--1209');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('contacts.csv');
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe(
      '\uFEFFFirst name,Last name,Birthday,Email,Website,Work phone,Home phone,Mobile phone,Notes',
    );

    // Round trip: another user imports each file, then exports the same kind of file again.
    // The contacts are the same when the files are (less the vCard UIDs, which are new ids).
    const withoutUids = (text: string) => text.replace(/^UID:.*\r\n/gm, '');
    for (const [file, text, link] of [
      ['contacts.vcf', vcfText, 'Export as vCard'],
      ['contacts.csv', csvText, 'Export as CSV'],
    ] as const) {
      const other = await registerUser(browser, baseURL!);
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
      });
      await signIn(context, other);
      const otherPage = await context.newPage();
      await importFile(otherPage, file, text);
      await expectStatus(otherPage, 'Imported 3 contacts.');
      await otherPage.goto('/contacts');
      const [again] = await Promise.all([
        otherPage.waitForEvent('download'),
        otherPage.getByRole('link', { name: link }).click(),
      ]);
      const againText = fs.readFileSync(await again.path(), 'utf8');
      expect(withoutUids(againText), file).toBe(withoutUids(text));
      await context.close();
    }
  });
});
