import { expectNames, tableNames } from './contacts-helpers';
import {
  expectNoSidewaysScroll,
  generatedCards,
  importCards,
  rowOf,
} from './contacts-list-helpers';
import { expect, expectAccessible, test } from './fixtures';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

test.describe('the contacts list', () => {
  test('an empty address book says so and links to adding the first contact', async ({ page }) => {
    await page.goto('/contacts');
    await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible();
    await expect(page.getByText('There are no contacts in your address book.')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Add your first contact' }).click();
    await expect(page).toHaveURL('/contacts/new');
  });

  test('rows show the initials, organisation, email and phone; search ignores case and accents, ø and ł too', async ({
    page,
  }) => {
    await importCards(page, [
      { given: 'Zoë', family: 'Ångström', email: 'zoe@example.org', org: 'Uppsala Universitet' },
      { given: 'Ada', family: 'Lovelace', phone: '+1 213 373 4253' },
      { given: 'Grace', family: 'Hopper', email: 'grace@navy.example' },
      { given: 'Søren', family: 'Østergaard' },
      { given: 'Łukasz', family: 'Wójcik' },
    ]);
    await page.goto('/contacts');
    await expect(page.getByText('There are 5 contacts in your address book.')).toBeVisible();

    const search = async (q: string) => {
      await page.getByLabel('Search').fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    };
    await search('ANGSTROM');
    await expectNames(page, ['Zoë Ångström']);
    await expectAccessible(page);
    await search('ostergaard');
    await expectNames(page, ['Søren Østergaard']);
    await search('lukasz');
    await expectNames(page, ['Łukasz Wójcik']);
    await search('213-373-4253');
    await expectNames(page, ['Ada Lovelace']);
    await search('navy.example');
    await expectNames(page, ['Grace Hopper']);
    await search("x' OR '1'='1");
    await expect(page.getByText(`No contacts match “x' OR '1'='1”.`)).toBeVisible();
    await page.getByRole('link', { name: 'Show all contacts' }).click();
    await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(5);

    // Each row: initials (no photo), organisation, primary email and phone.
    const zoe = rowOf(page, 'Zoë Ångström');
    await expect(zoe).toContainText('ZÅ');
    await expect(zoe).toContainText('zoe@example.org');
    await expect(rowOf(page, 'Ada Lovelace')).toContainText('213');
    await expect(zoe).toContainText('Uppsala Universitet');
  });

  test('with JavaScript the list follows what is typed, and says what it found', async ({
    page,
  }, testInfo) => {
    test.skip(
      !testInfo.project.use.javaScriptEnabled,
      'Typing updates the list only with JavaScript.',
    );
    await importCards(page, [
      { given: 'Ada', family: 'Lovelace' },
      { given: 'Grace', family: 'Hopper' },
    ]);
    await page.goto('/contacts/import');
    await page.goto('/contacts?sort=added');
    const field = page.getByLabel('Search');
    await field.pressSequentially('lovel', { delay: 40 });
    await expect(page).toHaveURL('/contacts?q=lovel&sort=added');
    await expectNames(page, ['Ada Lovelace']);
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('lovel');
    await expect(field).toHaveAccessibleDescription('1 contact matches “lovel”.');
    await field.pressSequentially('zzz');
    await expect(page.getByText('No contacts match “lovelzzz”.')).toBeVisible();
    await field.clear();
    await expect(page).toHaveURL('/contacts?sort=added');
    await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(2);
    await expectAccessible(page);
    // Typing replaces the history entry instead of adding one per pause: Back leaves the list
    // for the page before it.
    await page.goBack();
    await expect(page).toHaveURL('/contacts/import');
  });

  test('sort by name, birthday and date added; 25 a page with Previous and Next; the search keeps the sort', async ({
    page,
  }) => {
    // Many steps (several pages and a file): more than the default time on a busy machine.
    test.slow();
    await importCards(page, generatedCards(30));
    await page.goto('/contacts');
    await expect(page.getByText('There are 30 contacts in your address book.')).toBeVisible();
    let names = await tableNames(page);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe('Person001 Testcase');
    expect(names[24]).toBe('Person025 Testcase');
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);

    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages).toContainText('Page 1 of 2');
    await expect(pages.getByRole('link', { name: 'First' })).toHaveCount(0);
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?page=2');
    await expect(pages).toContainText('Page 2 of 2');
    names = await tableNames(page);
    expect(names).toEqual([26, 27, 28, 29, 30].map((n) => `Person0${n} Testcase`));
    await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await expect(pages.getByRole('link', { name: 'Last' })).toHaveCount(0);
    await expectAccessible(page);
    await pages.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL('/contacts');
    expect(await tableNames(page)).toHaveLength(25);
    await pages.getByRole('link', { name: 'Last' }).click();
    await expect(page).toHaveURL('/contacts?page=2');
    await pages.getByRole('link', { name: 'First' }).click();
    await expect(page).toHaveURL('/contacts');

    // Birthdays: by the next to come from today (e2e/birthdays.spec.ts checks that order).
    const sort = page.getByRole('navigation', { name: 'Sort' });
    await sort.getByRole('link', { name: 'Birthday' }).click();
    await expect(page).toHaveURL('/contacts?sort=birthday');
    names = await tableNames(page);
    expect(names).toHaveLength(25);
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?sort=birthday&page=2');
    const rest = await tableNames(page);
    expect([...names, ...rest].sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `Person${String(i + 1).padStart(3, '0')} Testcase`),
    );

    // A search keeps the sort, and paging keeps both.
    await sort.getByRole('link', { name: 'Date added' }).click();
    await expect(page).toHaveURL('/contacts?sort=added');
    await page.getByLabel('Search').fill('testcase');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL('/contacts?q=testcase&sort=added');
    // The count, never "More than 25".
    await expect(page.locator('#search-summary')).toHaveText('30 contacts match “testcase”.');
    expect(await tableNames(page)).toHaveLength(25);
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?q=testcase&sort=added&page=2');
    await expect(page.locator('#search-summary')).toHaveText('30 contacts match “testcase”.');
    await expect(pages).toContainText('Page 2 of 2');
    expect(await tableNames(page)).toHaveLength(5);

    // A page past the end says so.
    await page.goto('/contacts?page=9');
    await expect(page.getByText('There is nothing on this page.')).toBeVisible();
  });

  test('sort names by first or last name: the choice is kept on later visits', async ({ page }) => {
    await importCards(page, [
      { given: 'Ada', family: 'Zuse' },
      { given: 'Zoe', family: 'Abbott' },
      { given: 'Max', family: 'Mustermann' },
    ]);
    await page.goto('/contacts');
    const sort = page.getByRole('navigation', { name: 'Sort' });
    const firstKey = page.getByRole('rowheader').first().locator('strong');
    // Last name is the default; the part a name is sorted by is in bold.
    await expect(sort.getByText('Last name')).toHaveAttribute('aria-current', 'true');
    await expectNames(page, ['Zoe Abbott', 'Max Mustermann', 'Ada Zuse']);
    await expect(firstKey).toHaveText('Abbott');
    await sort.getByRole('button', { name: 'First name' }).click();
    await expectNames(page, ['Ada Zuse', 'Max Mustermann', 'Zoe Abbott']);
    await expect(sort.getByText('First name')).toHaveAttribute('aria-current', 'true');
    await expect(firstKey).toHaveText('Ada');
    await expectAccessible(page);
    // Kept for the user, not the page: a fresh visit sorts the same way.
    await page.goto('/');
    await page.goto('/contacts');
    await expectNames(page, ['Ada Zuse', 'Max Mustermann', 'Zoe Abbott']);
  });

  test('the star marks a favourite: favourites come first, have a filter and lead the home page', async ({
    page,
  }) => {
    await importCards(page, [
      { given: 'Ada', family: 'Abbott' },
      { given: 'Bea', family: 'Brown' },
      { given: 'Cy', family: 'Young' },
    ]);
    await page.goto('/contacts');
    await expectNames(page, ['Ada Abbott', 'Bea Brown', 'Cy Young']);
    const star = page.getByRole('button', { name: 'Favourite: Cy Young' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.click();
    await expect(page.getByRole('button', { name: 'Favourite: Cy Young' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expectNames(page, ['Cy Young', 'Ada Abbott', 'Bea Brown']);
    await expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Filter' })
      .getByRole('link', { name: /Favourites/ })
      .click();
    await expect(page).toHaveURL('/contacts?favourites=1');
    await expectNames(page, ['Cy Young']);

    await page.goto('/');
    const favourites = page.getByRole('region', { name: 'Favourites' });
    await expect(favourites.getByRole('link', { name: 'Cy Young' })).toBeVisible();
    await expectAccessible(page);
    // Un-starring from the home page.
    await favourites.getByRole('button', { name: 'Favourite: Cy Young' }).click();
    await expect(page.getByText('No favourites yet.')).toBeVisible();
    await page.goto('/contacts?favourites=1');
    await expect(page.getByText(/No favourites yet/)).toBeVisible();

    // The contact's own page has the star too, and comes back to itself.
    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Bea Brown' }).click();
    // The list's rows have stars too: be on the contact's page before looking for one.
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Bea Brown' })).toBeVisible();
    const own = page.getByRole('button', { name: 'Favourite: Bea Brown' });
    await expect(own).toHaveAttribute('aria-pressed', 'false');
    const contactUrl = page.url();
    await own.click();
    await expect(page.getByRole('button', { name: 'Favourite: Bea Brown' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(page.url()).toBe(contactUrl);
    await expectAccessible(page);
  });

  test('the home page lists upcoming birthdays, with and without a year, and recent contacts', async ({
    page,
  }) => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
    const md = (d: Date) =>
      `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    const soon = inDays(3);
    const later = inDays(10);
    await importCards(page, [
      { given: 'Ada', family: 'Lovelace', birthday: `1990-${md(soon)}` },
      { given: 'Grace', family: 'Hopper', birthday: `--${md(later)}` },
      { given: 'Alan', family: 'Turing', birthday: `1912-${md(inDays(60))}` },
    ]);
    await page.goto('/');
    const birthdays = page.getByRole('region', { name: 'Birthdays in the next 30 days' });
    await expect(birthdays.getByRole('listitem')).toHaveCount(2);
    await expect(birthdays.getByRole('listitem').first()).toContainText('Ada Lovelace');
    await expect(birthdays.getByRole('listitem').first()).toContainText(
      `in 3 days, turning ${soon.getUTCFullYear() - 1990}`,
    );
    await expect(birthdays.getByRole('listitem').nth(1)).toContainText('Grace Hopper');
    await expect(birthdays.getByRole('listitem').nth(1)).toContainText('in 10 days');
    const recent = page.getByRole('region', { name: 'Recently added' });
    await expect(recent.getByRole('listitem')).toHaveCount(3);
    await expectAccessible(page);
  });

  test('a search matching more than 1,000 contacts says "more than" and pages on without a Last link', async ({
    page,
  }) => {
    // 1,030 people in one file: the count stops past 1,000, or past the page asked for.
    await importCards(page, generatedCards(1030, 'Manyfold'));
    await page.goto('/contacts?q=manyfold');
    const summary = page.locator('#search-summary');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(summary).toHaveText('More than 1,000 contacts match “manyfold”.');
    await expect(pages).toContainText('Page 1 of more than 40');
    await expect(pages.getByRole('link', { name: 'Last' })).toHaveCount(0);
    await expectAccessible(page);
    await page.goto('/contacts?q=manyfold&page=40');
    await expect(pages).toContainText('Page 40 of more than 40');
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?q=manyfold&page=41');
    await expect(pages).toContainText('Page 41 of more than 41');
    expect(await tableNames(page)).toHaveLength(25);
    // From page 42 on the end is within the count: the exact number, and no Next.
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(summary).toHaveText('1,030 contacts match “manyfold”.');
    await expect(pages).toContainText('Page 42 of 42');
    await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);
    expect(await tableNames(page)).toHaveLength(5);
    // Without a search the count is the address book's own: exact at any size.
    await page.goto('/contacts');
    await expect(pages).toContainText('Page 1 of 42');
  });

  test('nothing scrolls sideways at 320 px', async ({ page }) => {
    await importCards(page, [
      {
        given: 'Maximiliane-Friederike',
        family: 'Oberhausen-Rheinhausen',
        org: 'Internationale Gesellschaft für Zusammenarbeit',
        email: 'maximiliane.friederike.oberhausen@zusammenarbeit.example',
        phone: '+49 30 1234567890',
        labels: ['Kollegen aus dem Ausland'],
      },
    ]);
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      '/',
      '/contacts',
      '/contacts?sort=birthday',
      '/contacts/labels',
      '/contacts/trash',
    ]) {
      await page.goto(path);
      await expectNoSidewaysScroll(page);
    }
  });
});
