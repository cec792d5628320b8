import type { Page } from '@playwright/test';
import { importFile } from './contacts-helpers';
import { expectNoSidewaysScroll } from './contacts-list-helpers';
import { expect, expectAccessible, registerUser, signIn, test, type TestUser } from './fixtures';

/**
 * Every page at a phone's, a tablet's and a desktop's width, light and dark, holding the longest
 * values the app accepts without asking: nothing scrolls sideways, axe finds nothing (in both
 * colour schemes: contrast differs), and a full-page screenshot of each is kept in the test's
 * output folder (test-results/playwright/…) for a reviewer. Both projects run it: with and
 * without JavaScript.
 */

const WIDTHS = [320, 768, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

// The editor's caps (lib/contacts/checks/checker.ts FIELD_LIMITS), filled to the last character,
// with no space for the browser to break at.
const long = (n: number, unit = 'W') => unit.repeat(n);
const LONG_GIVEN = long(100, 'G');
const LONG_FAMILY = long(100, 'F');
const LONG_ORG = long(200, 'O');
const LONG_EMAIL = `${long(64, 'e')}@${long(60, 'd')}.${long(60, 'd')}.${long(60, 'd')}.org`;
const LONG_URL = `https://example.org/${long(2048 - 20, 'p')}`;
const LONG_LABEL = long(100, 'L');

/** One card with every field at its cap; CRLF lines, folded nowhere (the reader unfolds anyway). */
function longestCard(uid: string, given = LONG_GIVEN): string {
  return [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${uid}`,
    `FN:${given} ${LONG_FAMILY}`,
    `N:${LONG_FAMILY};${given};${long(100, 'M')};${long(100, 'P')};${long(100, 'S')}`,
    `NICKNAME:${long(100, 'N')}`,
    `ORG:${LONG_ORG};${long(200, 'D')}`,
    `TITLE:${long(200, 'T')}`,
    `EMAIL;TYPE=${long(100, 'l')}:${LONG_EMAIL}`,
    `TEL;TYPE=cell:+${'1'.repeat(15)}${'2'.repeat(85)}`,
    `URL:${LONG_URL}`,
    `ADR;TYPE=home:;${long(200, 'x')};${long(500, 's')};${long(200, 'c')};${long(200, 'r')};${long(200, 'z')};${long(200, 'y')}`,
    `IMPP:xmpp:${long(200, 'i')}@example.org`,
    'BDAY:19991231',
    `RELATED;TYPE=spouse;VALUE=text:${long(200, 'R')}`,
    `CATEGORIES:${LONG_LABEL}`,
    `NOTE:${long(10_000, 'n')}`,
    'END:VCARD',
    '',
  ].join('\r\n');
}

const IDS = ['5b0f6a52-0d6f-4a51-9a8e-8b3e2f0c1a01', '5b0f6a52-0d6f-4a51-9a8e-8b3e2f0c1a02'];

/** The signed-in user's long contact's id (and a second one in Trash), made once per user. */
async function seed(page: Page): Promise<string> {
  await importFile(
    page,
    'longest.vcf',
    longestCard(IDS[0]!) + longestCard(IDS[1]!, long(100, 'Q')),
  );
  await expect(page.getByText(/2 added/).first()).toBeVisible();
  await page.goto(`/contacts?q=${'Q'.repeat(20)}`);
  await page
    .getByRole('link', { name: new RegExp(`^${'Q'.repeat(20)}`) })
    .first()
    .click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  const trashed = page.url().split('/').at(-1)!;
  await page.goto(`/contacts/${trashed}/delete`);
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.waitForURL(/\/contacts(\?|$)/);
  await page.goto(`/contacts?q=${'G'.repeat(20)}`);
  await page
    .getByRole('link', { name: new RegExp(`^${'G'.repeat(20)}`) })
    .first()
    .click();
  await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1)!;
}

/** The innermost elements reaching past the right edge, to say what overflows. */
async function widest(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const scrolls = (el: Element) =>
      el.checkVisibility() &&
      /auto|scroll/.test(getComputedStyle(el).overflowX) &&
      el.scrollWidth > el.clientWidth + 1 &&
      !['TEXTAREA', 'INPUT', 'SELECT'].includes(el.tagName);
    const out = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return (r.right > edge + 1 && r.width > 0) || scrolls(el);
    });
    return out
      .filter((el) => !out.some((o) => o !== el && el.contains(o)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
  });
}

/**
 * Checks the page at every width and scheme, and keeps a screenshot of each. Without JavaScript
 * the widths and schemes are checked the same, but the screenshots and the dark-scheme axe run
 * are the JavaScript project's alone: the CSS, and so the contrast, is the same (CI time).
 */
async function checkEverywhere(page: Page, name: string, javaScriptEnabled: boolean) {
  const info = test.info();
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      if (javaScriptEnabled) {
        await page.screenshot({
          path: info.outputPath(`${name}-${width}-${scheme}.png`),
          fullPage: true,
        });
      }
      const overflowing = await widest(page);
      expect(overflowing, `overflowing at ${width} px (${scheme})`).toEqual([]);
      await expectNoSidewaysScroll(page);
    }
    if (javaScriptEnabled || scheme === 'light') await expectAccessible(page);
  }
}

const signedInPages: { name: string; path: (id: string) => string }[] = [
  { name: 'home', path: () => '/' },
  { name: 'contacts-by-first-name', path: () => '/contacts' },
  { name: 'contacts-by-added', path: () => '/contacts?sort=added' },
  { name: 'contacts-by-birthday', path: () => '/contacts?sort=birthday' },
  { name: 'contacts-search', path: () => `/contacts?q=${'G'.repeat(100)}` },
  { name: 'contact', path: (id) => `/contacts/${id}` },
  { name: 'contact-edit', path: (id) => `/contacts/${id}/edit` },
  { name: 'contact-share', path: (id) => `/contacts/${id}/share` },
  { name: 'contact-delete', path: (id) => `/contacts/${id}/delete` },
  { name: 'contact-new', path: () => '/contacts/new' },
  { name: 'import', path: () => '/contacts/import' },
  { name: 'labels', path: () => '/contacts/labels' },
  { name: 'trash', path: () => '/contacts/trash' },
  { name: 'birthdays', path: () => '/birthdays' },
  { name: 'duplicates', path: () => '/contacts/duplicates' },
  { name: 'account', path: () => '/account' },
  { name: 'account-confirm', path: () => '/account/confirm?next=%2Faccount' },
  { name: 'security-log', path: () => '/account/security-log' },
  { name: 'two-factor', path: () => '/account/two-factor' },
];

test.describe('every signed-in page with the longest values', () => {
  // Each worker seeds its own user once; the pages then run in parallel.
  test.describe.configure({ timeout: 240_000 });
  let id = '';
  let owner: TestUser;

  test.beforeAll(async ({ browser, baseURL }) => {
    owner = await registerUser(browser, baseURL!);
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await signIn(context, owner);
    const page = await context.newPage();
    id = await seed(page);
    // The longest device name an app password may have, listed on the account page.
    await page.goto('/account');
    await page.getByLabel('Device name').fill(long(64, 'A'));
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(page.getByTestId('new-app-password')).toBeVisible();
    await context.close();
  });

  for (const { name, path } of signedInPages) {
    test(name, async ({ browser, baseURL, javaScriptEnabled }) => {
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      await signIn(context, owner);
      const page = await context.newPage();
      const response = await page.goto(path(id));
      expect(response?.status(), path(id)).toBe(200);
      await checkEverywhere(page, name, javaScriptEnabled);
      await context.close();
    });
  }
});

for (const [name, path, status] of [
  ['login', '/login', 200],
  ['register', '/register', 200],
  ['forgot-password', '/login/forgot', 200],
  ['recover', '/login/recover', 200],
  ['not-found', `/${'x'.repeat(300)}`, 404],
] as const) {
  test(`signed out: ${name}`, async ({ page, javaScriptEnabled }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await checkEverywhere(page, name, javaScriptEnabled);
  });
}
