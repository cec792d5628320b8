import type { Page } from '@playwright/test';
import { importFile } from './contacts-helpers';
import { expect } from './fixtures';

/** A person for a test's address book, written as a vCard 3.0 card (RFC 2426). */
export interface TestCard {
  given: string;
  family?: string;
  org?: string;
  email?: string;
  phone?: string;
  /** vCard CATEGORIES: the contact's labels. */
  labels?: string[];
  /** YYYY-MM-DD or --MM-DD. */
  birthday?: string;
}

const escape = (s: string) => s.replace(/[\\,;]/g, (c) => `\\${c}`);

function vcardOf(cards: TestCard[]): string {
  return cards
    .map((c) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `N:${escape(c.family ?? '')};${escape(c.given)};;;`,
        `FN:${escape([c.given, c.family].filter(Boolean).join(' '))}`,
        c.org ? `ORG:${escape(c.org)}` : '',
        c.email ? `EMAIL;TYPE=INTERNET:${c.email}` : '',
        c.phone ? `TEL;TYPE=CELL:${c.phone}` : '',
        c.labels?.length ? `CATEGORIES:${c.labels.map(escape).join(',')}` : '',
        c.birthday ? `BDAY:${c.birthday}` : '',
        'END:VCARD',
      ]
        .filter(Boolean)
        .join('\r\n'),
    )
    .join('\r\n')
    .concat('\r\n');
}

/** Adds these people to the signed-in user's address book through the import page. */
export async function importCards(page: Page, cards: TestCard[]): Promise<void> {
  await importFile(page, 'people.vcf', vcardOf(cards));
  await expect(page.getByRole('status').filter({ hasText: /imported|added/i })).toBeVisible();
}

/** `count` people named Person001 Testcase…, with distinct birthdays (the oldest first). */
export function generatedCards(count: number, family = 'Testcase'): TestCard[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      given: `Person${n}`,
      family,
      email: `p${n}@example.com`,
      birthday: `19${50 + (i % 50)}-${month}-${day}`,
    };
  });
}

/** The contact's row in the list (its name is the row header). */
export function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/** The page does not scroll sideways (checked at the viewport's current width). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}
