import type { Page } from '@playwright/test';
import { parseFeed } from '../../lib/calendar/ics-test-helpers';
import { addContact } from '../contacts-helpers';
import { expect, expectAccessible, test } from '../fixtures';

const LINK = /^http:\/\/[^/]+\/calendar\/birthdays\.ics\?token=[A-Za-z0-9_-]{43}$/;

const section = (page: Page) => page.getByRole('region', { name: 'Birthday calendar' });

/** Presses a button of the section and returns the link it shows (once). */
/** Makes a link; `previous` is the one on the page before (the status then reads the same). */
async function makeLink(page: Page, button: string, previous?: string): Promise<string> {
  await section(page).getByRole('button', { name: button }).click();
  await expect(section(page).getByText('Your birthday calendar link is ready.')).toBeVisible();
  const field = section(page).getByRole('textbox', { name: 'Calendar link' });
  if (previous) await expect(field).not.toHaveValue(previous);
  await expect(field).toHaveValue(LINK);
  await expect(field).toHaveAttribute('readonly', '');
  const link = await field.inputValue();
  // Shown in the page only: never in its address (no redirect carries it).
  expect(page.url()).not.toContain(new URL(link).searchParams.get('token')!);
  return link;
}

async function turnOff(page: Page): Promise<void> {
  await section(page).getByRole('button', { name: 'Turn off' }).click();
  await expect(section(page).getByText('The birthday calendar is off.')).toBeVisible();
  await expect(section(page).getByRole('button', { name: 'Create calendar link' })).toBeVisible();
  await expect(section(page).getByRole('textbox', { name: 'Calendar link' })).toHaveCount(0);
}

// Contacts made through the form and axe runs: give a busy machine room.
test.describe.configure({ timeout: 90_000 });

test.use({ signedIn: true });

test.describe('birthday calendar on the account page', () => {
  test('creates a link shown once, makes a new one and turns it off; accessible', async ({
    page,
  }) => {
    await page.goto('/account');
    await expect(section(page).getByRole('heading', { name: 'Birthday calendar' })).toBeVisible();
    await expect(section(page).getByText('Google Calendar')).toBeVisible();
    await expectAccessible(page);

    const first = await makeLink(page, 'Create calendar link');
    await expectAccessible(page);

    // Only the hash is kept: a new visit says it is on, and cannot show the link again.
    await page.goto('/account');
    await expect(section(page).getByText('Your birthday calendar is on.')).toBeVisible();
    await expect(section(page).getByRole('textbox', { name: 'Calendar link' })).toHaveCount(0);
    expect(await page.content()).not.toContain(new URL(first).searchParams.get('token')!);

    const second = await makeLink(page, 'Make a new link');
    expect(second).not.toBe(first);
    await turnOff(page);
    await page.goto('/account');
    await expect(section(page).getByRole('button', { name: 'Create calendar link' })).toBeVisible();
  });

  test('the link serves the contacts’ birthdays; a new link or turning off stops the old one', async ({
    page,
    request,
  }) => {
    await addContact(page, {
      'First name': 'Ada',
      'Last name': 'Lovelace',
      Birthday: '1815-12-10',
    });
    // A birthday without a year (the year left empty).
    await addContact(page, { 'First name': 'Grace', 'Last name': 'Hopper', Birthday: '-07-04' });
    await addContact(page, { 'First name': 'Nobirthday', 'Last name': 'Person' });
    await page.goto('/account');
    const link = await makeLink(page, 'Create calendar link');

    const feed = await request.get(link);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const { events, prop } = parseFeed(await feed.text());
    expect(prop('x-wr-calname')).toBe('Birthdays — Contact Cards');
    expect(events.map((e) => e.summary).sort()).toEqual([
      "Ada Lovelace's birthday",
      "Grace Hopper's birthday",
    ]);
    const grace = events.find((e) => e.summary.startsWith('Grace'))!;
    expect(grace.occurrences(2, '2030-01-01')).toEqual(['2030-07-04', '2031-07-04']);

    const etag = feed.headers()['etag']!;
    expect((await request.get(link, { headers: { 'if-none-match': etag } })).status()).toBe(304);

    const renewed = await makeLink(page, 'Make a new link', link);
    expect((await request.get(link)).status()).toBe(404);
    expect((await request.get(renewed)).status()).toBe(200);

    await turnOff(page);
    expect((await request.get(renewed)).status()).toBe(404);
  });
});
