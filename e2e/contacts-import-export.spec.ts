import type { APIRequestContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { expectStatus, importFile } from './contacts-helpers';
import { expect, expectAccessible, jsEnabled, registerUser, signIn, test } from './fixtures';

// Every test here works in a signed-in user's address book.
test.use({ signedIn: true });

/** A photo with EXIF (camera and GPS), as a phone would embed it. */
async function photoBase64() {
  const jpeg = await sharp({
    create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .withExif({ IFD0: { Make: 'SecretCam' }, IFD3: { GPSLatitudeRef: 'N' } })
    .jpeg()
    .toBuffer();
  return jpeg
    .toString('base64')
    .match(/.{1,74}/g)!
    .join('\r\n ');
}

const uid = (n: number) => `urn:uuid:5d3c1a52-7f0e-4b8e-9c1d-${String(n).padStart(12, '0')}`;

/** Three cards as an iPhone-style 3.0 export: a short code, a photo, and one with nothing in it. */
async function peopleVcf() {
  return [
    `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid(1)}\r\nN:Doe;Jane;;;\r\nFN:Jane Doe\r\nTEL;TYPE=CELL:121\r\nEMAIL;TYPE=INTERNET;TYPE=HOME:jane@example.com\r\nitem1.URL:https://example.com/a,b;c\r\nitem1.X-ABLabel:blog\r\nX-CUSTOM-THING:kept\r\nEND:VCARD\r\n`,
    `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid(2)}\r\nN:Person;Photo;;;\r\nFN:Photo Person\r\nORG:Example Ltd\r\nPHOTO;ENCODING=b;TYPE=JPEG:${await photoBase64()}\r\nEND:VCARD\r\n`,
    'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:\r\nEND:VCARD\r\n',
  ].join('');
}

async function download(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return { text: await response.text(), headers: response.headers() };
}

/** The id of the contact the list links with this name. */
async function contactId(page: Page, name: string) {
  await page.goto('/contacts');
  const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href');
  return href!.split('/').at(-1)!;
}

// REV is the time a card was last written; PRODID names the writer.
const comparable = (vcf: string) => vcf.replace(/^(REV|PRODID):.*\r\n/gm, '');

test.describe('import and export', () => {
  test('import lists values kept as typed and skipped cards; the page passes axe', async ({
    page,
  }) => {
    await page.goto('/contacts/import');
    await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
    await expectAccessible(page);
    await importFile(page, 'people.vcf', await peopleVcf());
    await expectStatus(page, 'Imported: 2 added, 0 updated, 0 unchanged, 1 skipped.');
    await expect(
      page.getByRole('listitem').filter({ hasText: "Jane Doe: phone '121' kept as typed" }),
    ).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Card 3' })).toContainText('skipped');
    await expectAccessible(page);
  });

  test('re-importing our own export changes nothing, and an empty account gets the same cards', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.slow();
    await importFile(page, 'people.vcf', await peopleVcf());
    await expectStatus(page, 'Imported: 2 added');
    const vcf = await download(page.request, '/contacts/export.vcf');
    expect(vcf.headers['content-type']).toBe('text/vcard; charset=utf-8');
    expect(vcf.headers['content-disposition']).toContain('filename="contacts.vcf"');
    expect(vcf.text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(vcf.text).toMatch(/^VERSION:4\.0\r$/m);
    expect(vcf.text).toMatch(/^X-CUSTOM-THING:kept\r$/m);
    expect(vcf.text).toMatch(/^PHOTO:data:image\/jpeg;base64,/m);
    expect(Buffer.from(vcf.text).includes('SecretCam')).toBe(false);
    const old = await download(page.request, '/contacts/export.vcf?version=3.0');
    expect(old.text).toMatch(/^VERSION:3\.0\r$/m);
    expect(old.text).toMatch(/^PHOTO;ENCODING=b;TYPE=JPEG:/m);
    const csv = await download(page.request, '/contacts/export.csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^First Name,/);

    // Our own export, imported again: every card is found by its UID and nothing changes.
    await importFile(page, 'contacts.vcf', vcf.text);
    await expectStatus(page, 'Imported: 0 added, 0 updated, 2 unchanged, 0 skipped.');
    // Google's layout has a custom field for the UID, so the CSV finds them too: nothing doubles.
    await importFile(page, 'contacts.csv', csv.text);
    await expectStatus(page, 'Imported: 0 added');

    // Each export into an empty account, then exported again: the same file.
    for (const [file, text, path] of [
      ['contacts.vcf', vcf.text, '/contacts/export.vcf'],
      ['contacts.csv', csv.text, '/contacts/export.csv'],
    ] as const) {
      const other = await registerUser(browser, baseURL!);
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: jsEnabled(testInfo),
      });
      await signIn(context, other);
      const otherPage = await context.newPage();
      await importFile(otherPage, file, text);
      await expectStatus(otherPage, 'Imported: 2 added, 0 updated, 0 unchanged, 0 skipped.');
      const again = await download(otherPage.request, path);
      expect(comparable(again.text), file).toBe(comparable(text));
      await context.close();
    }
  });

  test('a photo is served to its owner only, re-encoded, with caching headers', async ({
    page,
    browser,
    baseURL,
  }) => {
    await importFile(page, 'people.vcf', await peopleVcf());
    await expectStatus(page, 'Imported: 2 added');
    const id = await contactId(page, 'Photo Person');
    const photo = await page.request.get(`/contacts/${id}/photo`);
    expect(photo.status()).toBe(200);
    const headers = photo.headers();
    expect(headers['content-type']).toBe('image/jpeg');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toMatch(/^private, max-age=\d+/);
    expect(headers['etag']).toMatch(/^"[0-9a-f]{64}"$/);
    const body = await photo.body();
    const meta = await sharp(body).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(['jpeg', 512, undefined]);

    const again = await page.request.get(`/contacts/${id}/photo`, {
      headers: { 'if-none-match': headers['etag']! },
    });
    expect(again.status()).toBe(304);
    expect(again.headers()['etag']).toBe(headers['etag']);

    const jane = await contactId(page, 'Jane Doe');
    expect((await page.request.get(`/contacts/${jane}/photo`)).status()).toBe(404);
    const stranger = await browser.newContext({ baseURL });
    await signIn(stranger, await registerUser(browser, baseURL!));
    expect((await stranger.request.get(`/contacts/${id}/photo`)).status()).toBe(404);
    await stranger.close();
  });

  test('a file over 5 MB is refused on the import page, with or without JavaScript', async ({
    page,
  }, testInfo) => {
    test.slow();
    // Over the server's body limit too: without JavaScript the server sends the browser back to
    // the page (not a plain-text 413); with it, the page refuses the file before sending it.
    await importFile(page, 'big.csv', Buffer.alloc(7 * 1024 * 1024, 'a'));
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(/larger than 5 MB/);
    await expect(page.getByRole('heading', { name: 'Import contacts' })).toBeVisible();
    if (!jsEnabled(testInfo)) await expect(page).toHaveURL(/\/contacts\/import\?error=too-large$/);
    // Under the server's limit but over the import's: the action says so.
    await importFile(page, 'big.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(/larger than 5 MB/);
    await importFile(page, 'junk.csv', 'no contacts here');
    await expect(page.getByLabel('File')).toHaveAccessibleDescription(
      /No contacts could be read from this CSV file/,
    );
  });
});
