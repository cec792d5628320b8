// Browser weight: the gzip bytes of JavaScript and CSS a page loads, split into the framework's own
// (Next's and React's runtime: the build manifest's rootMainFiles and polyfills, loaded by every page)
// and the app's own (every other chunk: our client components and what they import).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';

function frameworkFiles() {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'build-manifest.json'), 'utf8'));
  return new Set(
    [...manifest.rootMainFiles, ...manifest.polyfillFiles].map((f) => path.basename(f)),
  );
}

export async function browserWeight(origin, paths, cookie) {
  const framework = frameworkFiles();
  const browser = await chromium.launch({
    executablePath: ['/usr/bin/chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE].find(
      (p) => p && fs.existsSync(p),
    ),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const rows = [];
  try {
    for (const pagePath of paths) {
      const context = await browser.newContext({ extraHTTPHeaders: cookie ? { cookie } : {} });
      const page = await context.newPage();
      const assets = [];
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (type === 'script' || type === 'stylesheet') assets.push(res);
      });
      await page.goto(origin + pagePath, { waitUntil: 'load' });
      // Link prefetches may keep the network busy; what the page itself loads is in by now.
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      const sizes = { frameworkJs: 0, appJs: 0, css: 0 };
      for (const res of assets) {
        const gz = zlib.gzipSync(await res.body(), { level: 9 }).length;
        const name = path.basename(new URL(res.url()).pathname);
        if (res.request().resourceType() === 'stylesheet') sizes.css += gz;
        else if (framework.has(name)) sizes.frameworkJs += gz;
        else sizes.appJs += gz;
      }
      rows.push({ path: pagePath, ...sizes });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
