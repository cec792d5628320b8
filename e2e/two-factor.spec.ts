import * as OTPAuth from 'otpauth';
import type { Page } from '@playwright/test';
import { logOut, openSecurityLog, submitLogin } from './auth-helpers';
import {
  expect,
  expectAccessible,
  jsEnabled,
  registerUser,
  signIn,
  test,
  TEST_PASSWORD,
} from './fixtures';

/*
 * Two-step sign-in with one-time codes (docs/security/two-factor.md): the codes are computed
 * here from the key the set-up page shows, for a chosen time step, so which step the server has
 * already accepted is known. Every user is registered fresh: their sign-in changes.
 */
// Several sign-ins, argon2 hashes and axe runs per test, on a shared two-core machine.
test.describe.configure({ timeout: 240_000 });

/**
 * axe on the new pages, in the JavaScript project only: they are rendered on the server, so the
 * markup is the same without JavaScript, where each run costs a second browser context.
 */
async function checkAccessible(page: Page) {
  if (jsEnabled(test.info())) await expectAccessible(page);
}

const STEP_MS = 30_000;
const currentStep = () => Math.floor(Date.now() / STEP_MS);
const codeFor = (secret: string, step: number) =>
  new OTPAuth.TOTP({ secret }).generate({ timestamp: step * STEP_MS + 1 });

/** Sets up codes on /account/two-factor; returns the key, the recovery codes and the step used. */
async function enrol(page: Page, { axe = false } = {}) {
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Two-step sign-in' });
  await expect(section).toContainText('Off.');
  await section.getByRole('link', { name: 'Set up two-step sign-in' }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  if (axe) await checkAccessible(page);
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (axe) await checkAccessible(page);
  // A wrong code first: refused, the same key stays on the page.
  await page.getByLabel('Authentication code').fill('12345');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByLabel('Authentication code')).toHaveAccessibleDescription(
    /That code is not correct/,
  );
  expect((await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '')).toBe(secret);
  const step = currentStep();
  await page.getByLabel('Authentication code').fill(codeFor(secret, step));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Two-step sign-in is on.' }),
  ).toBeVisible();
  const codes = await page.getByTestId('recovery-codes').locator('code').allInnerTexts();
  expect(codes).toHaveLength(10);
  if (axe) await checkAccessible(page);
  // Shown once: a reload shows the status, not the codes.
  await page.goto('/account/two-factor');
  await expect(page.getByTestId('recovery-codes')).toHaveCount(0);
  return { secret, codes, step };
}

async function passwordStep(page: Page, username: string) {
  await page.goto('/login');
  await submitLogin(page, username, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/login\/code$/);
  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();
  // No session yet: the account page still sends the browser to sign in.
  await expect(page.getByRole('banner')).not.toContainText('Signed in as');
}

async function submitCode(page: Page, label: string, code: string) {
  await page.getByLabel(label).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

test('set up codes, then sign in with the password and a code; a used code is refused; a recovery code works once', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const user = await registerUser(browser, baseURL!);
  await signIn(context, user);
  const { secret, codes, step } = await enrol(page, { axe: true });
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Two-step sign-in' })).toContainText(
    'You have 10 recovery codes left.',
  );
  await logOut(page);

  // The right password leads to the code step; a wrong code is refused and counted.
  await passwordStep(page, user.username);
  await checkAccessible(page);
  await expect(page.getByLabel('Authentication code')).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByLabel('Authentication code')).toHaveAttribute(
    'autocomplete',
    'one-time-code',
  );
  await submitCode(page, 'Authentication code', '000000');
  await expect(page.getByLabel('Authentication code')).toHaveAccessibleDescription(
    /That code is not correct\./,
  );
  await expect(page.getByLabel('Authentication code')).toHaveValue('');
  await checkAccessible(page);
  // A code of a later step than the one set-up used (the app's clock a little ahead): in.
  const used = Math.max(step + 1, currentStep());
  await submitCode(page, 'Authentication code', codeFor(secret, used));
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  // The wrong code is told, as failed passwords are.
  await expect(page.getByRole('alert').filter({ hasText: 'Welcome back' })).toContainText(
    '1 failed sign-in attempt since your last visit.',
  );
  await logOut(page);

  // The same code again: a replay, refused. Within its window the answer says why; on a machine
  // so slow that the window has passed, the code is simply no longer right.
  await passwordStep(page, user.username);
  const inWindow = currentStep() <= used;
  await submitCode(page, 'Authentication code', codeFor(secret, used));
  await expect(page.getByLabel('Authentication code')).toHaveAccessibleDescription(
    inWindow ? /That code has already been used/ : /already been used|not correct/,
  );
  await expect(page.getByRole('banner')).not.toContainText('Signed in as');

  // A recovery code instead: in, once.
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await expect(page).toHaveURL(/\/login\/code\?method=recovery$/);
  await checkAccessible(page);
  await submitCode(page, 'Recovery code', codes[0]!.toUpperCase());
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Welcome back' })).toContainText(
    'You have 9 recovery codes left.',
  );
  const log = await openSecurityLog(page);
  await expect(log).toContainText('Signed in: with a recovery code');
  await expect(log).toContainText('Recovery code used');
  await expect(log).toContainText('Signed in: with a one-time code');
  await expect(log).toContainText('One-time codes turned on');
  await logOut(page);

  await passwordStep(page, user.username);
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await submitCode(page, 'Recovery code', codes[0]!);
  await expect(page.getByLabel('Recovery code')).toHaveAccessibleDescription(
    /That recovery code is not correct, or it has been used\./,
  );
  await expect(page.getByRole('banner')).not.toContainText('Signed in as');
});

test('a wrong password reads the same as before; the code step cannot be reached without the password', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const user = await registerUser(browser, baseURL!);
  await signIn(context, user);
  await enrol(page);
  await logOut(page);
  await page.goto('/login/code');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/login');
  await submitLogin(page, user.username, 'not the password at all');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Invalid username or password.' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('confirming with a code, and turning codes off takes the password and a code', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const user = await registerUser(browser, baseURL!);
  await signIn(context, user);
  const { secret, codes, step } = await enrol(page);

  // Re-authentication offers a code when codes are on.
  await page.goto('/account/confirm?next=%2Faccount%2Ftwo-factor%2Fdisable');
  const confirmCode = page.getByRole('region', {
    name: 'Or enter a code from your authenticator app',
  });
  await checkAccessible(page);
  await confirmCode
    .getByLabel('Authentication code')
    .fill(codeFor(secret, Math.max(step + 1, currentStep())));
  await confirmCode.getByRole('button', { name: 'Confirm with a code' }).click();
  await expect(page).toHaveURL(/\/account\/two-factor\/disable$/);
  await checkAccessible(page);

  const turnOff = async (password: string, code: string) => {
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Authentication code or recovery code').fill(code);
    await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  };
  await turnOff('not the password', codes[1]!);
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
    /The password is not correct\./,
  );
  await turnOff(TEST_PASSWORD, 'aaaa-bbbb-cccc-dddd');
  await expect(page.getByLabel('Authentication code or recovery code')).toHaveAccessibleDescription(
    /That recovery code is not correct/,
  );
  await turnOff(TEST_PASSWORD, codes[1]!);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('status')).toContainText('Two-step sign-in is off.');
  await expect(page.getByRole('region', { name: 'Two-step sign-in' })).toContainText('Off.');
  await expect(await openSecurityLog(page)).toContainText('One-time codes turned off');

  // The password alone signs in again.
  await logOut(page);
  await page.goto('/login');
  await submitLogin(page, user.username, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
});

test('new recovery codes replace the old ones', async ({ page, context, browser, baseURL }) => {
  const user = await registerUser(browser, baseURL!);
  await signIn(context, user);
  const { codes } = await enrol(page);
  await page.goto('/account/two-factor/recovery-codes');
  await expect(page.getByText('You have 10 unused recovery codes.')).toBeVisible();
  await page.getByRole('button', { name: 'Make new recovery codes' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'New recovery codes made' }),
  ).toBeVisible();
  const fresh = await page.getByTestId('recovery-codes').locator('code').allInnerTexts();
  expect(fresh).toHaveLength(10);
  expect(fresh).not.toContain(codes[0]);
  await checkAccessible(page);
  await logOut(page);
  await passwordStep(page, user.username);
  await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
  await submitCode(page, 'Recovery code', codes[0]!);
  await expect(page.getByLabel('Recovery code')).toHaveAccessibleDescription(/not correct/);
  await submitCode(page, 'Recovery code', fresh[0]!);
  await expect(page).toHaveURL(/\/$/);
});
