import { sealData } from 'iron-session';
import { expect, expectAccessible, jsEnabled, test } from '../fixtures';
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
import { startLabServer, type LabServer } from './lab-server';

/**
 * Cases that need a server of the suite's own: behind a (simulated) trusted https proxy, with
 * three-second sessions and no account lock in the way of thirty tries, and one whose database
 * is unreachable. Their output is read for anything a log must not hold.
 */
const HTTPS = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7' };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

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
  test.skip(
    ({ javaScriptEnabled }) => !javaScriptEnabled,
    'Raw HTTP against a server of its own: once.',
  );
  let lab: LabServer;
  const marker = `Marker-${Math.random().toString(36).slice(2)}-pw`;

  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.use.javaScriptEnabled === false) return;
    testInfo.setTimeout(150_000); // a cold start with a new data folder, on a busy machine
    lab = await startLabServer({
      TRUST_PROXY: '1',
      SESSION_IDLE_TIMEOUT: '3',
      THROTTLE_ACCOUNT_FAILURES: '60',
      THROTTLE_ACCOUNT_WINDOW: '900',
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
    for (const cookieName of ['__Host-cc_session', '__Host-cc_flash']) {
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

  test('sign-in timing: unknown user and wrong password cost the same (median of 30 each)', async () => {
    const known = await registerRaw(lab.url, freshName('timing'), marker);
    // A locked account: the same path up to the password check, without it.
    const locked = await registerRaw(lab.url);
    for (let i = 0; i < 60; i++) await loginRaw(lab.url, locked.username, 'wrong password');
    expect((await loginRaw(lab.url, locked.username, 'x')).body).toContain('Too many attempts');

    const times = { known: [] as number[], unknown: [] as number[], locked: [] as number[] };
    for (let i = 0; i < 30; i++) {
      const order = (['known', 'unknown', 'locked'] as const).slice();
      if (i % 2) order.reverse();
      for (const kind of order) {
        const name =
          kind === 'known'
            ? known.username
            : kind === 'locked'
              ? locked.username
              : freshName('nobody');
        const res = await loginRaw(lab.url, name, `not ${marker}`);
        expect(res.status).toBe(200);
        times[kind].push(res.ms);
      }
    }
    const m = {
      known: median(times.known),
      unknown: median(times.unknown),
      locked: median(times.locked),
    };
    const hashCost = Math.min(m.known, m.unknown) - m.locked;
    const gap = Math.abs(m.known - m.unknown);
    console.log(
      `sign-in medians over 30 tries: wrong password ${m.known.toFixed(1)} ms, unknown user ${m.unknown.toFixed(1)} ms, ` +
        `locked (no hash) ${m.locked.toFixed(1)} ms; gap ${gap.toFixed(1)} ms, password check ${hashCost.toFixed(1)} ms`,
    );
    // Both really check a password (else the unknown user would be as fast as the locked one)…
    expect(hashCost).toBeGreaterThan(3);
    // …and the difference between them is well under the cost of that check.
    expect(gap).toBeLessThan(Math.max(0.5 * hashCost, 3));
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

    const output = lab.output();
    // The events happened and were logged, so a clean log is not an empty one.
    expect(output).toContain('"event":"sign_in_failure"');
    expect(output).toContain('"event":"framework_error"');
    expect(output).toContain('"event":"framework_warn"');
    expectCleanLog(output, [marker, lab.secret, user.cookie.split('=')[1]!]);
  });
});

test.describe('when the database is unreachable', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let down: LabServer;
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

  test('the 500 answer and the health check leak nothing', async ({ page, context }, testInfo) => {
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
    if (jsEnabled(testInfo)) {
      await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
      await expect(page.getByText(/Error reference: \w+/)).toBeVisible();
      await expectAccessible(page);
    }
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/ECONNREFUSED|postgres|at |\.js/);
    expectCleanLog(down.output(), [down.secret, cookie]);
    expect(down.output()).toContain('"event":"framework_error"');
  });

  test('without JavaScript the 500 page says what happened', async ({
    page,
    context,
  }, testInfo) => {
    // Next renders an error in a page as an empty "__next_error__" document that only the
    // client fills in (with app/error.tsx); the custom server sends a real page instead
    // (server/error-page.ts), so this holds without JavaScript too.
    test.skip(jsEnabled(testInfo), 'JavaScript renders app/error.tsx.');
    await context.addCookies([{ name: 'cc_session', value: cookie, url: down.url }]);
    await page.goto(`${down.url}/login`);
    await expect(page.getByRole('heading', { name: 'Temporarily unavailable' })).toBeVisible();
  });
});
