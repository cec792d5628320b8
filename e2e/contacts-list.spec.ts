import {
  addContact,
  expectNames,
  expectStatus,
  generatedCsv,
  importFile,
  tableNames,
} from './contacts-helpers';
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

  test('search by name, accents and case ignored, and by phone however written', async ({
    page,
  }) => {
    await addContact(page, {
      'First name': 'Zoë',
      'Last name': 'Ångström',
      Email: 'zoe@example.org',
    });
    await addContact(page, {
      'First name': 'Ada',
      'Last name': 'Lovelace',
      'Mobile phone': '(213) 373-4253',
    });
    await addContact(page, {
      'First name': 'Grace',
      'Last name': 'Hopper',
      Email: 'grace@navy.example',
    });
    await page.goto('/contacts');
    await expect(page.getByText('There are 3 contacts in your address book.')).toBeVisible();
    await expectNames(page, ['Zoë Ångström', 'Grace Hopper', 'Ada Lovelace']);

    const search = async (q: string) => {
      await page.getByLabel('Search').fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
    };
    await search('ANGSTROM');
    await expectNames(page, ['Zoë Ångström']);
    await expectAccessible(page);
    await search('213-373-4253');
    await expectNames(page, ['Ada Lovelace']);
    await search('navy.example');
    await expectNames(page, ['Grace Hopper']);
    await search("x' OR '1'='1");
    await expect(page.getByText(`No contacts match “x' OR '1'='1”.`)).toBeVisible();
    await page.getByRole('link', { name: 'Show all contacts' }).click();
    await expect(page.getByRole('table').getByRole('rowheader')).toHaveCount(3);
  });

  test('with JavaScript the list follows what is typed, and says what it found', async ({
    page,
  }, testInfo) => {
    test.skip(
      !testInfo.project.use.javaScriptEnabled,
      'Typing updates the list only with JavaScript.',
    );
    await addContact(page, { 'First name': 'Ada', 'Last name': 'Lovelace' });
    await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper' });
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
    // for the page before it (the contact just added).
    await page.goBack();
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
  });

  test('sort by name, birthday and date added; 25 a page with Previous and Next; the search keeps the sort', async ({
    page,
  }) => {
    // Many steps (several users, pages and files): more than the default time on a busy machine.
    test.slow();
    await importFile(page, 'people.csv', generatedCsv(30));
    await expectStatus(page, 'Imported 30 contacts.');
    await page.goto('/contacts');
    await expect(page.getByText('There are 30 contacts in your address book.')).toBeVisible();
    let names = await tableNames(page);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe('Person001 Testcase');
    expect(names[24]).toBe('Person025 Testcase');
    await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);

    const pages = page.getByRole('navigation', { name: 'Pages' });
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?page=2');
    names = await tableNames(page);
    expect(names).toEqual([26, 27, 28, 29, 30].map((n) => `Person0${n} Testcase`));
    await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await expectAccessible(page);
    await pages.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL('/contacts');
    expect(await tableNames(page)).toHaveLength(25);

    // Birthdays: generated as 19(50+i)-…, so the oldest is Person001 and the youngest Person030.
    const sort = page.getByRole('navigation', { name: 'Sort' });
    await sort.getByRole('link', { name: 'Birthday' }).click();
    await expect(page).toHaveURL('/contacts?sort=birthday');
    names = await tableNames(page);
    expect(names[0]).toBe('Person001 Testcase');
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?sort=birthday&page=2');
    expect((await tableNames(page)).at(-1)).toBe('Person030 Testcase');

    // Date added: newest first (the import keeps the file's order).
    await sort.getByRole('link', { name: 'Date added' }).click();
    await expect(page).toHaveURL('/contacts?sort=added');
    expect((await tableNames(page))[0]).toBe('Person030 Testcase');

    // A search keeps the sort, and paging keeps both.
    await page.getByLabel('Search').fill('testcase');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL('/contacts?q=testcase&sort=added');
    expect((await tableNames(page))[0]).toBe('Person030 Testcase');
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/contacts?q=testcase&sort=added&page=2');
    await expectNames(
      page,
      [5, 4, 3, 2, 1].map((n) => `Person00${n} Testcase`),
    );

    // A page past the end says so.
    await page.goto('/contacts?page=9');
    await expect(page.getByText('There is nothing on this page.')).toBeVisible();
  });
});
