import { sealData } from 'iron-session';
import { expect, expectAccessible, test } from '../fixtures';
import {
  cookieHeader,
  expectNothingLeaks,
  freshName,
  loginRaw,
  raw,
  registerRaw,
  setCookies,
  showsSignedIn,
  submitForm,
} from './http';
import { AppServer } from '../../test/support';

/**
 * Cases that need a server of the suite's own (the same build, started by the support module):
 * behind a (simulated) trusted https proxy, with three-second sessions, and one whose database is
 * unreachable. Their output is read for anything a log must not hold.
 */
const HTTPS = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };

/**
 * A server with its own secret (the answers and the log are searched for it) and data folder.
 * Ready at its first answer (one whose database is down answers 503), which waits for the new
 * folder's initdb: seconds, or much longer on a busy machine.
 */
function startLabServer(env: Record<string, string>): Promise<AppServer> {
  const secret = `lab-secret-${Math.random().toString(36).slice(2)}-0123456789abcdefghij`;
  return AppServer.start({ secret, logLevel: 'info', env }, 110_000, { anyAnswer: true });
}

/** Everything a log line must never contain. */
function expectCleanLog(output: string, secrets: string[]) {
  for (const secret of secrets)
    expect(output, 'a secret or password in the log').not.toContain(secret);
  expect(output, 'a stack frame in the log').not.toMatch(/^\s+at\s/m);
  expect(output, 'a file path in the log').not.toContain(process.cwd());
  expect(output, 'a file path in the log').not.toMatch(
    /node_modules\/|\.next\/server|webpack-internal/,
  );
  expect(output, 'SQL in the log').not.toMatch(
    /Failed query|\bselect\s+["\w*]|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+"\w+"\s+set\b/i,
  );
  expect(output, 'a session cookie in the log').not.toMatch(/Fe26\.2\*/);
}

test.describe('behind a trusted https proxy, with short sessions', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let lab: AppServer;
  const marker = `Marker-${Math.random().toString(36).slice(2)}-pw`;

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(150_000); // a cold start with a new data folder, on a busy machine
    lab = await startLabServer({
      TRUST_PROXY: '1',
      SESSION_IDLE_TIMEOUT: '3',
      THROTTLE_IP_PER_MINUTE: '100000',
    });
  });
  test.afterAll(async () => {
    await lab?.stop();
  });

  test('over https: HSTS, upgrade-insecure-requests, Secure __Host- cookies', async () => {
    const page = await raw(lab.url, '/login', { headers: HTTPS });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(page.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    const plain = await raw(lab.url, '/login', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();

    const name = freshName('tls');
    const res = await submitForm(
      lab.url,
      '/register',
      [
        ['username', name],
        ['password', marker],
        ['confirm', marker],
      ],
      HTTPS,
    );
    expect(res.status).toBe(303);
    expect(res.headers['strict-transport-security']).toBeTruthy();
    const cookies = setCookies(res);
    for (const cookieName of ['__Host-cc_session', '__Host-cc_flash', '__Host-cc_device']) {
      const line = cookies.get(cookieName);
      expect(line, cookieName).toBeTruthy();
      expect(line).toMatch(/;\s*Secure/i);
      expect(line).toMatch(/;\s*Path=\/(;|$)/);
      expect(line).not.toMatch(/;\s*Domain=/i);
    }
    const cookie = cookieHeader(res, (n) => n === '__Host-cc_session');
    const home = await raw(lab.url, '/', { headers: { ...HTTPS, cookie } });
    expect(showsSignedIn(home.body, name)).toBe(true);
    // Over https only the __Host- cookie counts: one planted under the plain name (by a sibling
    // subdomain, or over http by someone on the network) is ignored.
    const planted = await raw(lab.url, '/', {
      headers: { ...HTTPS, cookie: cookie.replace('__Host-', '') },
    });
    expect(planted.status).toBe(307);
  });

  test('a session expires after its idle timeout, and the expired cookie stays dead', async () => {
    const user = await registerRaw(lab.url);
    expect((await raw(lab.url, '/', { headers: { cookie: user.cookie } })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 4_000));
    const later = await raw(lab.url, '/', { headers: { cookie: user.cookie } });
    expect(later.status).toBe(307);
    // The seal is still good, so the middleware lets it through; the data layer sends it to log in.
    expect(later.headers.location).toMatch(/^\/login/);
    expect(showsSignedIn(later.body, user.username)).toBe(false);
    expect((await raw(lab.url, '/', { headers: { cookie: user.cookie } })).status).toBe(307);
  });

  test('the log holds no password, secret, cookie, stack, path or SQL', async () => {
    const user = await registerRaw(lab.url, freshName('logs'), marker);
    await loginRaw(lab.url, user.username, `Wrong-${marker}`);
    await loginRaw(lab.url, user.username, `${marker}`.repeat(2_000));
    await loginRaw(lab.url, freshName('nobody'), marker);
    await raw(lab.url, '/', { headers: { cookie: `cc_session=${user.cookie.split('=')[1]}x` } });
    const home = await raw(lab.url, '/', { headers: { cookie: user.cookie } });
    const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(home.body)?.[1];
    expect(actionId).toBeTruthy();
    const flight = (id: string, body: string) =>
      raw(lab.url, '/', {
        method: 'POST',
        headers: {
          origin: lab.url,
          cookie: user.cookie,
          'next-action': id,
          'content-type': 'text/plain;charset=UTF-8',
          accept: 'text/x-component',
        },
        body,
      });
    // A payload Next cannot decode: a 500 with only a digest, and an error in Next's log.
    const broken = await flight(actionId!, `{{{${marker}`);
    expect(broken.status).toBe(500);
    expectNothingLeaks(broken.body, [marker, lab.secret]);
    expect(broken.body).toMatch(/digest/);
    // An action id that does not exist: Next warns, with a stack trace unless we strip it.
    const unknown = await flight('00'.repeat(21), '[]');
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 500));

    const output = lab.output;
    // The events happened and were logged, so a clean log is not an empty one.
    expect(output).toContain('"event":"sign_in_failure"');
    expect(output).toContain('"event":"framework_error"');
    expect(output).toContain('"event":"framework_warn"');
    expectCleanLog(output, [marker, lab.secret, user.cookie.split('=')[1]!]);
  });
});

test.describe('when the database is unreachable', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let down: AppServer;
  let cookie: string;

  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(150_000);
    down = await startLabServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unreachable' });
    // A well-sealed cookie, so that the page has to ask the database about it.
    cookie = await sealData(
      { token: 'A'.repeat(43) },
      { password: { '1': down.secret }, ttl: 3600 },
    );
  });
  test.afterAll(async () => {
    await down?.stop();
  });

  test('the 500 answer and the health check leak nothing', async ({ page, context }) => {
    const res = await raw(down.url, '/login', { headers: { cookie: `cc_session=${cookie}` } });
    expect(res.status).toBe(500);
    expect(String(res.headers['cache-control'])).toContain('no-store');
    expectNothingLeaks(res.body, [down.secret, 'ECONNREFUSED', '127.0.0.1:1', 'postgres://']);
    const health = await raw(down.url, '/api/health');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toEqual({ status: 'unavailable' });

    await context.addCookies([{ name: 'cc_session', value: cookie, url: down.url }]);
    const response = await page.goto(`${down.url}/login`);
    expect(response?.status()).toBe(500);
    await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
    await expect(page.getByText(/Error reference: \w+/)).toBeVisible();
    await expectAccessible(page);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/ECONNREFUSED|postgres|at |\.js/);
    expectCleanLog(down.output, [down.secret, cookie]);
    expect(down.output).toContain('"event":"framework_error"');
  });

  test('without JavaScript the 500 page says what happened', async ({ browser }) => {
    // Next renders an error in a page as an empty "__next_error__" document that only the
    // client fills in (with app/error.tsx); the custom server sends a real page instead
    // (server/error-page.ts), so this holds without JavaScript too. The security specs run
    // in the JavaScript project only, so this test opens a context without it.
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies([{ name: 'cc_session', value: cookie, url: down.url }]);
    const page = await context.newPage();
    await page.goto(`${down.url}/login`);
    await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
    await context.close();
  });
});
