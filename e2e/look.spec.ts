import { expectNoSidewaysScroll, importCards, rowOf } from './contacts-list-helpers';
import { expect, expectAccessible, test } from './fixtures';

/**
 * The product look (issue 14): the list's letter headings and A–Z jump, its one-column layout
 * on a phone, and the contact page's sections and action buttons.
 */
test.use({ signedIn: true });

test('letter headings, an A–Z jump to them, and one column at 320 px', async ({ page }) => {
  await importCards(page, [
    { given: 'Ada', family: 'Lovelace', email: 'ada@example.org', org: 'Analytical Engines' },
    { given: 'Alan', family: 'Turing', phone: '+44 1908 640404' },
    { given: 'Grace', family: 'Hopper', email: 'grace@navy.example' },
    { given: 'Zoë', family: 'Ångström' },
    { given: 'Agent', family: '007' },
  ]);
  await page.goto('/contacts');
  // Sorted by last name (the default): Ångström files under A, "Agent 007" under #.
  const jump = page.getByRole('navigation', { name: 'Jump to a letter' });
  // Letters with people on this page link to their headings here.
  const here = jump.locator('a[href^="#letter-"]');
  await expect(here).toHaveText(['A', 'H', 'L', 'T', /^#/]);
  for (const link of await here.all()) {
    const heading = page.locator((await link.getAttribute('href'))!);
    await expect(heading).toHaveCount(1);
    await expect(heading).toHaveRole('heading');
  }
  // The others ask the server where that letter starts.
  await expect(jump.getByRole('link')).toHaveCount(27);
  await expect(jump.getByRole('link', { name: 'B', exact: true })).toHaveAttribute(
    'href',
    '/contacts?letter=B',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'A', exact: true })).toBeVisible();

  await jump.getByRole('link', { name: 'T', exact: true }).press('Enter');
  await expect(page).toHaveURL(/#letter-T$/);
  await expect(page.locator('#letter-T')).toBeInViewport();

  // Sorted by date added there are no letters.
  await page.goto('/contacts?sort=added');
  await expect(jump).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0);

  // A phone: one column, each row's lines stacked under the name, nothing sideways.
  await page.goto('/contacts');
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoSidewaysScroll(page);
  const row = page.getByRole('row').filter({ hasText: 'Ada Lovelace' });
  const name = await row.getByRole('rowheader').boundingBox();
  const email = await row.getByText('ada@example.org').boundingBox();
  const org = await row.getByText('Analytical Engines').boundingBox();
  expect(Math.abs(name!.x - email!.x)).toBeLessThan(2);
  expect(email!.y).toBeGreaterThan(name!.y);
  expect(org!.y).toBeGreaterThan(name!.y);
  await expect(page.getByRole('columnheader', { name: 'Organisation' })).not.toBeInViewport();
  await expectAccessible(page);
});

test('the A–Z jump goes to the page where a letter starts, keeping the search', async ({
  page,
}) => {
  // 75 people, three pages of 25 by last name: Abbott… on page 1, Walker… on page 3.
  const families = ['Abbott', 'Baker', 'Walker'];
  await importCards(
    page,
    Array.from({ length: 75 }, (_, i) => ({
      given: `Kit${String(i).padStart(2, '0')}`,
      family: families[Math.floor(i / 25)]!,
    })),
  );
  await page.goto('/contacts');
  const jump = page.getByRole('navigation', { name: 'Jump to a letter' });
  await jump.getByRole('link', { name: 'W', exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\?page=3#letter-W$/);
  await expect(page.getByRole('heading', { level: 2, name: 'W', exact: true })).toBeInViewport();
  await expect(rowOf(page, 'Kit50 Walker')).toBeVisible();
  // A letter nobody is filed under lands where the next one with people starts.
  await jump.getByRole('link', { name: 'C', exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\?page=3#letter-W$/);
  // A search stays: the jump moves within what it found.
  await page.goto('/contacts?q=kit6');
  await expect(rowOf(page, 'Kit60 Walker')).toBeVisible();
  await jump.getByRole('link', { name: 'A', exact: true }).click();
  await expect(page).toHaveURL(/\/contacts\?q=kit6#letter-W$/);
  await expectAccessible(page);
});

test('the contact page: sections only for what is filled in, actions with text', async ({
  page,
}) => {
  await importCards(page, [
    { given: 'Ada', family: 'Lovelace', org: 'Analytical Engines', phone: '+44 20 7946 0958' },
  ]);
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await expect(page.getByText('Analytical Engines', { exact: true })).toBeVisible();
  // A phone, no email, no birthday, no labels, no note: only the Contact section.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Contact']);
  await expect(page.getByRole('region', { name: 'Contact' })).toContainText('+44 20 7946 0958');
  await expect(page.getByText(/Not given/)).toHaveCount(0);
  await expect(page.getByRole('term')).toHaveText(['Phones']);

  const call = page.getByRole('link', { name: 'Call', exact: true });
  await expect(call).toHaveAttribute('href', /^tel:\+442079460958$/);
  await expect(page.getByRole('link', { name: 'Email', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Share or print' })).toBeVisible();
  const js = test.info().project.use.javaScriptEnabled !== false;
  // Copy needs JavaScript; without it there is no button that would do nothing.
  await expect(page.getByRole('button', { name: 'Copy number' })).toHaveCount(js ? 1 : 0);
  await expect(page.getByRole('button', { name: 'Copy email' })).toHaveCount(0);
  await expect(
    js
      ? page.getByRole('button', { name: 'Delete', exact: true })
      : page.getByRole('link', { name: 'Delete', exact: true }),
  ).toBeVisible();
  // Each action's icon is decoration beside its text.
  await expect(call.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  await expectAccessible(page);

  if (js) {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy number' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+44 20 7946 0958');
  }
});
