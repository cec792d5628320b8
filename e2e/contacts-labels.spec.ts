import { expectNames, expectStatus } from './contacts-helpers';
import { importCards } from './contacts-list-helpers';
import { expect, expectAccessible, test } from './fixtures';

test.use({ signedIn: true });

test.describe('labels', () => {
  test('create, rename and delete a label; empty and duplicate names are refused', async ({
    page,
  }) => {
    await page.goto('/contacts/labels');
    await expect(page.getByRole('heading', { name: 'Labels' })).toBeVisible();
    await expect(page.getByText('You have no labels yet.')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('New label').fill('Family');
    await page.getByRole('button', { name: 'Create label' }).click();
    await expectStatus(page, 'Label “Family” created.');
    const labels = page.getByRole('list', { name: 'Your labels' });
    await expect(labels.getByRole('listitem')).toHaveCount(1);
    await expect(labels).toContainText('0 contacts');
    await expectAccessible(page);

    await page.getByLabel('New label').fill('family');
    await page.getByRole('button', { name: 'Create label' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /already/i })).toBeVisible();
    await expect(labels.getByRole('listitem')).toHaveCount(1);

    await page.getByLabel('New name for “Family”').fill('Relatives');
    await page.getByRole('button', { name: 'Rename “Family”' }).click();
    await expectStatus(page, 'Label renamed to “Relatives”.');
    await expect(labels.getByText('Relatives', { exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Delete the label “Relatives”' }).click();
    await expect(
      page.getByRole('heading', { name: 'Delete the label “Relatives”?' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, delete the label' }).click();
    await expectStatus(page, 'Label deleted.');
    await expect(page.getByText('You have no labels yet.')).toBeVisible();
  });

  test('the list filters by label, with counts; renaming and deleting keep the contacts', async ({
    page,
  }) => {
    test.slow();
    await importCards(page, [
      { given: 'Ada', family: 'Lovelace', labels: ['Family', 'Work'] },
      { given: 'Grace', family: 'Hopper', labels: ['Work'] },
      { given: 'Alan', family: 'Turing' },
    ]);
    await page.goto('/contacts');
    const filter = page.getByRole('navigation', { name: 'Filter' });
    // The import's CATEGORIES became labels (checked first: a click would wait for the test's time).
    await expect(filter.getByRole('link', { name: 'Work (2)' })).toBeVisible();
    await filter.getByRole('link', { name: 'Work (2)' }).click();
    await expect(page).toHaveURL(/\/contacts\?label=/);
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace']);
    await expect(filter.getByText('Work (2)')).toHaveAttribute('aria-current', 'true');
    await expectAccessible(page);
    await filter.getByRole('link', { name: 'Family (1)' }).click();
    await expectNames(page, ['Ada Lovelace']);
    await filter.getByRole('link', { name: 'All' }).click();
    await expect(page).toHaveURL('/contacts');
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);

    // The labels page counts them and links to the same filter.
    await page.goto('/contacts/labels');
    await page.getByRole('link', { name: '2 contacts labelled “Work”' }).click();
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace']);

    await page.goto('/contacts/labels');
    await page.getByLabel('New name for “Work”').fill('Colleagues');
    await page.getByRole('button', { name: 'Rename “Work”' }).click();
    await expectStatus(page, 'Label renamed to “Colleagues”.');
    await page.goto('/contacts');
    await filter.getByRole('link', { name: 'Colleagues (2)' }).click();
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace']);

    await page.goto('/contacts/labels');
    await page.getByRole('link', { name: 'Delete the label “Colleagues”' }).click();
    await expect(
      page.getByText('The label is taken off the 2 contacts that have it.'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Yes, delete the label' }).click();
    // Wait for the answer: navigating away first would race the action (seen on CI).
    await expectStatus(page, 'Label deleted.');
    await page.goto('/contacts');
    await expect(filter.getByRole('link', { name: /Colleagues/ })).toHaveCount(0);
    await expectNames(page, ['Grace Hopper', 'Ada Lovelace', 'Alan Turing']);
  });
});
