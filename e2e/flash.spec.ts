import type { BrowserContext, Page } from '@playwright/test';
import {
  expectBannerSignedIn,
  FLASH_COOKIE,
  logOut,
  sealForServer,
  submitLogin,
} from './auth-helpers';
import { expect, expectAccessible, jsEnabled, test, type TestUser } from './fixtures';

const LOGGED_OUT = 'You have been logged out.';

/** The flash messages on the page: polite ones in role=status, urgent ones in role=alert. */
const flashArea = (page: Page) => page.getByRole('main').locator('.flash-area');

async function logIn(page: Page, user: TestUser) {
  await page.goto('/login');
  await submitLogin(page, user.username, user.password);
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
}

/** Leaves a sealed flash cookie in the browser, as a no-JavaScript action would. */
async function pendingFlash(context: BrowserContext, baseURL: string, value: string) {
  await context.addCookies([
    { name: FLASH_COOKIE, value, url: baseURL, httpOnly: true, sameSite: 'Lax' },
  ]);
}

const sealMessages = (messages: { id: string; kind: string; text: string }[]) =>
  sealForServer({ messages });

test.describe('flash messages', () => {
  test('shown once after sign-out: gone after a reload and after the next navigation', async ({
    page,
    user,
  }, testInfo) => {
    await page.goto('/');
    await logOut(page);
    const message = page.getByRole('status').filter({ hasText: LOGGED_OUT });
    await expect(message).toBeVisible();
    await expectAccessible(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(flashArea(page)).not.toContainText(LOGGED_OUT);

    await logIn(page, user);
    await logOut(page);
    await expect(message).toBeVisible();
    // Away and back by links (client navigations with JavaScript): the message stays spent.
    await page.getByRole('link', { name: 'Create an account' }).first().click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(flashArea(page)).not.toContainText(LOGGED_OUT);
    await page.getByRole('link', { name: 'Log in instead' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(flashArea(page)).not.toContainText(LOGGED_OUT);

    // With JavaScript each message has a dismiss button; without, there is nothing to press.
    await logIn(page, user);
    await logOut(page);
    const dismiss = page.getByRole('button', { name: `Dismiss: ${LOGGED_OUT}` });
    if (jsEnabled(testInfo)) {
      await dismiss.click();
      await expect(message).toHaveCount(0);
    } else {
      await expect(message).toBeVisible();
      await expect(dismiss).toHaveCount(0);
    }
  });

  test('two identical messages in a row are both shown', async ({ page, user }) => {
    await page.goto('/');
    for (let round = 0; round < 2; round++) {
      await logOut(page);
      await expect(page.locator('.flash')).toHaveCount(1);
      await expect(page.getByRole('status')).toContainText(LOGGED_OUT);
      await page.getByLabel('Username').fill(user.username);
      await page.getByLabel('Password').fill(user.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByRole('status')).toContainText(`Welcome back, ${user.username}.`);
      await expect(page.locator('.flash')).toHaveCount(1);
    }
  });

  test('several messages queued in one cookie are all shown, each in its role', async ({
    page,
    context,
    baseURL,
  }) => {
    await pendingFlash(
      context,
      baseURL!,
      await sealMessages([
        { id: 'a1', kind: 'success', text: 'Saved.' },
        { id: 'a2', kind: 'success', text: 'Saved.' },
        { id: 'a3', kind: 'info', text: 'For your information.' },
        { id: 'a4', kind: 'warning', text: 'Careful now.' },
        { id: 'a5', kind: 'error', text: 'That went wrong.' },
      ]),
    );
    await page.goto('/login');
    const status = page.getByRole('status');
    await expect(status.locator('.flash')).toHaveText([
      /^Saved\./,
      /^Saved\./,
      /^For your information\./,
    ]);
    await expect(page.getByRole('alert').locator('.flash')).toHaveText([
      /^Careful now\./,
      /^That went wrong\./,
    ]);
    await expectAccessible(page);
    await page.reload();
    await expect(page.locator('.flash')).toHaveCount(0);
  });

  test('a forged or foreign flash cookie shows nothing and breaks nothing', async ({
    page,
    context,
    baseURL,
  }) => {
    const { sealData } = await import('iron-session');
    const forged = [
      'random text that is not a seal',
      await sealData(
        { messages: [{ id: 'f1', kind: 'error', text: 'Forged message' }] },
        { password: 'another-secret-that-is-long-enough-0123456789' },
      ),
      // Our seal, but not our shape.
      await sealForServer({ messages: [{ id: 'f2', kind: 'html', text: 'Forged message' }] }),
      await sealForServer({ text: 'Forged message' }),
    ];
    for (const value of forged) {
      await pendingFlash(context, baseURL!, value);
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await expect(page.locator('.flash')).toHaveCount(0);
      await expect(page.getByText('Forged message')).toHaveCount(0);
    }
    // Nothing in the query string becomes a message either.
    await page.goto('/login?flash=Forged%20message&message=Forged%20message&kind=error');
    await expect(page.locator('.flash')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a message is text: markup in it is shown, never run', async ({
    page,
    context,
    baseURL,
  }) => {
    const payload = '<img src=x onerror=alert(1)>';
    const script = '<script>document.title="pwned"</script>';
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await pendingFlash(
      context,
      baseURL!,
      await sealMessages([
        { id: 'x1', kind: 'error', text: payload },
        { id: 'x2', kind: 'success', text: script },
      ]),
    );
    await page.goto('/login');
    await expect(page.getByRole('alert').getByText(payload, { exact: true })).toBeVisible();
    await expect(page.getByRole('status').getByText(script, { exact: true })).toBeVisible();
    await expect(page.locator('img')).toHaveCount(0);
    await expect(page.locator('.flash script, .flash img')).toHaveCount(0);
    await expect(page).not.toHaveTitle('pwned');
    expect(dialogs).toBe(0);
  });

  test('prefetches and client-side navigations do not swallow a message not yet seen', async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    await page.goto('/login');
    const text = `Pending ${Date.now()}`;
    await pendingFlash(context, baseURL!, await sealMessages([{ id: 'p1', kind: 'info', text }]));
    const stillWaiting = async (label: string) =>
      expect(
        (await context.cookies()).some((c) => c.name === FLASH_COOKIE),
        `${label} swallowed the message`,
      ).toBe(true);
    // Requests as browsers send them (page.request shares the page's cookies).
    const fetchHeaders = { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors', rsc: '1' };
    const notPageLoads: Record<string, string>[] = [
      { ...fetchHeaders, 'next-router-prefetch': '1' },
      { ...fetchHeaders, 'next-router-prefetch': '1', 'next-router-segment-prefetch': '/_tree' },
      { ...fetchHeaders, 'next-router-state-tree': encodeURIComponent('["",{}]') },
      // The browser's own prefetch (speculation rules, <link rel="prefetch">).
      { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-purpose': 'prefetch' },
      { purpose: 'prefetch' },
    ];
    for (const headers of notPageLoads) {
      const response = await page.request.get('/register', { headers });
      expect(await response.text(), JSON.stringify(headers)).not.toContain(text);
      await stillWaiting(JSON.stringify(headers));
    }
    if (jsEnabled(testInfo)) {
      // Next's router itself: a prefetch by fetch(), then a client-side navigation.
      await page.evaluate(() =>
        fetch('/register', { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } }).then(() => {}),
      );
      await stillWaiting('a fetch() prefetch');
      await page.getByRole('link', { name: 'Create an account' }).first().click();
      await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
      await expect(page.getByText(text)).toHaveCount(0);
      await stillWaiting('a client-side navigation');
    }
    await page.goto('/login');
    await expect(page.getByRole('status')).toContainText(text);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(page.getByText(text)).toHaveCount(0);
  });

  test('a second tab opened later does not show the message again', async ({
    page,
    context,
    user,
  }) => {
    await expectBannerSignedIn(page, user.username);
    await logOut(page);
    await expect(page.getByRole('status')).toContainText(LOGGED_OUT);
    const second = await context.newPage();
    await second.goto('/login');
    await expect(second.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await expect(second.locator('.flash')).toHaveCount(0);
    await second.goto('/register');
    await expect(second.locator('.flash')).toHaveCount(0);
    expect((await context.cookies()).some((c) => c.name.includes('cc_flash'))).toBe(false);
  });
});
