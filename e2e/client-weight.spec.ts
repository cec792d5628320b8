import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { importCards } from './contacts-list-helpers';
import { expect, test } from './fixtures';

/**
 * The app's own client JavaScript per page stays within 15 KB gzip (issue 14): every script a
 * page names but the framework's runtime (the build manifest's root main files and polyfills,
 * as bench/lib/weight.mjs splits them). JavaScript only: without it no script runs at all.
 */
test.use({ signedIn: true });

const BUDGET = 15 * 1024;

function frameworkFiles(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'build-manifest.json'), 'utf8'));
  return new Set(
    [...manifest.rootMainFiles, ...manifest.polyfillFiles].map((f: string) => path.basename(f)),
  );
}

/**
 * The gzip bytes of the scripts the page's HTML names, the framework's left out. Chunks that
 * Link prefetches afterwards for other pages are those pages' weight, not this one's.
 */
async function appJs(page: Page, url: string): Promise<number> {
  const framework = frameworkFiles();
  await page.goto(url);
  const sources = await page
    .locator('script[src]')
    .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  let total = 0;
  for (const src of new Set(sources)) {
    if (framework.has(path.basename(new URL(src).pathname))) continue;
    const body = await (await page.request.get(src)).body();
    total += zlib.gzipSync(body, { level: 9 }).length;
  }
  return total;
}

const PAGES = ['/', '/contacts', '/contacts/[id]', '/contacts/[id]/edit', '/contacts/new'];
test('each page loads at most 15 KB gzip of the app’s own JavaScript', async ({ page }) => {
  test.skip(
    test.info().project.use.javaScriptEnabled === false,
    'No scripts run without JavaScript.',
  );
  await importCards(page, [{ given: 'Ada', family: 'Lovelace', phone: '+44 20 7946 0958' }]);
  await page.goto('/contacts');
  const href = (await page.getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href'))!;
  const sizes: Record<string, number> = {};
  for (const url of PAGES) sizes[url] = await appJs(page, url.replace('/contacts/[id]', href));
  test.info().annotations.push({ type: 'app JS gzip bytes', description: JSON.stringify(sizes) });
  for (const [url, bytes] of Object.entries(sizes)) {
    expect.soft(bytes, `${url}: ${bytes} bytes`).toBeLessThanOrEqual(BUDGET);
  }
});
