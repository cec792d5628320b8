import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { AppServer, tempDir, TEST_SESSION_SECRET } from '../test/support';
import { openSecurityLog, submitLogin } from './auth-helpers';
import { expect, expectAccessible, test, TEST_PASSWORD } from './fixtures';
import type { RecoverySeed } from './password-reset-seed';

/**
 * The way back in without mail (issue 15), on a server of this file's own with no SMTP_URL:
 * the pages say mail is not set up, a recovery code resets the password (once; a wrong one is
 * a failed attempt), and a reset link past its lifetime is refused. The user, its codes and the
 * expired link are put in the database before the server starts (e2e/password-reset-seed.ts).
 * Both projects: every form here works without JavaScript.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const NEW_PASSWORD = 'recovered passphrase 9';
let lab: AppServer;
let seed: RecoverySeed;
let dataDir: string;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(300_000); // two cold starts of the embedded database on a busy machine
  dataDir = tempDir('reset-lab');
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'e2e/password-reset-seed.ts'],
    {
      encoding: 'utf8',
      timeout: 240_000,
      env: {
        NODE_ENV: 'test',
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        SESSION_SECRET: TEST_SESSION_SECRET,
        LOG_LEVEL: 'warn',
      },
    },
  );
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  seed = JSON.parse(seeded.stdout.trim().split('\n').at(-1)!) as RecoverySeed;
  // The test's wrong code and wrong password are failures from an address the account has not
  // signed in from: no account-wide delay here (the main e2e server does the same).
  lab = await AppServer.start({ dataDir, env: { THROTTLE_ACCOUNT_FAILURES: '100000' } }, 180_000);
});
test.afterAll(async () => {
  await lab?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function recover(page: Page, username: string, code: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Recovery code').fill(code);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

test('without mail the forgot page says so and points to recovery codes', async ({ page }) => {
  await page.goto(`${lab.url}/login`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByText('Mail is not set up on this server')).toBeVisible();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
  await expect(page.getByRole('link', { name: 'use a recovery code' })).toHaveAttribute(
    'href',
    '/login/recover',
  );
});

test('a reset link past its lifetime is refused', async ({ page }) => {
  await page.goto(`${lab.url}/login/reset?token=${seed.expiredToken}`);
  await expect(
    page.getByText('This reset link has expired or has already been used.'),
  ).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});

test('a recovery code resets the password once; a wrong one is refused', async ({ page }) => {
  const code = seed.codes[0]!;
  await page.goto(`${lab.url}/login`);
  await page.getByRole('link', { name: 'Use a recovery code' }).click();
  await expect(page.getByRole('heading', { name: 'Use a recovery code' })).toBeVisible();
  await expectAccessible(page);

  await recover(page, seed.username, 'aaaa-bbbb-cccc-dddd', NEW_PASSWORD);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Invalid username or recovery code.' }),
  ).toBeVisible();
  // The name is kept; the code and passwords are not.
  await expect(page.getByLabel('Username')).toHaveValue(seed.username);
  await expect(page.getByLabel('Recovery code')).toHaveValue('');

  await recover(page, seed.username, code.toUpperCase(), NEW_PASSWORD);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toContainText('Your password has been reset');

  await page.goto(`${lab.url}/login/recover`);
  await recover(page, seed.username, code, 'another passphrase 10');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Invalid username or recovery code.' }),
  ).toBeVisible();

  await page.goto(`${lab.url}/login`);
  await submitLogin(page, seed.username, TEST_PASSWORD);
  await expect(page.getByText('Invalid username or password.')).toBeVisible();
  await submitLogin(page, seed.username, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${seed.username}` })).toBeVisible();

  await page.goto(`${lab.url}/account`);
  await expect(page.getByRole('region', { name: 'Email address' })).toContainText(
    'Mail is not set up on this server',
  );
  await expect(page.getByRole('button', { name: 'Send verification link' })).toHaveCount(0);
  const log = await openSecurityLog(page, lab.url);
  await expect(log).toContainText('Recovery code used');
  await expect(log).toContainText('Password reset: with a recovery code');
  await expectAccessible(page);
});
