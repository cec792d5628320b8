// Lighthouse scores (performance, accessibility, best practices) with the system Chromium.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export async function lighthouseScores(origin, paths, cookie) {
  const chrome = await chromeLauncher.launch({
    chromePath: ['/usr/bin/chromium', process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE].find(
      (p) => p && fs.existsSync(p),
    ),
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const rows = [];
  try {
    for (const pagePath of paths) {
      const result = await lighthouse(
        origin + pagePath,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
        {
          extends: 'lighthouse:default',
          settings: {
            extraHeaders: cookie ? { cookie } : {},
            formFactor: 'desktop',
            screenEmulation: {
              mobile: false,
              width: 1350,
              height: 940,
              deviceScaleFactor: 1,
              disabled: false,
            },
            throttlingMethod: 'simulate',
          },
        },
      );
      const c = result.lhr.categories;
      rows.push({
        path: pagePath,
        performance: Math.round(c.performance.score * 100),
        accessibility: Math.round(c.accessibility.score * 100),
        bestPractices: Math.round(c['best-practices'].score * 100),
        failing: Object.values(result.lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id)
          .slice(0, 8),
      });
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}
