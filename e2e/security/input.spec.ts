import { sealData } from 'iron-session';
import { randomLoopback, TEST_SESSION_SECRET } from '../../test/support';
import { STRICT_URL } from '../../playwright.config';
import { expect, expectAccessible, jsEnabled, test } from '../fixtures';
import { postToStrict } from '../strict-server';
import {
  actionFields,
  cookieHeader,
  expectNothingLeaks,
  freshName,
  loginRaw,
  multipart,
  TEST_PASSWORD,
  raw,
  registerRaw,
  submitForm,
} from './http';

/** Oversized and malformed input, SQL and markup in every field, look-alike names, throttling. */
const INVALID = 'Invalid username or password.';
const TOO_FAST = 'Too many attempts from your network.';

test.describe('limits and injection (raw HTTP)', () => {
  test('a 100 KB password is refused without counting or storing', async ({ baseURL }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const user = await registerRaw(base);
    const huge = 'p'.repeat(100 * 1024);
    // The (username, address) pair locks after five counted failures; six of these must not count.
    for (let i = 0; i < 6; i++) {
      const res = await loginRaw(base, user.username, huge);
      expect(res.status).toBe(200);
      expect(res.body).toContain(INVALID);
      expect(res.body).not.toContain(huge.slice(0, 200));
    }
    expect((await loginRaw(base, user.username, TEST_PASSWORD)).status, 'not locked').toBe(303);

    const name = freshName('longpw');
    const res = await submitForm(base, '/register', [
      ['username', name],
      ['password', huge],
      ['confirm', huge],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Use at most 128 characters.');
    expect(res.body).not.toContain(huge.slice(0, 200));
    await registerRaw(base, name); // nothing was stored under that name
  });

  test('a 1 MB name never reaches the application; 200 KB gets a validation message', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    for (const [path, field] of [
      ['/register', 'username'],
      ['/login', 'username'],
      ['/login', 'next'],
    ] as const) {
      const res = await submitForm(base, path, [
        ['username', 'x'],
        [field, 'n'.repeat(1024 * 1024)],
        ['password', TEST_PASSWORD],
        ['confirm', TEST_PASSWORD],
      ]);
      expect(res.status, `${path} ${field}`).toBe(413);
      expect(res.body).toMatch(/^Payload Too Large/);
      expectNothingLeaks(res.body);
    }
    const long = 'n'.repeat(200 * 1024);
    const res = await submitForm(base, '/register', [
      ['username', long],
      ['password', TEST_PASSWORD],
      ['confirm', TEST_PASSWORD],
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Use 3 to 32 characters.');
    // The echo of what was typed is capped, not the whole 200 KB.
    expect(res.body.length).toBeLessThan(100 * 1024);
  });

  test('the import and editor pages take a larger body than any other page, and no more', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const post = (path: string, bytes: number) =>
      raw(base, path, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'text/plain' },
        body: Buffer.alloc(bytes, 'a'),
      });
    expect((await post('/login', 300 * 1024)).status).toBe(413);
    expect((await post('/account', 300 * 1024)).status).toBe(413);
    // The contact editor takes a photo: the import's limit there too, and no more.
    expect((await post('/contacts/new', 300 * 1024)).status).toBe(307);
    expect((await post('/contacts/new', 7 * 1024 * 1024)).status).toBe(413);
    // Under the import's limit: on to the middleware, which sends an anonymous visitor to log in.
    expect((await post('/contacts/import', 300 * 1024)).status).toBe(307);
    expect((await post('/contacts/import', 7 * 1024 * 1024)).status).toBe(413);
  });

  test('malformed bodies get a 4xx, never an error', async ({ baseURL }) => {
    const base = baseURL!;
    const login = await raw(base, '/login');
    const { body, contentType } = await multipart([
      ...actionFields(login.body),
      ['username', 'a'],
      ['password', 'b'],
    ]);
    const boundary = contentType.split('boundary=')[1]!;
    const cases: [string, Record<string, string>, Buffer | string][] = [
      ['chunked', { 'transfer-encoding': 'chunked', 'content-type': contentType }, body],
      ['truncated', { 'content-type': contentType }, body.subarray(0, body.length - 20)],
      ['wrong boundary', { 'content-type': `multipart/form-data; boundary=${boundary}x` }, body],
      ['no boundary', { 'content-type': 'multipart/form-data' }, body],
      ['garbage', { 'content-type': contentType }, '\u0000\u0001garbage'],
    ];
    for (const [what, headers, payload] of cases) {
      const res = await raw(base, '/login', {
        method: 'POST',
        headers: { origin: base, ...headers },
        body: payload,
      });
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expectNothingLeaks(res.body);
    }
    expect((await raw(base, '/api/health')).status).toBe(200);
  });

  test('SQL metacharacters are data in every sign-in and registration field', async ({
    baseURL,
  }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const payloads = [
      "' OR '1'='1",
      "admin'--",
      "'; DROP TABLE users; --",
      '" OR ""="',
      "1' UNION SELECT password_hash FROM users--",
      '\\',
      '%',
      '_',
      '$1',
      "'); DELETE FROM sessions; --",
    ];
    const user = await registerRaw(base);
    const bystander = await registerRaw(base);
    for (const payload of payloads) {
      for (const [username, password] of [
        [payload, TEST_PASSWORD],
        [user.username, payload],
        [`${user.username}${payload}`, TEST_PASSWORD],
      ]) {
        const res = await loginRaw(base, username!, password!, [['next', payload]]);
        expect(res.status, payload).toBe(200);
        // Five wrong passwords lock the (username, address) pair: the same refusal in other words.
        expect(res.body, payload).toMatch(
          /Invalid username or password\.|Too many attempts for this account/,
        );
        // The payload itself is echoed into the form (escaped); anything else SQL-like is a leak.
        expect(res.body).not.toMatch(/Failed query|syntax error|pg_|\bat [\w$.<>]+ \(/i);
      }
      const reg = await submitForm(base, '/register', [
        ['username', payload],
        ['password', TEST_PASSWORD],
        ['confirm', TEST_PASSWORD],
      ]);
      expect(reg.status, payload).toBe(200);
      expect(reg.body).toMatch(/Use only letters|Use 3 to 32 characters/);
    }
    // A password full of SQL is just a password.
    const sqlPassword = `${payloads[2]} ${payloads[4]}`;
    const sqlUser = await registerRaw(base, freshName('sqlpw'), sqlPassword);
    expect((await loginRaw(base, sqlUser.username, sqlPassword)).status).toBe(303);
    // And nothing above touched anyone else.
    expect((await loginRaw(base, bystander.username, TEST_PASSWORD)).status).toBe(303);
  });

  test('username look-alikes cannot make a second account', async ({ baseURL }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    // Letters with Cyrillic twins, so the name can be spelled entirely in either script.
    const twins: Record<string, string> = {
      a: 'а',
      e: 'е',
      o: 'о',
      p: 'р',
      c: 'с',
      x: 'х',
      y: 'у',
    };
    const letters = Object.keys(twins);
    const latin = Array.from(
      { length: 12 },
      () => letters[Math.floor(Math.random() * letters.length)],
    ).join('');
    const cyrillic = [...latin].map((c) => twins[c]).join('');
    const owner = await registerRaw(base, latin);
    const fullWidth = [...latin.toUpperCase()]
      .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .join('');
    const attempts: [string, RegExp][] = [
      [latin.toUpperCase(), /That username is taken/],
      [fullWidth, /That username is taken/],
      [cyrillic, /That username is taken/],
      [`${latin.slice(0, 3)}\u200b${latin.slice(3)}`, /Use only letters/],
      [`${latin.slice(0, 3)}\u200d${latin.slice(3)}`, /Use only letters/],
      [`${twins[latin[0]!]}${latin.slice(1)}`, /Use letters from one alphabet only/],
    ];
    for (const [name, message] of attempts) {
      const res = await submitForm(base, '/register', [
        ['username', name],
        ['password', TEST_PASSWORD],
        ['confirm', TEST_PASSWORD],
      ]);
      expect(res.status, JSON.stringify(name)).toBe(200);
      expect(res.body, JSON.stringify(name)).toMatch(message);
    }
    // The spellings that fold to the same key sign in to the one account, with its password only.
    for (const name of [latin.toUpperCase(), fullWidth]) {
      const ok = await loginRaw(base, name, TEST_PASSWORD);
      expect(ok.status).toBe(303);
      const cookie = cookieHeader(ok, (n) => n === 'cc_session');
      const home = await raw(base, '/', { headers: { cookie } });
      expect(home.body).toContain(owner.username);
      expect((await loginRaw(base, name, 'not the password')).body).toContain(INVALID);
    }
  });

  test('throttling ignores forged X-Forwarded-For, X-Real-IP and Forwarded headers', async () => {
    test.slow(); // dozens of sign-ins or requests in a row
    let accepted = 0;
    let throttled = 0;
    // From a loopback address of its own: the strict server's budget is per address, and this
    // spends all of it for a minute, which other specs signing in there from 127.0.0.1 would feel.
    const from = randomLoopback();
    const hidden = Object.fromEntries(actionFields((await raw(STRICT_URL, '/login')).body));
    for (let i = 0; i < 26; i++) {
      const forged = `203.0.113.${i + 1}`;
      const res = await postToStrict(
        '/login',
        { ...hidden, username: freshName('throttle'), password: 'wrong password' },
        from,
        {
          'x-forwarded-for': forged,
          'x-real-ip': forged,
          forwarded: `for=${forged}`,
          'true-client-ip': forged,
          'cf-connecting-ip': forged,
        },
      );
      expect(res.status).toBe(200);
      if (res.body.includes(TOO_FAST)) throttled += 1;
      else if (res.body.includes(INVALID)) accepted += 1;
    }
    console.log(`throttle: ${accepted} attempts counted, ${throttled} refused (limit 20 a minute)`);
    expect(accepted).toBeLessThanOrEqual(20);
    expect(throttled).toBeGreaterThanOrEqual(6);
  });
});

test.describe('markup in the browser', () => {
  const PAYLOAD = `"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`;

  test('markup typed into the sign-in and registration forms comes back as text', async ({
    page,
  }, testInfo) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await page.goto('/register');
    // The registration field allows 32 characters: plenty for markup.
    await page.getByLabel('Username').fill(PAYLOAD.slice(0, 32));
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('Confirm password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#field-username-error')).toHaveText(/Use only letters/);
    await expect(page.getByLabel('Username')).toHaveValue(PAYLOAD.slice(0, 32));
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expectAccessible(page);

    await page.goto('/login');
    await page.getByLabel('Username').fill(PAYLOAD.slice(0, 64));
    await page.getByLabel('Password').fill('whatever it is');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: INVALID })).toBeVisible();
    await expect(page.getByLabel('Username')).toHaveValue(PAYLOAD.slice(0, 64));
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    if (jsEnabled(testInfo))
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
  });

  test('markup in a flash message is shown as text', async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    const sealed = await sealData(
      { messages: [{ id: 'x1', kind: 'error', text: PAYLOAD }] },
      { password: { '1': TEST_SESSION_SECRET }, ttl: 300 },
    );
    await context.addCookies([{ name: 'cc_flash', value: sealed, url: baseURL! }]);
    await page.goto('/login');
    await expect(page.getByRole('alert').filter({ hasText: PAYLOAD })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.locator('main script').count()).toBe(0);
    if (jsEnabled(testInfo))
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await expectAccessible(page);
  });
});
