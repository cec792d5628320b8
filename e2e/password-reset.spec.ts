import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { MAIL_SINK_PORT } from '../playwright.config';
import { linkIn, MailSink } from '../test/support/mail-sink';
import { changePassword, expectSignedOut, openSecurityLog, submitLogin } from './auth-helpers';
import { expect, expectAccessible, test, TEST_PASSWORD, uniqueName } from './fixtures';

/**
 * "A way back in" by mail (issue 15), end to end against the main server, whose SMTP_URL points
 * at a sink this file runs (playwright.config.ts): verifying an address, "Forgot password?",
 * the link working once, dying after a password change, the same answer and no mail for an
 * unknown name, and a reset ending every session and app password. The sink listens on one port,
 * so this file runs in one project (serially); the no-JavaScript path is a context of its own.
 * The recovery-code way back in and the expired link: e2e/password-reset-recovery.spec.ts.
 */
// Long flows (two browsers, mail, axe) on a busy machine: more than the default minute.
test.describe.configure({ mode: 'serial', timeout: 150_000 });
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'One SMTP sink: the js project only.');
// The links in mail are on APP_URL (localhost, playwright.config.ts): cookies are per host.
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3210}` });

const NEW_PASSWORD = 'a fresh passphrase 42';
let sink: MailSink;

test.beforeAll(async ({}, testInfo) => {
  if (testInfo.project.name !== 'js') return; // the port is the js project's
  sink = await MailSink.start(MAIL_SINK_PORT);
});
test.afterAll(async () => {
  await sink?.stop();
});

/** Adds and verifies an address for the signed-in page's user, through the account page. */
async function verifyAddress(page: Page, email: string): Promise<void> {
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Email address' });
  await section.getByLabel('Email address').fill(email);
  await section.getByRole('button', { name: 'Send verification link' }).click();
  await expect(page.getByRole('status')).toContainText(`We have sent a link to ${email}`);
  const mail = await sink.waitFor(email);
  expect(mail.subject).toBe('Confirm your email address for Contact Cards');
  const link = linkIn(mail);
  expect(link).toMatch(/^http:\/\/localhost:\d+\/account\/email\/verify\?token=[\w-]{43}$/);
  await page.goto(link);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('status')).toContainText(`Your email address ${email} is confirmed.`);
  await expect(page.getByTestId('verified-email')).toHaveText(email);
}

/** Asks for a reset link on the forgot page, in whatever context the page belongs to. */
async function askForReset(page: Page, typed: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot password' })).toBeVisible();
  await page.getByLabel('Username or email address').fill(typed);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
  await expect(page.getByText('If an account with a verified email address matches')).toBeVisible();
}

async function setNewPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

function propfind(request: APIRequestContext, username: string, secret: string) {
  return request.fetch('/dav/', {
    method: 'PROPFIND',
    headers: {
      Authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`,
      Depth: '0',
    },
    maxRedirects: 0,
  });
}

async function signedOutPage(browser: Browser, baseURL: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test('an email address is verified by its link (once), shown, logged and removable', async ({
  page,
  user,
}) => {
  const email = `${user.username}@example.test`;
  await page.goto('/account');
  await expectAccessible(page);
  await verifyAddress(page, email);
  await expectAccessible(page);
  const log = await openSecurityLog(page);
  await expect(log).toContainText(`Email address verified: ${email}`);

  // The link was used: following it again changes nothing and says so.
  await page.goto(linkIn(sink.to(email)[0]!));
  await expect(
    page.getByRole('alert').filter({ hasText: 'This verification link has expired' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Remove email address' }).click();
  await expect(page.getByRole('status')).toContainText('Your email address has been removed.');
  await expect(page.getByTestId('verified-email')).toHaveCount(0);
  await expect(await openSecurityLog(page)).toContainText(`Email address removed: ${email}`);
});

test('a reset link works once, without JavaScript, and ends every session and app password', async ({
  page,
  user,
  otherSession,
  browser,
  baseURL,
  playwright,
}) => {
  const email = `${user.username}@example.test`;
  await verifyAddress(page, email);
  await page.getByLabel('Device name').fill('Phone');
  await page.getByRole('button', { name: 'Create app password' }).click();
  const secret = (await page.getByTestId('new-app-password').textContent())!.trim();
  const dav = await playwright.request.newContext({ baseURL });
  expect((await propfind(dav, user.username, secret)).status()).toBe(207);

  const stranger = await signedOutPage(browser, baseURL!, false);
  try {
    await askForReset(stranger.page, user.username);
    await expectAccessible(stranger.page, { javaScript: false });
    // The verification mail was the first to this address.
    const mail = await sink.waitFor(email, 2);
    expect(mail.subject).toBe('Reset your Contact Cards password');
    expect(mail.from?.text).toContain('contacts@example.test');
    const link = linkIn(mail);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/login\/reset\?token=[\w-]{43}$/);
    expect(mail.html).toContain(`href="${link}"`);

    await stranger.page.goto(link);
    await expect(
      stranger.page.getByRole('heading', { name: 'Choose a new password' }),
    ).toBeVisible();
    await expectAccessible(stranger.page, { javaScript: false });
    // A refused password keeps the link alive.
    await setNewPassword(stranger.page, 'short');
    await expect(stranger.page.getByText('Use at least 8 characters.')).toBeVisible();
    await setNewPassword(stranger.page, NEW_PASSWORD);
    await expect(stranger.page).toHaveURL(/\/login$/);
    await expect(stranger.page.getByRole('status')).toContainText(
      'Your password has been reset and every session signed out. 1 app password was revoked',
    );

    // Once only.
    await stranger.page.goto(link);
    await expect(
      stranger.page.getByText('This reset link has expired or has already been used.'),
    ).toBeVisible();

    // Every session ended (this page's and the other device's); the app password is revoked.
    await expectSignedOut(page, '/account');
    await expectSignedOut(otherSession.page, '/account');
    expect((await propfind(dav, user.username, secret)).status()).toBe(401);

    await stranger.page.goto('/login');
    await submitLogin(stranger.page, user.username, TEST_PASSWORD);
    await expect(stranger.page.getByText('Invalid username or password.')).toBeVisible();
    await submitLogin(stranger.page, user.username, NEW_PASSWORD);
    await expect(
      stranger.page.getByRole('heading', { name: `Welcome, ${user.username}` }),
    ).toBeVisible();
    await expect(await openSecurityLog(stranger.page)).toContainText(
      'Password reset: with a reset link',
    );
  } finally {
    await stranger.context.close();
    await dav.dispose();
  }
});

test('a reset link dies when the password is changed; the address may be typed in any case', async ({
  page,
  user,
  browser,
  baseURL,
}) => {
  const email = `${user.username}@example.test`;
  await verifyAddress(page, email);
  const other = await signedOutPage(browser, baseURL!);
  try {
    await askForReset(other.page, email.toUpperCase());
    const link = linkIn(await sink.waitFor(email, 2));
    await other.page.goto(link);
    // With JavaScript the token leaves the address bar once the page has loaded.
    await expect(other.page).toHaveURL(/\/login\/reset$/);
    await expect(other.page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expectAccessible(other.page);

    await page.goto('/account');
    await changePassword(page, TEST_PASSWORD, NEW_PASSWORD);
    await expect(page.getByRole('status')).toContainText('Your password has been changed.');

    // The form already open is refused too.
    await setNewPassword(other.page, 'yet another passphrase 7');
    await expect(
      other.page.getByRole('alert').filter({ hasText: 'This reset link has expired' }),
    ).toBeVisible();
    await other.page.goto(link);
    await expect(
      other.page.getByText('This reset link has expired or has already been used.'),
    ).toBeVisible();
    await expectAccessible(other.page);
  } finally {
    await other.context.close();
  }
});

test('an unknown name or address, or an account without one, gets the same page and no mail', async ({
  user,
  browser,
  baseURL,
}) => {
  const before = sink.messages.length;
  const visitor = await signedOutPage(browser, baseURL!);
  try {
    for (const typed of [
      uniqueName('nobody'),
      `${uniqueName('nobody')}@example.test`,
      user.username,
    ]) {
      await askForReset(visitor.page, typed);
      await expectAccessible(visitor.page);
    }
    // The mail would be sent just after the answer: give it time to (not) arrive.
    await visitor.page.waitForTimeout(3000);
    expect(sink.messages.length).toBe(before);
  } finally {
    await visitor.context.close();
  }
});
