import { STRICT_URL } from '../playwright.config';
import { cookieHeader, randomLoopback, raw, setCookies, type RawResponse } from '../test/support';
import { logOut, submitLogin } from './auth-helpers';
import {
  expect,
  expectAccessible,
  registerUser,
  TEST_PASSWORD,
  test,
  uniqueName,
} from './fixtures';
import { loginRaw } from './security/http';
import { postToStrict, strictHiddenFields } from './strict-server';

/*
 * The lockout attack (issue 15), against the strict server's default limits: a stranger who
 * knows a username fails 50 times; the owner still signs in at once from their own address and
 * from a known device, and is told about the failures; the stranger is slowed, then stopped.
 * Each party posts the forms as a browser without JavaScript does, from a loopback address of its
 * own (127.x.y.z), so the limits these tests use up belong to no other test.
 */
const INVALID = 'Invalid username or password.';
const SLOWED = /Too many attempts for this account\. Try again in (\d+) seconds?/;
const STOPPED = /Too many attempts for this account\. Try again in 1[45] minutes/;
const FROM_NETWORK = 'Too many attempts from your network.';

/** The page a 303 leads to, fetched with the cookies it set (the session and the flash). */
async function follow(res: RawResponse, from: string): Promise<string> {
  expect(res.status).toBe(303);
  const next = await raw(STRICT_URL, res.headers.location!, {
    localAddress: from,
    headers: { accept: 'text/html', 'sec-fetch-dest': 'document', cookie: cookieHeader(res) },
  });
  return next.body;
}

type Outcome = 'invalid' | 'slowed' | 'stopped' | 'network';
function outcome(body: string): Outcome {
  if (body.includes(INVALID)) return 'invalid';
  if (STOPPED.test(body)) return 'stopped';
  if (SLOWED.test(body)) return 'slowed';
  if (body.includes(FROM_NETWORK)) return 'network';
  throw new Error(`unexpected answer: ${body.slice(0, 200)}`);
}

test('the lockout attack: 50 failures by a stranger neither lock out nor slow the owner at home or on a known device; the stranger is slowed, then stopped', async ({
  page,
  javaScriptEnabled,
}) => {
  // Raw form posts, as a browser without JavaScript sends them: once is enough (the JavaScript
  // project, which the PostgreSQL suite also runs).
  test.skip(!javaScriptEnabled, 'Raw HTTP: one project is enough');
  test.slow(); // about 60 sign-in posts and two waits of a few seconds
  const login = await strictHiddenFields(page, '/login');
  const register = await strictHiddenFields(page, '/register');
  const username = uniqueName('owner');
  const home = randomLoopback();
  const laptop = randomLoopback();
  const stranger = randomLoopback();
  const signIn = (password: string, from: string, cookie = '') =>
    postToStrict(
      '/login',
      { ...login, username, password, next: '' },
      from,
      cookie ? { cookie } : {},
    );

  // The owner made the account at home, and signed in once on their laptop elsewhere.
  const created = await postToStrict(
    '/register',
    { ...register, username, password: TEST_PASSWORD, confirm: TEST_PASSWORD, company: '' },
    home,
  );
  expect(created.status).toBe(303);
  const first = await signIn(TEST_PASSWORD, laptop);
  expect(first.status).toBe(303);
  const deviceCookie = setCookies(first).get('cc_device');
  expect(deviceCookie, 'a known-device cookie').toMatch(/HttpOnly/i);
  expect(deviceCookie).toMatch(/SameSite=Lax/i);
  expect(deviceCookie).toMatch(/Max-Age=31536000/i);
  const knownDevice = cookieHeader(first, (name) => name === 'cc_device');

  // The stranger: 50 wrong passwords from one address, waiting out each delay it is told of.
  const outcomes: Outcome[] = [];
  const waits: number[] = [];
  for (let i = 0; i < 50; i++) {
    const res = await signIn(`guess number ${i}`, stranger);
    expect(res.status, `attempt ${i + 1}`).toBe(200);
    const result = outcome(res.body);
    outcomes.push(result);
    if (result === 'slowed') {
      const seconds = Number(SLOWED.exec(res.body)![1]);
      waits.push(seconds);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 250));
    }
  }
  console.log(`lockout attack: ${outcomes.join(' ')}; waits ${waits.join(', ')} s`);
  // Only the pair's five guesses were ever checked; the first three came at once.
  expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(5);
  expect(outcomes.slice(0, 3)).toEqual(['invalid', 'invalid', 'invalid']);
  // Slowed between them, each wait longer than the one before…
  expect(waits.length).toBeGreaterThanOrEqual(1);
  for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
  // …then stopped for good: nothing after the fifth failure was checked.
  const fifth = outcomes.lastIndexOf('invalid');
  expect(outcomes[fifth + 1]).toBe('stopped');
  expect(outcomes.slice(fifth + 1).every((o) => o === 'stopped' || o === 'network')).toBe(true);
  // Even the right password is refused there now, in the same words.
  expect(outcome((await signIn(TEST_PASSWORD, stranger)).body)).not.toBe('invalid');

  // The owner at home, at once: signed in, and told about the stranger's five failures.
  const atHome = await signIn(TEST_PASSWORD, home);
  const homePage = await follow(atHome, home);
  expect(homePage).toContain(`Signed in as <strong>${username}</strong>`);
  expect(homePage).toContain('5 failed sign-in attempts since your last visit.');

  // The owner's laptop, from an address never seen before: its cookie vouches for it.
  const hotel = randomLoopback();
  const travelling = await signIn(TEST_PASSWORD, hotel, knownDevice);
  const hotelPage = await follow(travelling, hotel);
  expect(hotelPage).toContain(`Signed in as <strong>${username}</strong>`);
  expect(hotelPage).toContain(`Welcome back, ${username}.`);
  expect(hotelPage).not.toContain('failed sign-in attempts');
});

test('the sign-in tells the owner how many attempts failed since their last visit, once', async ({
  page,
  browser,
  baseURL,
}) => {
  // The main server: its limits never slow these three failures.
  const user = await registerUser(browser, baseURL!);
  for (let i = 0; i < 3; i++) {
    expect((await loginRaw(baseURL!, user.username, `guess number ${i}`)).body).toContain(INVALID);
  }
  await page.goto('/login');
  await submitLogin(page, user.username, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole('alert').filter({ hasText: 'failed sign-in attempts' }),
  ).toContainText(
    `Welcome back, ${user.username}. 3 failed sign-in attempts since your last visit.`,
  );
  await expectAccessible(page);
  await logOut(page);
  await page.goto('/login');
  await submitLogin(page, user.username, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('status').filter({ hasText: 'Welcome back' })).toContainText(
    `Welcome back, ${user.username}.`,
  );
  await expect(page.getByText('failed sign-in attempts')).toHaveCount(0);
});
