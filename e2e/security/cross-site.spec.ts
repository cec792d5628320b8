import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, expectAccessible, jsEnabled, test } from '../fixtures';
import {
  actionFields,
  freshName,
  TEST_PASSWORD,
  raw,
  registerRaw,
  setCookies,
  showsSignedIn,
  submitForm,
  type RawUser,
} from './http';

/**
 * Every server action (sign in, register, log out) from another origin: forged headers by raw
 * HTTP, and real forms served by a second local server that a browser submits. None may act.
 */
const HOSTILE: Record<string, string>[] = [
  { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
  { origin: 'http://evil.example' },
  { origin: 'null', 'sec-fetch-site': 'cross-site' },
  { origin: 'null' },
  { origin: 'not a url' },
  // Another port on the same host is the same site (SameSite cookies go along) but not the same origin.
  { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site' },
  { origin: 'http://127.0.0.1:1' },
  { origin: 'https://127.0.0.1' },
];

async function stillSignedIn(base: string, user: RawUser): Promise<boolean> {
  const home = await raw(base, '/', { headers: { cookie: user.cookie } });
  return home.status === 200 && showsSignedIn(home.body, user.username);
}

test.describe('cross-site requests to every server action (raw HTTP)', () => {
  for (const headers of HOSTILE) {
    test(`refused: ${JSON.stringify(headers)}`, async ({ baseURL }) => {
      const base = baseURL!;
      const victim = await registerRaw(base);

      const login = await submitForm(
        base,
        '/login',
        [
          ['username', victim.username],
          ['password', TEST_PASSWORD],
        ],
        headers,
      );
      expect(login.status, 'sign-in').toBe(403);
      expect([...setCookies(login).keys()].filter((n) => n.endsWith('cc_session'))).toEqual([]);

      const name = freshName('csrf');
      const register = await submitForm(
        base,
        '/register',
        [
          ['username', name],
          ['password', TEST_PASSWORD],
          ['confirm', TEST_PASSWORD],
        ],
        headers,
      );
      expect(register.status, 'register').toBe(403);
      expect(setCookies(register).size).toBe(0);
      // Nothing was stored: the name is still free.
      await registerRaw(base, name);

      const logout = await submitForm(base, '/', [], { ...headers, cookie: victim.cookie });
      expect(logout.status, 'log out').toBe(403);
      expect(await stillSignedIn(base, victim)).toBe(true);
      for (const res of [login, register, logout]) expect(res.body).not.toContain(victim.username);
    });
  }

  test('the JavaScript form of an action (Next-Action header) from another origin', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const victim = await registerRaw(base);
    const home = await raw(base, '/', { headers: { cookie: victim.cookie } });
    const logoutId = actionFields(home.body)
      .find(([name]) => name.startsWith('$ACTION_ID_'))![0]
      .slice('$ACTION_ID_'.length);
    for (const headers of HOSTILE) {
      const res = await raw(base, '/', {
        method: 'POST',
        headers: {
          ...headers,
          cookie: victim.cookie,
          'next-action': logoutId,
          'content-type': 'text/plain;charset=UTF-8',
          accept: 'text/x-component',
        },
        body: '[]',
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await stillSignedIn(base, victim)).toBe(true);
    // The same request from the site itself does log out: the refusals above are not an accident.
    const own = await raw(base, '/', {
      method: 'POST',
      headers: {
        origin: base,
        'sec-fetch-site': 'same-origin',
        cookie: victim.cookie,
        'next-action': logoutId,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
      },
      body: '[]',
    });
    expect(own.status).toBeLessThan(400);
    expect(await stillSignedIn(base, victim)).toBe(false);
  });

  test('no GET changes state', async ({ baseURL }) => {
    const base = baseURL!;
    const victim = await registerRaw(base);
    const headers = { cookie: victim.cookie };
    const logoutPage = await raw(base, '/logout', { headers });
    expect(logoutPage.status).toBe(200);
    expect(logoutPage.body).toContain('You are signed in as');
    const home = await raw(base, '/', { headers });
    const logoutId = actionFields(home.body)[0]![0].replace('$ACTION_ID_', '');
    await raw(base, '/', { headers: { ...headers, 'next-action': logoutId } });
    await raw(base, `/logout?$ACTION_ID_${logoutId}=`, { headers });
    expect(await stillSignedIn(base, victim)).toBe(true);

    const name = freshName('get');
    const query = new URLSearchParams({
      username: name,
      password: TEST_PASSWORD,
      confirm: TEST_PASSWORD,
    });
    const registerByGet = await raw(base, `/register?${query}`);
    const loginByGet = await raw(
      base,
      `/login?${new URLSearchParams({ username: victim.username, password: TEST_PASSWORD })}`,
    );
    for (const res of [registerByGet, loginByGet]) {
      expect(res.status).toBe(200);
      expect([...setCookies(res).keys()].filter((n) => n.endsWith('cc_session'))).toEqual([]);
    }
    await registerRaw(base, name); // the GET stored nothing
  });
});

/** A second local server, on another port: the attacker's site. */
function attackerSite(pages: Map<string, string>) {
  const server = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A form that posts to the app, submitting itself where scripts run. */
function hostileForm(action: string, fields: [string, string][], label: string): string {
  const inputs = fields
    .map(([n, v]) => `<input type="hidden" name="${escapeAttr(n)}" value="${escapeAttr(v)}">`)
    .join('');
  return `<form id="f" method="post" enctype="multipart/form-data" action="${escapeAttr(action)}">${inputs}<button>${label}</button></form><script>document.getElementById('f').submit()</script>`;
}

test.describe('cross-site forms in a real browser', () => {
  let site: Awaited<ReturnType<typeof attackerSite>>;
  const pages = new Map<string, string>();

  test.beforeAll(async () => {
    site = await attackerSite(pages);
  });
  test.afterAll(async () => {
    await site.close();
  });

  for (const host of ['127.0.0.1', 'localhost']) {
    test(`a page on http://${host}:<other port> can neither log the victim out nor sign them in as someone else`, async ({
      page,
      baseURL,
      user,
    }, testInfo) => {
      const base = baseURL!;
      const victimHome = await raw(base, '/', {
        headers: { cookie: user.cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
      });
      pages.set('/logout', hostileForm(`${base}/`, actionFields(victimHome.body), 'Win a prize'));
      const attacker = await registerRaw(base);
      const loginPage = await raw(base, '/login');
      pages.set(
        '/login',
        hostileForm(
          `${base}/login`,
          [
            ...actionFields(loginPage.body),
            ['username', attacker.username],
            ['password', attacker.password],
          ],
          'Continue',
        ),
      );

      const attackerUrl = `http://${host}:${site.port}`;
      for (const path of ['/logout', '/login']) {
        const answer = page.waitForResponse((r) => r.request().method() === 'POST');
        await page.goto(`${attackerUrl}${path}`);
        if (!jsEnabled(testInfo)) await page.getByRole('button').click();
        expect((await answer).status(), path).toBe(403);
      }
      await page.goto('/');
      await expect(page.getByRole('banner')).toContainText(user.username);
      await expect(page.getByRole('banner')).not.toContainText(attacker.username);
      await expectAccessible(page);
    });
  }

  test('a sandboxed frame (Origin: null) cannot log the victim out', async ({
    page,
    baseURL,
    user,
  }) => {
    const base = baseURL!;
    const home = await raw(base, '/', {
      headers: { cookie: user.cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    // No scripts in the frame: the victim is lured into pressing the button.
    const form = hostileForm(`${base}/`, actionFields(home.body), 'Go');
    pages.set('/frame', `<iframe sandbox="allow-forms" srcdoc="${escapeAttr(form)}"></iframe>`);
    await page.goto(`http://127.0.0.1:${site.port}/frame`);
    const answer = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.frameLocator('iframe').getByRole('button', { name: 'Go' }).click();
    const response = await answer;
    expect(response.request().headers()['origin']).toBe('null');
    expect(response.status()).toBe(403);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
  });

  test('the logout page does not log out by being visited', async ({ page, user }) => {
    await page.goto('/logout');
    await expect(page.getByText(`You are signed in as ${user.username}.`)).toBeVisible();
    await expectAccessible(page);
    await page.goto('/');
    await expect(page.getByRole('banner')).toContainText(user.username);
  });
});
