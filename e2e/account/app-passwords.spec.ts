import http from 'node:http';
import type { APIRequestContext, Page } from '@playwright/test';
import { changePassword, postForm } from '../auth-helpers';
import {
  expect,
  expectAccessible,
  jsEnabled,
  registerUser,
  signIn,
  TEST_PASSWORD,
  test,
} from '../fixtures';

/**
 * App passwords on /account: created and shown once, listed with their last use, used by a
 * real HTTP Basic request to the CardDAV server, revoked (the next request is 401); with and
 * without JavaScript (the two projects).
 */

const SECRET = /^[a-z2-7]{5}(-[a-z2-7]{5}){5}$/;
const NEW_PASSWORD = 'a brand new passphrase 3';

const table = (page: Page) => page.getByRole('table', { name: 'App passwords for sync clients' });
const rowOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });

/** Creates an app password through the form and returns the secret the page shows once. */
async function createAppPassword(page: Page, name: string): Promise<string> {
  await page.getByLabel('Device name').fill(name);
  await page.getByRole('button', { name: 'Create app password' }).click();
  await expect(page.getByRole('heading', { name: `App password for “${name}”` })).toBeVisible();
  const secret = (await page.getByTestId('new-app-password').textContent())!.trim();
  expect(secret).toMatch(SECRET);
  return secret;
}

/** PROPFIND depth 0 on the DAV root with HTTP Basic, from a client with no cookies at all. */
async function propfindRoot(request: APIRequestContext, username: string, password: string) {
  const response = await request.fetch('/dav/', {
    method: 'PROPFIND',
    headers: {
      Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
      Depth: '0',
      'Content-Type': 'application/xml; charset=utf-8',
    },
    data: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><current-user-principal/></prop></propfind>',
    maxRedirects: 0,
  });
  return response;
}

/** The account page's HTML as fetched with a chosen Host header (Playwright keeps its own). */
function accountPageWithHost(baseURL: string, host: string, cookie: string): Promise<string> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.get(
      { hostname, port, path: '/account', headers: { host, cookie, accept: 'text/html' } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(body) : reject(new Error(`HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
  });
}

// A few sign-ups, an argon2 per password change and axe runs: room for a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

test.use({ signedIn: true });

test.describe('app passwords', () => {
  test('create one, see it once, use it for CardDAV, see its last use, revoke it', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    // A client of its own: no session cookie, only HTTP Basic.
    const dav = await playwright.request.newContext({ baseURL });
    await page.goto('/account');
    await expect(
      page.getByRole('heading', { name: 'Sync with your phone or computer', level: 2 }),
    ).toBeVisible();
    await expect(page.getByText('No app passwords yet')).toBeVisible();
    // Reached at 127.0.0.1: nothing crosses a network, so no plain-http warning.
    await expect(page.getByText('this server is reached over plain http')).toHaveCount(0);

    const secret = await createAppPassword(page, 'iPhone');
    const shown = page.getByRole('region', { name: 'App password for “iPhone”' });
    await expect(shown).toContainText(secret);
    await expect(shown).toContainText(`${baseURL}/dav/`);
    await expect(shown).toContainText(user.username);
    await expect(rowOf(page, 'iPhone')).toContainText('Never used');
    // Never in the address bar or a cookie: only in this one response.
    expect(page.url()).not.toContain(secret.slice(0, 5));
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.value.includes(secret.replaceAll('-', '')))).toEqual([]);
    await expectAccessible(page);

    // The account password is never accepted over Basic.
    expect((await propfindRoot(dav, user.username, TEST_PASSWORD)).status()).toBe(401);
    // Needs the lead's CardDAV handler (lib/dav, routed by server/index.ts; merged from main).
    expect((await propfindRoot(dav, user.username, secret)).status()).toBe(207);
    // However it is typed: without dashes, in capitals.
    const typed = secret.replaceAll('-', '').toUpperCase();
    expect((await propfindRoot(dav, user.username, typed)).status()).toBe(207);

    // Shown once: a new load of the page lists it, with its use, but not its secret.
    await page.goto('/account');
    await expect(page.getByTestId('new-app-password')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(secret);
    const row = rowOf(page, 'iPhone');
    await expect(row).not.toContainText('Never used');
    await expect(row).toContainText(
      /\d{4}, \d{1,2}:\d\d( [AP]M)? (UTC|GMT[+-][\d:]+) from 127\.0\.0\.1/,
    );

    await row.getByRole('button', { name: 'Revoke the app password iPhone' }).click();
    await expect(page.getByText('The app password has been revoked.')).toBeVisible();
    await expect(page.getByText('No app passwords yet')).toBeVisible();
    // Refused at once.
    const refused = await propfindRoot(dav, user.username, secret);
    expect(refused.status()).toBe(401);
    expect(refused.headers()['www-authenticate']).toMatch(/^Basic realm="Contact Cards"/);
    await dav.dispose();
  });

  test('the device name is required and at most 64 characters; what was typed stays', async ({
    page,
  }) => {
    await page.goto('/account');
    const name = page.getByLabel('Device name');
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(name).toHaveAccessibleDescription(/Enter a device name/);
    await expect(name).toHaveAttribute('aria-invalid', 'true');

    const tooLong = `Thunderbird at work ${'x'.repeat(50)}`;
    await name.fill(tooLong);
    await page.getByRole('button', { name: 'Create app password' }).click();
    await expect(name).toHaveAccessibleDescription(/Use at most 64 characters/);
    await expect(name).toHaveValue(tooLong);
    await expect(page.getByTestId('new-app-password')).toHaveCount(0);
    await expect(table(page)).toHaveCount(0);

    // 64 characters are fine, accents included.
    const longest = `Téléphone ${'é'.repeat(54)}`;
    await createAppPassword(page, longest);
    await expect(rowOf(page, longest)).toHaveCount(1);
  });

  test('each app password is revoked on its own; another user cannot revoke it', async ({
    page,
    user,
    playwright,
    baseURL,
    browser,
  }) => {
    const dav = await playwright.request.newContext({ baseURL });
    await page.goto('/account');
    const phone = await createAppPassword(page, 'Phone');
    await page.goto('/account');
    const laptop = await createAppPassword(page, 'Laptop');
    await expect(table(page).getByRole('row')).toHaveCount(3); // header + two

    await rowOf(page, 'Phone')
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await expect(page.getByText('The app password has been revoked.')).toBeVisible();
    await expect(table(page).getByRole('row')).toHaveCount(2);
    expect((await propfindRoot(dav, user.username, phone)).status()).toBe(401);
    // Needs the lead's CardDAV handler (merged from main).
    expect((await propfindRoot(dav, user.username, laptop)).status()).toBe(207);

    // The laptop's id, posted by someone else's session: nothing happens to it.
    const laptopId = await rowOf(page, 'Laptop')
      .locator('input[name="appPasswordId"]')
      .getAttribute('value');
    const bob = await registerUser(browser, baseURL!);
    const stranger = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await signIn(stranger, bob);
    const strangerPage = await stranger.newPage();
    await strangerPage.goto('/account');
    await createAppPassword(strangerPage, 'Mine');
    await strangerPage.goto('/account');
    const form = rowOf(strangerPage, 'Mine').locator('form');
    const response = await postForm(strangerPage, form, { appPasswordId: laptopId! });
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('That app password had already been revoked.');
    await stranger.close();
    await page.goto('/account');
    await expect(rowOf(page, 'Laptop')).toHaveCount(1);
    expect((await propfindRoot(dav, user.username, laptop)).status()).toBe(207);
    await dav.dispose();
  });

  test('changing the password revokes app passwords only when the box is ticked', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    const dav = await playwright.request.newContext({ baseURL });
    await page.goto('/account');
    const secret = await createAppPassword(page, 'Tablet');

    await page.goto('/account');
    await changePassword(page, user.password, NEW_PASSWORD);
    await expect(page.getByText('Your password has been changed.')).toBeVisible();
    await expect(rowOf(page, 'Tablet')).toHaveCount(1);
    // Needs the lead's CardDAV handler (merged from main).
    expect((await propfindRoot(dav, user.username, secret)).status()).toBe(207);

    const box = page.getByLabel('Also sign out sync clients (revoke app passwords)');
    // A refused change keeps the box ticked and revokes nothing.
    await box.check();
    await changePassword(page, 'not the password', TEST_PASSWORD);
    await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(/not correct/);
    await expect(box).toBeChecked();
    await expect(rowOf(page, 'Tablet')).toHaveCount(1);

    await changePassword(page, NEW_PASSWORD, TEST_PASSWORD);
    await expect(
      page.getByText('Your password has been changed and 1 app password was revoked.'),
    ).toBeVisible();
    await expect(page.getByText('No app passwords yet')).toBeVisible();
    expect((await propfindRoot(dav, user.username, secret)).status()).toBe(401);
    await dav.dispose();
  });

  test('deleting the account revokes its app passwords', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    const dav = await playwright.request.newContext({ baseURL });
    await page.goto('/account');
    const secret = await createAppPassword(page, 'Phone');
    await page.goto('/account');
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Delete account' }).click();
    await expect(page.getByText('Your account has been deleted.')).toBeVisible();
    expect((await propfindRoot(dav, user.username, secret)).status()).toBe(401);
    await dav.dispose();
  });

  test('set-up text: server and username, every client, the profile; fits 320 px', async ({
    page,
    user,
    baseURL,
  }) => {
    await page.goto('/account');
    const setUp = page.locator('section[aria-labelledby="sync-heading"]');
    await expect(page.getByRole('heading', { name: 'Set up sync', level: 3 })).toBeVisible();
    await expect(setUp).toContainText(`${baseURL}/dav/`);
    for (const client of [
      'iPhone and iPad',
      'Mac',
      'Android (DAVx⁵)',
      'Thunderbird',
      'Evolution (GNOME)',
      'vdirsyncer (command line)',
    ]) {
      const details = setUp
        .locator('details')
        .filter({ has: page.getByText(client, { exact: true }) });
      await details.locator('summary').click();
      await expect(details).toHaveAttribute('open', '');
    }
    await expect(setUp).toContainText('Settings → Contacts → Accounts → Add Account → Other');
    await expect(setUp).toContainText('Login with URL and user name');
    await expect(setUp).toContainText('Add CardDAV Address Book');
    await expect(setUp.getByText(`username = "${user.username}"`)).toBeVisible();
    await expectAccessible(page);

    if (jsEnabled(test.info())) {
      // Measured with a script; the layout is the same without. With the secret panel too.
      await createAppPassword(page, 'A phone with a rather long name for a narrow screen');
      for (const summary of await setUp.locator('summary').all()) {
        if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) {
          await summary.click();
        }
      }
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'sideways scroll at 320 px').toBeLessThanOrEqual(0);
    }
  });

  test('the .mobileconfig names the server and user, holds no password, needs a session', async ({
    page,
    user,
    playwright,
    baseURL,
  }) => {
    test.skip(!jsEnabled(test.info()), 'HTTP only: one project is enough');
    await page.goto('/account');
    const link = page.getByRole('link', { name: /Download the configuration profile/ });
    const href = (await link.getAttribute('href'))!;
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/x-apple-aspen-config');
    expect(response.headers()['content-disposition']).toContain('contact-cards.mobileconfig');
    expect(response.headers()['cache-control']).toContain('no-store');
    const body = await response.text();
    const port = new URL(baseURL!).port;
    expect(body).toContain('<string>com.apple.carddav.account</string>');
    expect(body).toContain(`<key>CardDAVUsername</key>\n      <string>${user.username}</string>`);
    expect(body).toContain(`<key>CardDAVHostName</key>\n      <string>127.0.0.1</string>`);
    expect(body).toContain(`<key>CardDAVPort</key>\n      <integer>${port}</integer>`);
    expect(body).toContain('<key>CardDAVUseSSL</key>\n      <false/>');
    expect(body).toContain(
      `<string>/dav/principals/${encodeURIComponent(user.username.toLowerCase())}/</string>`,
    );
    // No password key (the description may say the device asks for one).
    expect(body).not.toMatch(/<key>[^<]*password[^<]*<\/key>/i);

    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.get(href, { maxRedirects: 0 });
    expect(refused.status()).toBe(307);
    expect(refused.headers()['location']).toContain('/login?next=');
    await anonymous.dispose();
  });

  test('a warning when the page is reached over plain http from another machine', async ({
    context,
    baseURL,
  }) => {
    test.skip(!jsEnabled(test.info()), 'HTTP only: one project is enough');
    const cookie = (await context.cookies())
      .filter((c) => c.name.endsWith('cc_session'))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const port = new URL(baseURL!).port;
    const warning = 'this server is reached over plain http';
    const overLan = await accountPageWithHost(baseURL!, `192.0.2.10:${port}`, cookie);
    expect(overLan).toContain(warning);
    expect(overLan).toContain(`http://192.0.2.10:${port}/dav/`);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect(await accountPageWithHost(baseURL!, host, cookie)).not.toContain(warning);
    }
  });
});
