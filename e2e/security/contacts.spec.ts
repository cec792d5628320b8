import type { Page } from '@playwright/test';
import { addContact, importFile } from '../contacts-helpers';
import { expect, expectAccessible, registerUser, signIn, test, type TestUser } from '../fixtures';
import {
  actionFields,
  expectNothingLeaks,
  multipart,
  parseForms,
  raw,
  registerRaw,
  submitForm,
  type RawUser,
} from './http';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

/**
 * The contact-related attacks: the feature suites (e2e/contacts*.spec.ts) check the same
 * behaviours as a user meets them; these cases add the raw requests and payloads an attacker
 * would send, and what another signed-in user sees of someone else's contacts.
 */
const XSS = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&`;
const SQL = `'; DROP TABLE contacts; -- " OR 1=1 %_\\`;

const cookieOf = (user: TestUser) => user.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

async function expectNoScriptRan(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('main script').count()).toBe(0);
  if (test.info().project.name === 'js') {
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  }
}

/** Adds a contact through the real form, without JavaScript; its id. */
async function createRawContact(base: string, cookie: string, firstName: string) {
  const res = await submitForm(base, '/contacts/new', [['name.given', firstName]], { cookie }, 1);
  expect(res.status, `adding ${firstName}`).toBe(303);
  return String(res.headers.location).split('/').pop()!;
}

/**
 * An edit or delete form of `own` (the page's `formIndex`-th action form), re-aimed at `target`:
 * every occurrence of the id swapped, posted to the target's page as a browser without
 * JavaScript would, with the form's other fields (`extra`) and a changed name.
 */
async function hijackedPost(
  base: string,
  user: RawUser,
  page: string,
  own: string,
  target: string,
  formIndex: number,
  extra: readonly (readonly [string, string])[] = [],
) {
  const html = (await raw(base, page, { headers: { cookie: user.cookie } })).body;
  const fields = actionFields(html, formIndex).map(
    ([n, v]) => [n, v.split(own).join(target)] as [string, string],
  );
  const { body, contentType } = await multipart([
    ...fields,
    ['id', target],
    ...extra.map(([n, v]) => [n, v] as [string, string]),
    ['name.given', 'Hijacked'],
    ['name.family', 'Hijacked'],
  ]);
  return raw(base, page.split(own).join(target), {
    method: 'POST',
    headers: { origin: base, cookie: user.cookie, 'content-type': contentType },
    body,
  });
}

test.describe('another user’s contacts', () => {
  test('by id: every page, action and export answers 404 and changes nothing', async ({
    page,
    baseURL,
    user,
  }) => {
    // Three users' worth of pages and forms: more than the default time on a busy machine.
    test.slow();
    const base = baseURL!;
    const victimId = await addContact(page, {
      'First name': 'Victoria',
      'Last name': 'Secret-Owner',
    });
    const attacker = await registerRaw(base);
    // The attacker has a contact of their own, so the exports and the search have something.
    const ownId = await createRawContact(base, attacker.cookie, 'Mine');
    const leaks = (body: string, what: string) => {
      expect(body, what).not.toContain('Secret-Owner');
      expect(body, what).not.toContain('Victoria');
    };
    for (const path of [
      `/contacts/${victimId}`,
      `/contacts/${victimId}/edit`,
      `/contacts/${victimId}/delete`,
      `/contacts/${victimId}.vcf`,
    ]) {
      const res = await raw(base, path, { headers: { cookie: attacker.cookie } });
      expect(res.status, path).toBe(404);
      expect(res.body, path).toContain('Page not found');
      leaks(res.body, path);
    }
    const vcard = await raw(base, `/contacts/${victimId}/vcard`, {
      headers: { cookie: attacker.cookie },
    });
    expect(vcard.status).toBe(404);
    leaks(vcard.body, 'vcard');
    for (const path of [
      '/contacts/export.vcf',
      '/contacts/export.csv',
      '/contacts?q=Secret',
      '/',
    ]) {
      const res = await raw(base, path, { headers: { cookie: attacker.cookie } });
      expect(res.status, path).toBe(200);
      leaks(res.body, path);
    }
    // The attacker's own edit and delete forms, re-aimed at the victim's contact.
    const hijacks = [
      [`/contacts/${ownId}/edit`, [['version', '1']]],
      [`/contacts/${ownId}/delete`, []],
    ] as const;
    for (const [path, extra] of hijacks) {
      const res = await hijackedPost(base, attacker, path, ownId, victimId, 1, extra);
      expect(res.status, path).toBe(404);
      leaks(res.body, path);
    }
    // The same forged requests aimed at the attacker's own contact go through: the 404s above
    // came from whose contact it is, not from a malformed request.
    for (const [path, extra] of hijacks) {
      const res = await hijackedPost(base, attacker, path, ownId, ownId, 1, extra);
      expect(res.status, path).toBe(303);
    }
    await page.goto(`/contacts/${victimId}`);
    await expect(page.getByRole('heading', { name: 'Victoria Secret-Owner' })).toBeVisible();
    await expect(page.getByText('Hijacked')).toHaveCount(0);
    // A deleted and a malformed id get the same 404 as someone else's.
    const deletedId = await createRawContact(base, cookieOf(user), 'Deleted');
    const deleted = await submitForm(
      base,
      `/contacts/${deletedId}/delete`,
      [['id', deletedId]],
      { cookie: cookieOf(user) },
      1,
    );
    expect(deleted.status).toBe(303);
    for (const id of [
      deletedId,
      '00000000-0000-0000-0000-000000000000',
      'not-an-id',
      "1'%20OR%20'1'='1",
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await raw(base, `/contacts/${id}`, { headers: { cookie: cookieOf(user) } });
      expect(res.status, id).toBe(404);
      expect(res.body, id).toContain('Page not found');
      expectNothingLeaks(res.body);
    }
  });

  test('in the browser, another user’s contact is the 404 page of an unknown address', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.slow(); // two users and a dozen pages
    const id = await addContact(page, { 'First name': 'Secret', 'Last name': 'Person' });
    const other = await registerUser(browser, baseURL!);
    // Without JavaScript the custom server renders the page Next would leave blank.
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL, javaScriptEnabled });
      await signIn(context, other);
      const intruder = await context.newPage();
      for (const path of [
        `/contacts/${id}`,
        `/contacts/${id}/edit`,
        `/contacts/${id}/delete`,
        '/contacts/not-a-uuid',
      ]) {
        const what = `${path} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`;
        const response = await intruder.goto(path);
        expect(response?.status(), what).toBe(404);
        await expect(intruder.getByRole('heading', { name: 'Page not found' }), what).toBeVisible();
        await expect(intruder).toHaveTitle('Page not found · Contact Cards');
        await expect(intruder.getByRole('button', { name: 'Log out' }), what).toBeVisible();
        expect(new URL(intruder.url()).pathname, what).toBe(path);
        await expect(intruder.getByText('Secret'), what).toHaveCount(0);
      }
      await expectAccessible(intruder, { javaScript: javaScriptEnabled });
      await context.close();
    }
    // The owner's contact and its vCard are untouched.
    const own = await page.request.get(`/contacts/${id}/vcard`);
    expect(own.status()).toBe(200);
    expect(own.headers()['content-disposition']).toContain('Secret Person.vcf');
    expect(await own.text()).toMatch(/^FN[;:].*Secret Person\r?$/m);
  });

  test('a star aimed at another user’s contact, or a made-up value, answers 404 and stars nothing', async ({
    page,
    baseURL,
  }) => {
    const base = baseURL!;
    const victimId = await addContact(page, { 'First name': 'Stella', 'Last name': 'Victim' });
    const attacker = await registerRaw(base);
    const ownId = await createRawContact(base, attacker.cookie, 'Mine');
    // The attacker's own star form (its action and `back`), posted with a star value of their
    // choosing, as a browser without JavaScript would.
    const html = (await raw(base, `/contacts/${ownId}`, { headers: { cookie: attacker.cookie } }))
      .body;
    const form = parseForms(html).find((f) => f.fields.some(([name]) => name === 'back'))!;
    const star = async (value: string) => {
      const { body, contentType } = await multipart([...form.fields, ['star', value]]);
      return raw(base, `/contacts/${ownId}`, {
        method: 'POST',
        headers: { origin: base, cookie: attacker.cookie, 'content-type': contentType },
        body,
      });
    };
    for (const value of [
      `set:${victimId}`,
      `unset:${victimId}`,
      'set:not-an-id',
      `flip:${ownId}`,
      `set:${ownId}x`,
      ownId,
      '',
    ]) {
      expect((await star(value)).status, value).toBe(404);
    }
    // The same request with the attacker's own contact goes through.
    const own = await star(`set:${ownId}`);
    expect([own.status, own.headers.location]).toEqual([303, `/contacts/${ownId}`]);
    await page.goto(`/contacts/${victimId}`);
    await expect(page.getByRole('button', { name: 'Favourite: Stella Victim' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  test('an extra owner field in a form is ignored', async ({ page }) => {
    await page.goto('/contacts/new');
    await page.getByLabel('Given name', { exact: true }).fill('Planted');
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
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.goto('/contacts');
    await expect(page.getByRole('link', { name: /Planted/ })).toBeVisible();
  });
});

test.describe('injection through contacts', () => {
  test('markup in every contact field is shown as text, on every page that shows it', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const id = await addContact(page, {
      'First name': XSS.slice(0, 60),
      'Last name': `${XSS.slice(0, 40)}</td></tr><tr><td>`,
      Notes: `${XSS}\n<a href="javascript:alert(1)">click</a><style>body{display:none}</style>`,
      Email: 'x@example.com',
      'Work phone': '+1 202 555 0123',
    });
    for (const path of [
      `/contacts/${id}`,
      `/contacts/${id}/edit`,
      `/contacts/${id}/delete`,
      '/contacts',
      '/',
    ]) {
      await page.goto(path);
      await expect(page.locator('main')).toContainText(XSS.slice(0, 40));
      await expectNoScriptRan(page);
      await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
      await expect(page.locator('main style')).toHaveCount(0);
    }
    await page.goto(`/contacts/${id}`);
    await expect(page.getByText(XSS.slice(0, 60)).first()).toBeVisible();
    await expect(page.getByText('<a href="javascript:alert(1)">click</a>')).toBeVisible();
    await expectAccessible(page);
    expect(dialogs).toEqual([]);
  });

  test('dangerous links are never made: only http(s) websites, mailto and tel', async ({
    page,
  }) => {
    // A web address with another scheme is kept as text (vCard URLs may be any URI), never linked.
    const hrefsOn = async () =>
      page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const website of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      'JaVaScRiPt:alert(1)',
    ]) {
      await addContact(page, { 'First name': 'Linky', Website: website });
      await expect(page.getByText(website)).toBeVisible();
      for (const href of await hrefsOn()) expect(href, website).toMatch(/^(https?:|mailto:|tel:)/);
    }
    // Not a web address at all: refused beside the field, kept as typed.
    await page.goto('/contacts/new');
    await page.getByLabel('Given name', { exact: true }).fill('Linky');
    await page.getByRole('button', { name: 'Add website' }).click();
    const field = page.locator('#f-urls-0-value');
    await field.fill('//evil.example');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/contacts\/new$/);
    await expect(field).toHaveValue('//evil.example');

    await addContact(page, {
      'First name': 'Linky',
      Email: 'linky@example.com',
      Website: 'https://example.com/linky',
      'Mobile phone': '+44 20 7946 0958',
    });
    const hrefs = await hrefsOn();
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
    expect(hrefs).toContain('https://example.com/linky');
    expect(hrefs).toContain('mailto:linky@example.com');
    expect(hrefs).toContain('tel:+442079460958');
  });

  test('SQL metacharacters in search and every field are data', async ({ page, baseURL, user }) => {
    const id = await addContact(page, {
      'First name': SQL.slice(0, 50),
      'Last name': "O'Brien",
      Notes: SQL,
    });
    await page.goto(`/contacts/${id}`);
    await expect(page.getByText("O'Brien").first()).toBeVisible();
    await expect(page.getByText(SQL).first()).toBeVisible();
    // A contact without any of the metacharacters, which no search for them may find.
    await addContact(page, { 'First name': 'Plain', 'Last name': 'Person' });
    for (const q of [SQL, "' OR '1'='1", '%', '_', '\\', "O'Brien", '%%', '\u0000', 'a\u0000b']) {
      const res = await raw(baseURL!, `/contacts?q=${encodeURIComponent(q)}`, {
        headers: { cookie: cookieOf(user) },
      });
      expect(res.status, JSON.stringify(q)).toBe(200);
      expectNothingLeaks(res.body.split(SQL).join(''));
      // A NUL alone is no search at all (it lists every contact); the rest find no plain name.
      if (q !== '\u0000') expect(res.body, JSON.stringify(q)).not.toContain('Plain');
    }
    // "%" and "_" are not wildcards: they find the contact that holds them, and only it.
    for (const q of ['%', '_', "o'brien"]) {
      await page.goto(`/contacts?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole('table').getByRole('rowheader')).toHaveText([`${SQL} O'Brien`]);
    }
    await page.goto(`/contacts?q=${encodeURIComponent("' OR '1'='1")}`);
    await expect(page.getByText(`No contacts match “' OR '1'='1”.`)).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    // Both contacts survived, and the table the payload names is still there.
    await page.goto('/contacts');
    await expect(page.getByText('There are 2 contacts in your address book.')).toBeVisible();
  });

  test('markup and formulas in an imported file stay text, and a CSV export cannot run formulas', async ({
    page,
    baseURL,
    user,
  }) => {
    // Both cards are imported: a URL of another scheme is kept as text and never linked.
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:${XSS}`,
      `N:${XSS};Imported;;;`,
      `NOTE:${XSS}`,
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Linky Card',
      'N:Card;Linky;;;',
      'URL:javascript:alert(1)',
      'END:VCARD',
      '',
    ].join('\r\n');
    const csv = [
      'First Name,Last Name,Notes',
      `"=HYPERLINK(""http://evil.example"",""x"")","${XSS.replace(/"/g, '""')}",+cmd|' /C calc'!A0`,
      `@SUM(1+1)*cmd,-2+3+cmd,"=1+1"`,
      '',
    ].join('\n');
    await importFile(page, 'evil.vcf', vcf);
    await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 added' })).toBeVisible();
    await expectNoScriptRan(page);
    await importFile(page, 'evil.csv', csv);
    await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 added' })).toBeVisible();

    await page.goto('/contacts');
    await expect(page.getByText('There are 4 contacts in your address book.')).toBeVisible();
    await expect(page.locator('main')).toContainText(XSS);
    await expect(page.locator('main')).toContainText('=HYPERLINK("http://evil.example","x")');
    await expectNoScriptRan(page);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    // The card's FN is its name.
    await page.getByRole('link', { name: XSS, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(XSS);
    await expectNoScriptRan(page);
    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Linky Card' }).click();
    await expect(page.getByText('javascript:alert(1)')).toBeVisible();
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);

    const exported = await raw(baseURL!, '/contacts/export.csv', {
      headers: { cookie: cookieOf(user) },
    });
    expect(exported.status).toBe(200);
    expect(String(exported.headers['content-disposition'])).toMatch(/^attachment/);
    expect(exported.headers['x-content-type-options']).toBe('nosniff');
    expect(String(exported.headers['cache-control'])).toContain('no-store');
    expect(exported.body).toContain('+cmd');
    expect(exported.body).toContain('HYPERLINK');
    for (const cell of exported.body.split(/\r\n|\n|,/)) {
      expect(cell.replace(/^"/, ''), 'a cell a spreadsheet would run').not.toMatch(/^[=+\-@\t\r]/);
    }
    const vcard = await raw(baseURL!, '/contacts/export.vcf', {
      headers: { cookie: cookieOf(user) },
    });
    expect(vcard.status).toBe(200);
    expect(String(vcard.headers['content-type'])).toMatch(/^text\/(vcard|x-vcard)/);
    expect(vcard.body.replace(/\r\n[ \t]/g, '')).toContain('Imported');
    // Kept as data in the card (vCard URLs may be any URI); no page makes it a link.
  });

  test('oversized and malformed imports are refused with a message', async ({
    page,
    baseURL,
    user,
  }) => {
    // Several uploads of 5 to 7 MB: more than the default time on a busy machine.
    test.slow();
    const file = page.getByLabel('File');
    // One byte over the import cap (lib/contacts/import/limits.ts: 5 MB), and one over the
    // server's body limit for the page (6 MB), which would otherwise be cut off with a bare 413.
    for (const bytes of [5 * 1024 * 1024 + 1, 7 * 1024 * 1024]) {
      await page.goto('/contacts/import');
      await file.setInputFiles({
        name: 'big.vcf',
        mimeType: 'text/vcard',
        buffer: Buffer.alloc(bytes, 'A'),
      });
      await page.getByRole('button', { name: 'Import' }).click();
      await expect(file, `${bytes} bytes`).toHaveAccessibleDescription(/larger than 5 MB/);
      await expect(file).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
    }
    // The form checks the size before sending; the server checks it again for whoever does not.
    const cookie = cookieOf(user);
    const html = (await raw(baseURL!, '/contacts/import', { headers: { cookie } })).body;
    const form = new FormData();
    for (const [name, value] of actionFields(html, 1)) form.append(name, value);
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Too Big\r\nN:Big;Too;;;\r\nEND:VCARD\r\n';
    form.append(
      'file',
      new Blob([card.padEnd(5 * 1024 * 1024 + 1, ' ')], { type: 'text/vcard' }),
      'big.vcf',
    );
    const encoded = new Response(form);
    const direct = await raw(baseURL!, '/contacts/import', {
      method: 'POST',
      headers: {
        origin: baseURL!,
        cookie,
        'content-type': encoded.headers.get('content-type')!,
      },
      body: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('larger than 5 MB');
    // A truncated card whose only value is control characters.
    await page.goto('/contacts/import');
    await file.setInputFiles({
      name: 'bad.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('BEGIN:VCARD\r\nFN:\u0000\u0001\r\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(file).toHaveAccessibleDescription(/No contacts (were found|could be read)/);
    // A CSV whose quote never closes, and bytes that are no text at all.
    await page.goto('/contacts/import');
    await file.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('First name,Last name\n"Unclosed,Quote\n'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.locator('main')).toContainText('never closed');
    await page.goto('/contacts/import');
    await file.setInputFiles({
      name: 'binary.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(file).toHaveAccessibleDescription(
      /This file is a binary file, not a contacts file/,
    );
    // Nothing from the refused files was imported (the CSV's readable part may be).
    await page.goto('/contacts');
    await expect(page.getByRole('link', { name: /Too Big/ })).toHaveCount(0);
  });

  test('contact pages and exports are never cached', async ({ page, baseURL, user }) => {
    const id = await addContact(page, { 'First name': 'Cache' });
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
