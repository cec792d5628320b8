import type { Page } from '@playwright/test';
import { STRICT_URL } from '../playwright.config';
import { forgedAddressHeaders, multipart, randomLoopback, raw } from '../test/support';
import { expect, expectAccessible, TEST_PASSWORD, test, uniqueName } from './fixtures';

/*
 * Against the strict server (default limits: 20 attempts a minute per address; 5 failures lock a
 * (username, address) pair for 15 minutes, e2e/lockout-attack.spec.ts). The forms are posted as a browser without JavaScript posts
 * them, from a random loopback address of our own (127.x.y.z), so the limits these tests use
 * up belong to no other test, with a forged X-Forwarded-For that must change nothing.
 */
const randomByte = () => 1 + Math.floor(Math.random() * 254);
const publicAddress = () => `203.0.113.${randomByte()}`;

/** The hidden fields of the page's form (the server action's id and state). */
async function hiddenFields(page: Page, path: string): Promise<Record<string, string>> {
  await page.goto(`${STRICT_URL}${path}`);
  const fields: Record<string, string> = {};
  for (const input of await page.locator('main form input[type="hidden"]').all()) {
    fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
  }
  return fields;
}

/** POSTs a form from the given local address; resolves with the status and the page's HTML. */
async function post(
  path: string,
  fields: Record<string, string>,
  from: string,
): Promise<{ status: number; body: string }> {
  // React's action forms post multipart/form-data (encType), and Next reads nothing else.
  const { body, contentType } = await multipart(Object.entries(fields));
  return raw(STRICT_URL, path, {
    method: 'POST',
    localAddress: from,
    headers: {
      'content-type': contentType,
      accept: 'text/html',
      origin: new URL(STRICT_URL).origin,
      ...forgedAddressHeaders(publicAddress()),
    },
    body,
    timeoutMs: 60_000,
  });
}

test.describe('throttling on the strict server', () => {
  test('per address: the 21st sign-in or registration attempt in a minute is refused, whatever X-Forwarded-For says', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const login = await hiddenFields(page, '/login');
    await expectAccessible(page);
    const register = await hiddenFields(page, '/register');
    const from = randomLoopback();
    const attempt = (username: string) =>
      post('/login', { ...login, username, password: 'not the password', next: '' }, from);
    for (let i = 0; i < 20; i++) {
      const { body } = await attempt(uniqueName('nobody'));
      expect(body, `attempt ${i + 1}`).toContain('Invalid username or password.');
    }
    const refused = await attempt(uniqueName('nobody'));
    expect(refused.body).toContain('Too many attempts from your network. Try again in a minute.');
    expect(refused.body).not.toContain('Invalid username or password.');
    const name = uniqueName('reg');
    const registration = await post(
      '/register',
      { ...register, username: name, password: TEST_PASSWORD, confirm: TEST_PASSWORD, company: '' },
      from,
    );
    expect(registration.status).toBe(200);
    expect(registration.body).toContain('Too many attempts from your network');
    // Another address has its own allowance.
    const elsewhere = await post(
      '/login',
      { ...login, username: uniqueName('nobody'), password: 'not the password', next: '' },
      randomLoopback(),
    );
    expect(elsewhere.body).toContain('Invalid username or password.');
  });
  // Failures per account and per (account, address): e2e/lockout-attack.spec.ts.
});
