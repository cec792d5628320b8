import { expectStatus } from './contacts-helpers';
import { expectNoSidewaysScroll, importCards } from './contacts-list-helpers';
import { expect, expectAccessible, test } from './fixtures';

test.use({ signedIn: true });

test.describe('Merge duplicates', () => {
  test('proposes the pair that shares an email, not the two Maria Garcias; merges with a choice; Restore it', async ({
    page,
  }) => {
    test.slow();
    await importCards(page, [
      {
        given: 'Ada',
        family: 'Lovelace',
        org: 'Analytical Engines',
        email: 'ada@example.org',
        phone: '+44 20 7946 0958',
      },
      {
        given: 'Ada',
        family: 'King',
        org: 'Royal Society',
        email: 'ADA@Example.org',
        birthday: '1815-12-10',
      },
      { given: 'Maria', family: 'Garcia', phone: '+34 612 345 678' },
      { given: 'Maria', family: 'Garcia', phone: '+34 699 876 543' },
    ]);
    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Merge duplicates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Merge duplicates' })).toBeVisible();
    const groups = page.getByRole('region');
    await expect(groups.getByRole('heading', { level: 2 })).toHaveText([
      /^Ada (Lovelace|King) and Ada (Lovelace|King)$/,
    ]);
    await expect(page.getByText('Same email: ada@example.org')).toBeVisible();
    await expect(groups.getByText('Maria Garcia')).toHaveCount(0);
    await expectAccessible(page);
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScroll(page);

    await page.getByRole('link', { name: /Review and merge/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review and merge' })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    // The defaults come from the most complete card: Ada King's (a birthday besides).
    const organisation = page.getByRole('group', { name: 'Organisation' });
    await expect(organisation.getByRole('radio', { name: /^Royal Society/ })).toBeChecked();
    const name = page.getByRole('group', { name: 'Name', exact: true });
    await expect(name.getByRole('radio', { name: /^Ada King/ })).toBeChecked();
    await name.getByRole('radio', { name: /^Ada Lovelace/ }).check();
    await page.getByRole('button', { name: 'Update preview' }).click();
    const preview = page.getByRole('region', { name: /Preview/ });
    await expect(preview.getByRole('heading', { name: 'Preview: Ada Lovelace' })).toBeVisible();
    await expect(preview.getByText('Royal Society')).toBeVisible();
    await expect(preview.getByText('Dec 10, 1815')).toBeVisible();
    await expect(preview.getByText(/Emails: 1, all kept/)).toBeVisible();
    await expect(preview.getByText(/Phones: 1, all kept/)).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expectStatus(page, 'Merged Ada Lovelace. The other card is in Trash:');
    await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
    await expect(page.getByText('Royal Society', { exact: true })).toBeVisible();
    await expect(page.getByText('+44 20 7946 0958')).toBeVisible();

    await page.goto('/contacts/trash');
    await expect(page.getByRole('list', { name: 'Contacts in the Trash' })).toContainText(
      'Ada Lovelace',
    );
    await page.goto('/contacts/duplicates');
    await expect(page.getByText(/No likely duplicates/)).toBeVisible();
  });

  test('the merged-away card comes back with Restore it', async ({ page }) => {
    await importCards(page, [
      // The servers' DEFAULT_PHONE_REGION is US: a national number is read as one there.
      { given: 'Grace', family: 'Hopper', phone: '+1 213 373 4253' },
      { given: 'Grace', family: 'Hopper', phone: '(213) 373-4253', email: 'grace@example.org' },
    ]);
    await page.goto('/contacts/duplicates');
    await expect(page.getByText('Same phone: +12133734253')).toBeVisible();
    await page.getByRole('link', { name: /Review and merge/ }).click();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await expectStatus(page, 'Merged Grace Hopper.');
    await page.getByRole('status').getByRole('button', { name: 'Restore it' }).click();
    await expectStatus(page, 'Contact restored.');
    await page.goto('/contacts');
    await expect(
      page.getByRole('table').getByRole('rowheader', { name: 'Grace Hopper' }),
    ).toHaveCount(2);
  });
});
