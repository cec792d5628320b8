import type { Page } from '@playwright/test';
import { tableNames } from './contacts-helpers';
import { expectNoSidewaysScroll, importCards, type TestCard } from './contacts-list-helpers';
import { expect, expectAccessible, jsEnabled, test } from './fixtures';

// Birthdays come round from the server's date in UTC (lib/contacts/next-birthday.ts).
test.use({ signedIn: true, locale: 'en-GB' });

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);
const two = (n: number) => String(n).padStart(2, '0');
/** "--MM-DD" of a day `days` from today (UTC). */
const md = (days: number) => {
  const d = inDays(days);
  return `--${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
};
/** A full birthday `days` from today, born in `year`. */
const born = (year: number, days: number) => `${year}${md(days).slice(1)}`;
const thisYear = new Date().getUTCFullYear();

const list = (page: Page) => page.getByRole('list', { name: 'Birthdays, the next first' });

test.describe('the birthdays page', () => {
  test('every birthday in the order they come, today first, with the age they turn', async ({
    page,
  }) => {
    await importCards(page, [
      { given: 'Yesterday', family: 'Passed', birthday: born(1990, -1) },
      { given: 'Later', family: 'Yearless', birthday: md(40) },
      { given: 'Today', family: 'Born', birthday: born(2000, 0) },
      { given: 'Soon', family: 'Three', birthday: born(1985, 3) },
      { given: 'No', family: 'Birthday' },
    ]);
    await page.goto('/birthdays');
    await expect(page.getByRole('heading', { name: 'Birthdays', level: 1 })).toBeVisible();
    await expect(
      page.getByText('4 contacts have a birthday, the next to come first.'),
    ).toBeVisible();
    const items = list(page).getByRole('listitem');
    await expect(items).toHaveCount(4);
    await expect(items.nth(0)).toContainText(`Today Born`);
    await expect(items.nth(0)).toContainText(`(today, turning ${thisYear - 2000})`);
    await expect(items.nth(1)).toContainText('Soon Three');
    const soon = inDays(3);
    await expect(items.nth(1)).toContainText(
      `(in 3 days, turning ${soon.getUTCFullYear() - 1985})`,
    );
    await expect(items.nth(2)).toContainText('Later Yearless');
    // A birthday without a year: the date without one, and no age.
    await expect(items.nth(2)).toHaveText(
      /Later Yearless\s*\d{1,2} [A-Z][a-z]{2,3} \(in 40 days\)$/,
    );
    await expect(items.nth(3)).toContainText('Yesterday Passed');
    await expect(items.nth(3)).toContainText(/\(in 36[45] days, turning \d+\)/);
    // en-GB: day, short month, year ("5 Sept 1999").
    const today = new Date();
    const gb = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    await expect(items.nth(0)).toContainText(gb.format(today).replace(String(thisYear), '2000'));
    await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
    await expectAccessible(page);

    await items.nth(1).getByRole('link', { name: 'Soon Three' }).click();
    await expect(page.getByRole('heading', { name: 'Soon Three' })).toBeVisible();
  });

  test('25 a page: "Page 1 of 2" with Next and Last, then First and Previous', async ({ page }) => {
    const cards: TestCard[] = Array.from({ length: 27 }, (_, i) => ({
      given: `Person${two(i + 1)}`,
      family: 'Paged',
      birthday: born(1970 + i, i),
    }));
    await importCards(page, cards);
    await page.goto('/birthdays');
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await expect(pager).toContainText('Page 1 of 2');
    await expect(list(page).getByRole('listitem')).toHaveCount(25);
    await expect(list(page).getByRole('listitem').first()).toContainText('Person01 Paged');
    await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
    await pager.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL('/birthdays?page=2');
    await expect(pager).toContainText('Page 2 of 2');
    await expect(list(page).getByRole('listitem')).toHaveText([/Person26 Paged/, /Person27 Paged/]);
    await expect(pager.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await pager.getByRole('link', { name: 'First' }).click();
    await expect(page).toHaveURL('/birthdays');
    await pager.getByRole('link', { name: 'Last' }).click();
    await expect(page).toHaveURL('/birthdays?page=2');

    // A page past the end, or not a page at all.
    await page.goto('/birthdays?page=7');
    await expect(page.getByText('There is nothing on this page.')).toBeVisible();
    await page.goto('/birthdays?page=-1%27');
    await expect(pager).toContainText('Page 1 of 2');
  });

  test('no birthdays yet says so; nothing scrolls sideways at 320 px with the longest name', async ({
    page,
  }) => {
    await page.goto('/birthdays');
    await expect(page.getByText('None of your contacts has a birthday yet.')).toBeVisible();
    await importCards(page, [{ given: 'W'.repeat(100), birthday: born(1950, 2) }]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/birthdays');
    await expect(list(page).getByRole('listitem')).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });
});

test.describe('dates in the visitor’s locale', () => {
  test.use({ locale: 'en-US' });

  test('en-US: "Sep 5, 1999" on the birthdays page and the contact page', async ({ page }) => {
    await importCards(page, [{ given: 'Ada', family: 'Lovelace', birthday: '1999-09-05' }]);
    await page.goto('/birthdays');
    await expect(list(page).getByRole('listitem')).toContainText('Sep 5, 1999');
    await list(page).getByRole('link', { name: 'Ada Lovelace' }).click();
    await expect(page.getByRole('definition').filter({ hasText: 'Sep 5, 1999' })).toBeVisible();
    await expect(page.getByText(/^Added [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeVisible();
  });
});

test('the home page shows the next five birthdays, how many more, and links to all', async ({
  page,
}) => {
  await importCards(
    page,
    [1, 2, 3, 4, 5, 6, 7].map((d) => ({ given: `Day${d}`, family: 'Soon', birthday: md(d) })),
  );
  await page.goto('/');
  const widget = page.getByRole('region', { name: 'Birthdays in the next 30 days' });
  await expect(widget.getByRole('listitem')).toHaveCount(5);
  await expect(widget.getByRole('listitem').first()).toContainText('Day1 Soon');
  await expect(widget.getByRole('listitem').first()).toContainText('(tomorrow)');
  await expect(widget).toContainText('And 2 more in the next 30 days.');
  await widget.getByRole('link', { name: 'All birthdays' }).click();
  await expect(page).toHaveURL('/birthdays');
  await expect(list(page).getByRole('listitem')).toHaveCount(7);
});

test('sorting the contacts list by birthday means by next birthday', async ({ page }) => {
  await importCards(page, [
    { given: 'Oldest', family: 'Past', birthday: born(1920, -2) },
    { given: 'Young', family: 'Soon', birthday: born(2010, 5) },
    { given: 'Middle', family: 'Today', birthday: born(1960, 0) },
    { given: 'Yearless', family: 'Later', birthday: md(100) },
    { given: 'No', family: 'Birthday' },
  ]);
  await page.goto('/contacts?sort=birthday');
  expect(await tableNames(page)).toEqual([
    'Middle Today',
    'Young Soon',
    'Yearless Later',
    'Oldest Past',
    'No Birthday',
  ]);
});

test.describe('times on the account page', () => {
  test.use({ timezoneId: 'Asia/Kolkata' });

  test('in the visitor’s time zone with JavaScript, in UTC and marked so without', async ({
    page,
  }, testInfo) => {
    await page.goto('/account');
    const created = page.getByRole('table').first().locator('time').first();
    await expect(created).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(created).toHaveText(
      jsEnabled(testInfo)
        ? /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d GMT\+5:30$/
        : /, \d\d:\d\d UTC$/,
    );
  });
});

// A zone whose date differs from UTC's right now: Kiritimati (UTC+14) from 10:00 UTC, Pago Pago
// (UTC-11) before 11:00 UTC. With JavaScript the browser names it and "today" is its date.
const elsewhere = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';

test.describe('birthdays on the visitor’s date', () => {
  test.use({ timezoneId: elsewhere });

  test('today is the browser’s day with JavaScript, UTC’s without', async ({ page }, testInfo) => {
    const theirs = new Intl.DateTimeFormat('en-CA', { timeZone: elsewhere }).format(new Date());
    const utc = new Date().toISOString().slice(0, 10);
    expect(theirs, 'the zone was chosen to differ from UTC').not.toBe(utc);
    await importCards(page, [
      { given: 'Their', family: 'Today', birthday: `1990${theirs.slice(4)}` },
      { given: 'Utc', family: 'Today', birthday: `1990${utc.slice(4)}` },
    ]);
    // The first page names the zone in a cookie; the next request is answered with it.
    await page.goto('/birthdays');
    await page.reload();
    const first = list(page).getByRole('listitem').first();
    await expect(first).toContainText(jsEnabled(testInfo) ? 'Their Today' : 'Utc Today');
    await expect(first).toContainText('(today, turning');
  });
});
