import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';

import fs from 'node:fs';
import path from 'node:path';
import { secondSession } from './auth-helpers';
import type { PooledUser } from './seed-users';
import { TEST_PASSWORD } from '../test/support';

export { expect, TEST_PASSWORD };

/** A username no other test uses (3 to 32 characters). */
export function uniqueName(prefix = 'u'): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`.slice(
    0,
    32,
  );
}

/**
 * Fails with the list of rules broken when axe finds any accessibility violation on the page.
 * axe is a script, so on the JavaScript-off project the page's HTML is checked in a script-capable
 * page at the same origin, with the app's own scripts blocked: the markup and CSS are the same.
 * A test that opens a context of its own without JavaScript says so with `javaScript: false`.
 */
export async function expectAccessible(
  page: Page,
  { javaScript = base.info().project.use.javaScriptEnabled !== false } = {},
): Promise<void> {
  let target = page;
  let scratch: BrowserContext | undefined;
  if (!javaScript) {
    scratch = await page.context().browser()!.newContext({ javaScriptEnabled: true });
    target = await scratch.newPage();
    await target.route('**/*.js', (route) => route.abort());
    await target.goto(new URL('/api/health', page.url()).toString());
    await target.setContent(await page.content(), { waitUntil: 'load' });
  }
  try {
    // After a client-side navigation the new <title> comes with the page's streamed metadata, a
    // moment after its content: axe checked once in between and found no title. Waiting for one
    // keeps the rule: a page that never gets a title still fails here.
    await expect(target).toHaveTitle(/\S/);
    const { violations } = await new AxeBuilder({ page: target }).analyze();
    const summary = violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await scratch?.close();
  }
}

/**
 * Creates an account through the real registration form (without JavaScript: one POST) and
 * returns its session cookies: for tests that need a user made now, or when the pool of users
 * sealed in advance (the `user` fixture) has run out.
 */
export async function registerUser(
  browser: Browser,
  baseURL: string,
  username = uniqueName(),
  password = TEST_PASSWORD,
) {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/register');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  const cookies = await context.cookies();
  await context.close();
  return { username, password, cookies };
}

export type TestUser = Awaited<ReturnType<typeof registerUser>>;

/** Signs a context in as the user by giving it the user's session cookie. */
export async function signIn(context: BrowserContext, user: TestUser): Promise<void> {
  await context.addCookies(user.cookies.filter((c) => c.name.endsWith('cc_session')));
}

/**
 * A user from the pool scripts/e2e.mjs seeded before the servers started (e2e/seed-users.ts),
 * already signed in by a sealed cookie; each is handed out once, across every worker (creating
 * a directory is atomic). Undefined when there is no pool or it has run out.
 */
function claimPooledUser(baseURL: string): TestUser | undefined {
  const file = process.env.E2E_USERS_FILE;
  if (!file || !fs.existsSync(file)) return undefined;
  const pool = JSON.parse(fs.readFileSync(file, 'utf8')) as PooledUser[];
  const claims = `${file}.claims`;
  fs.mkdirSync(claims, { recursive: true });
  for (let i = 0; i < pool.length; i++) {
    try {
      fs.mkdirSync(path.join(claims, String(i)));
    } catch {
      continue; // someone else's
    }
    const { username, password, cookie } = pool[i]!;
    const { hostname } = new URL(baseURL);
    const sessionCookie = {
      ...cookie,
      domain: hostname,
      path: '/',
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: 'Lax' as const,
    };
    return { username, password, cookies: [sessionCookie] };
  }
  return undefined;
}

export const test = base.extend<{
  user: TestUser;
  otherSession: { context: BrowserContext; page: Page };
  signedIn: boolean;
  signedInUser: TestUser | undefined;
}>({
  /** `test.use({ signedIn: true })`: every test's page is signed in, whether it asks for `user` or not. */
  signedIn: [false, { option: true }],
  signedInUser: [
    async ({ signedIn, browser, baseURL }, use) =>
      use(signedIn ? await newUser(browser, baseURL!) : undefined),
    { auto: true },
  ],
  context: async ({ context, signedInUser }, use) => {
    if (signedInUser) await signIn(context, signedInUser);
    await use(context);
  },
  /** A fresh user; the test's own page is signed in as them. */
  user: async ({ signedInUser, browser, baseURL, context }, use) => {
    if (signedInUser) return use(signedInUser);
    const user = await newUser(browser, baseURL!);
    await signIn(context, user);
    await use(user);
  },
  /** The same user signed in through the form in a browser of its own, as from another device. */
  otherSession: async ({ user, browser, baseURL }, use) => {
    const other = await secondSession(browser, baseURL!, user);
    await use(other);
    await other.context.close();
  },
});

function newUser(browser: Browser, baseURL: string): Promise<TestUser> | TestUser {
  return claimPooledUser(baseURL) ?? registerUser(browser, baseURL);
}

/** The JavaScript project, for steps that differ with and without it. */
export function jsEnabled(testInfo: { project: { name: string } }): boolean {
  return testInfo.project.name === 'js';
}
