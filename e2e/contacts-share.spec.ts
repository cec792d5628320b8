import sharp from 'sharp';
import { decodeQR } from 'qr/decode.js';
import { addContact } from './contacts-helpers';
import { expectNoSidewaysScroll } from './contacts-list-helpers';
import { expect, expectAccessible, registerUser, signIn, test } from './fixtures';

/** What a phone's camera would read from the code on screen: the element's pixels, decoded. */
async function scanCode(png: Buffer): Promise<string> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return decodeQR({ width: info.width, height: info.height, data: new Uint8Array(data) });
}

test('share: the code on screen scans to the contact, the notes stay out, and it prints clean', async ({
  page,
  user,
}) => {
  void user;
  const id = await addContact(page, {
    'First name': 'Grace',
    'Last name': 'Hopper',
    'Mobile phone': '+1 202 555 0143',
    Email: 'grace@example.org',
    Notes: 'Met at the Navy reunion',
  });
  await page.getByRole('link', { name: 'Share or print' }).click();
  await expect(page).toHaveURL(`/contacts/${id}/share`);
  await expect(page.getByRole('heading', { name: 'Share Grace Hopper' })).toBeVisible();
  await expect(page.getByText('Not in the code: your notes.')).toBeVisible();
  await expectAccessible(page);

  const code = page.getByRole('img', { name: "QR code of Grace Hopper's contact card" });
  const card = await scanCode(await code.screenshot());
  expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
  expect(card).toContain('FN:Grace Hopper\r\n');
  expect(card).toMatch(/^TEL;TYPE=cell:\+1 202 555 0143\r$/im);
  expect(card).toContain('grace@example.org');
  expect(card).not.toContain('Navy');

  await page.emulateMedia({ media: 'print' });
  await expect(code).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('link', { name: /Download the full card/ })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.setViewportSize({ width: 320, height: 640 });
  await expectNoSidewaysScroll(page);
  const box = await code.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(320);
});

test("share: another user's contact is the 404 page", async ({ page, user, browser, baseURL }) => {
  void user;
  const id = await addContact(page, { 'First name': 'Private' });
  const other = await browser.newContext({ baseURL });
  await signIn(other, await registerUser(browser, baseURL!));
  const response = await (await other.newPage()).goto(`/contacts/${id}/share`);
  expect(response?.status()).toBe(404);
  await other.close();
});
