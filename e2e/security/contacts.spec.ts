import type { Page } from '@playwright/test';
import { expect, expectAccessible, test, type TestUser } from '../fixtures';
import {
  actionFields,
  expectNothingLeaks,
  multipart,
  raw,
  registerRaw,
  type RawUser,
} from './http';

/**
 * The contact-related attacks, against the routes and labels of issue 5 (the address book).
 * The cases marked fixme were written before the contacts pages existed and do not fit them yet;
 * the same behaviours are covered by e2e/contacts-access.spec.ts and e2e/contacts.spec.ts.
 * Assumes, as issue 5 says, that saving a contact leads to /contacts/[id] and that another
 * user's id, a deleted id and a malformed id all give the same 404 page.
 */
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&`;
const SQL = `'; DROP TABLE contacts; -- " OR 1=1 %_\\`;

const cookieOf = (user: TestUser) => user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

async function createContact(page: Page, fields: Record<string, string>): Promise<string> {
  await page.goto('/contacts/new');
  for (const [label, value] of Object.entries(fields)) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByRole('button', { name: 'Save contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function expectNoScriptRan(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('main script').count()).toBe(0);
  if (test.info().project.name === 'js') {
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  }
}

/** An edit or delete form of `own`, re-aimed at `target`: every occurrence of the id swapped. */
async function hijackedPost(
  base: string,
  user: RawUser,
  page: string,
  own: string,
  target: string,
  formIndex: number,
) {
  const html = (await raw(base, page, { headers: { cookie: user.cookie } })).body;
  const fields = actionFields(html, formIndex).map(
    ([n, v]) => [n, v.split(own).join(target)] as [string, string],
  );
  const extra: [string, string][] = [
    ['id', target],
    ['firstName', 'Hijacked'],
    ['lastName', 'Hijacked'],
  ];
  const { body, contentType } = await multipart([...fields, ...extra]);
  return raw(base, page.split(own).join(target), {
    method: 'POST',
    headers: { origin: base, cookie: user.cookie, 'content-type': contentType },
    body,
  });
}

test.describe('another user’s contacts', () => {
  test.fixme('by id: every page, action and export answers 404 and changes nothing', async ({
    page,
    baseURL,
    user,
  }) => {
    const base = baseURL!;
    const victimId = await createContact(page, {
      'First name': 'Victoria',
      'Last name': 'Secret-Owner',
    });
    const attacker = await registerRaw(base);
    for (const path of [
      `/contacts/${victimId}`,
      `/contacts/${victimId}/edit`,
      `/contacts/${victimId}.vcf`,
      `/contacts/${victimId}/vcard`,
    ]) {
      const res = await raw(base, path, { headers: { cookie: attacker.cookie } });
      expect([404, 307], path).toContain(res.status);
      expect(res.body, path).not.toContain('Secret-Owner');
    }
    for (const path of [
      '/contacts/export.vcf',
      '/contacts/export.csv',
      '/contacts?q=Secret',
      '/',
    ]) {
      const res = await raw(base, path, { headers: { cookie: attacker.cookie } });
      expect(res.body, path).not.toContain('Secret-Owner');
    }
    // The attacker's own forms, re-aimed at the victim's contact.
    const attackerPage = await page.context().browser()!.newContext({ baseURL: base });
    await attackerPage.addCookies([
      { name: 'cc_session', value: attacker.cookie.split('=').slice(1).join('='), url: base },
    ]);
    const ownId = await createContact(await attackerPage.newPage(), { 'First name': 'Mine' });
    await attackerPage.close();
    for (const [path, index] of [
      [`/contacts/${ownId}/edit`, 1],
      [`/contacts/${ownId}`, 1],
      [`/contacts/${ownId}`, 2],
    ] as const) {
      const res = await hijackedPost(base, attacker, path, ownId, victimId, index);
      expect(res.status, path).toBeLessThan(500);
    }
    await page.goto(`/contacts/${victimId}`);
    await expect(page.getByRole('heading', { name: /Victoria/ })).toBeVisible();
    await expect(page.getByText('Hijacked')).toHaveCount(0);
    // A deleted and a malformed id get the same 404 as someone else's.
    for (const id of [
      '00000000-0000-0000-0000-000000000000',
      'not-an-id',
      "1' OR '1'='1",
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await raw(base, `/contacts/${id}`, { headers: { cookie: cookieOf(user) } });
      expect(res.status, id).toBe(404);
      expectNothingLeaks(res.body);
    }
  });

  test('an extra owner field in a form is ignored', async ({ page, baseURL, user }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('First name', { exact: true }).fill('Planted');
    await page
      .locator('form')
      .last()
      .evaluate((form) => {
        for (const name of ['userId', 'user_id', 'ownerId', 'owner', 'version']) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = '00000000-0000-0000-0000-000000000001';
          form.appendChild(input);
        }
      });
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
    await page.goto('/contacts');
    await expect(page.getByRole('link', { name: /Planted/ })).toBeVisible();
    void baseURL;
    void user;
  });
});

test.describe('injection through contacts', () => {
  test.fixme('markup in every contact field is shown as text, on every page that shows it', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const id = await createContact(page, {
      'First name': XSS.slice(0, 60),
      'Last name': `${XSS.slice(0, 40)}</td></tr><tr><td>`,
      Notes: `${XSS}\n<a href="javascript:alert(1)">click</a><style>body{display:none}</style>`,
      Email: 'x@example.com',
      'Work phone': '+1 202 555 0123',
    });
    for (const path of [`/contacts/${id}`, `/contacts/${id}/edit`, '/contacts', '/']) {
      await page.goto(path);
      await expectNoScriptRan(page);
      await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
      await expect(page.locator('main style')).toHaveCount(0);
    }
    await page.goto(`/contacts/${id}`);
    await expect(page.getByText(XSS.slice(0, 60)).first()).toBeVisible();
    await expectAccessible(page);
    expect(dialogs).toEqual([]);
  });

  test.fixme('dangerous links are refused: only http(s) websites, mailto and tel', async ({
    page,
  }) => {
    for (const website of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '//evil.example',
      'JaVaScRiPt:alert(1)',
    ]) {
      await page.goto('/contacts/new');
      await page.getByLabel('First name', { exact: true }).fill('Linky');
      await page.getByLabel('Website', { exact: true }).fill(website);
      await page.getByRole('button', { name: 'Save contact' }).click();
      await expect(page).toHaveURL(/\/contacts\/new$/);
      await expect(page.getByLabel('Website', { exact: true })).toHaveAttribute(
        'aria-invalid',
        'true',
      );
    }
  });

  test.fixme('SQL metacharacters in search and every field are data', async ({
    page,
    baseURL,
    user,
  }) => {
    const id = await createContact(page, {
      'First name': SQL.slice(0, 50),
      'Last name': "O'Brien",
      Notes: SQL,
    });
    await page.goto(`/contacts/${id}`);
    await expect(page.getByText("O'Brien").first()).toBeVisible();
    for (const q of [SQL, "' OR '1'='1", '%', '_', '\\', "O'Brien", '%%', '\u0000']) {
      const res = await raw(baseURL!, `/contacts?q=${encodeURIComponent(q)}`, {
        headers: { cookie: cookieOf(user) },
      });
      expect(res.status, q).toBe(200);
      expectNothingLeaks(res.body.split(SQL).join(''));
    }
    // "%" and "_" are not wildcards: a search for "%" finds no contact named without one.
    await page.goto('/contacts?q=%25');
    await expect(page.getByText("O'Brien")).toHaveCount(0);
  });

  test.fixme('markup and formulas in an imported file stay text, and a CSV export cannot run formulas', async ({
    page,
    baseURL,
    user,
  }) => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:${XSS}`,
      `N:${XSS};Imported;;;`,
      `NOTE:${XSS}`,
      'URL:javascript:alert(1)',
      'END:VCARD',
    ].join('\r\n');
    const csv = `First Name,Last Name,Notes\n"=HYPERLINK(""http://evil.example"",""x"")",${XSS.replace(/"/g, '""')},+cmd|' /C calc'!A0\n`;
    for (const [name, content, type] of [
      ['evil.vcf', vcf, 'text/vcard'],
      ['evil.csv', csv, 'text/csv'],
    ] as const) {
      await page.goto('/contacts/import');
      await page
        .getByLabel('File')
        .setInputFiles({ name, mimeType: type, buffer: Buffer.from(content) });
      await page.getByRole('button', { name: 'Import' }).click();
      await expect(page.getByRole('status')).toBeVisible();
    }
    await page.goto('/contacts');
    await expectNoScriptRan(page);
    const exported = await raw(baseURL!, '/contacts/export.csv', {
      headers: { cookie: cookieOf(user) },
    });
    expect(exported.status).toBe(200);
    expect(String(exported.headers['content-disposition'])).toMatch(/^attachment/);
    expect(exported.headers['x-content-type-options']).toBe('nosniff');
    expect(String(exported.headers['cache-control'])).toContain('no-store');
    for (const cell of exported.body.split(/[\n,]/)) {
      expect(cell.replace(/^"/, ''), 'a cell a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/);
    }
    const vcard = await raw(baseURL!, '/contacts/export.vcf', {
      headers: { cookie: cookieOf(user) },
    });
    expect(String(vcard.headers['content-type'])).toMatch(/^text\/(vcard|x-vcard)/);
    expect(vcard.body).not.toMatch(/^URL:javascript:/im);
  });

  test.fixme('oversized and malformed imports are refused with a message', async ({ page }) => {
    await page.goto('/contacts/import');
    await page.getByLabel('File').setInputFiles({
      name: 'big.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 'A'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.goto('/contacts/import');
    await page.getByLabel('File').setInputFiles({
      name: 'bad.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('BEGIN:VCARD\r\nFN:\u0000\u0001\r\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByText(/skipped|could not|no contacts/i)).toBeVisible();
  });

  test('contact pages and exports are never cached', async ({ page, baseURL, user }) => {
    const id = await createContact(page, { 'First name': 'Cache' });
    for (const path of [
      '/contacts',
      '/contacts/new',
      `/contacts/${id}`,
      `/contacts/${id}/edit`,
      '/contacts/import',
      '/contacts/export.vcf',
      '/contacts/export.csv',
    ]) {
      const res = await raw(baseURL!, path, { headers: { cookie: cookieOf(user) } });
      expect(String(res.headers['cache-control']), path).toContain('no-store');
    }
  });
});
