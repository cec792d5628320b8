// Lighthouse scores (performance, accessibility, best practices) with the system Chromium.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

/** Each path with the desktop preset (the target's) and, for comparison, the default mobile one. */
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
    for (const [pagePath, preset] of paths.flatMap((p) => [
      [p, 'desktop'],
      [p, 'mobile'],
    ])) {
      const extraHeaders = cookie ? { cookie } : {};
      const result = await lighthouse(
        origin + pagePath,
        {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
        // The CLI's `--preset=desktop`: desktop screen, user agent and network (desktopDense4G).
        // Only setting formFactor would keep the default mobile throttling (slow 4G, 4× CPU).
        // The mobile preset is Lighthouse's default: a mid-range phone on slow 4G, CPU slowed 4×.
        preset === 'desktop'
          ? { ...desktopConfig, settings: { ...desktopConfig.settings, extraHeaders } }
          : { extends: 'lighthouse:default', settings: { extraHeaders } },
      );
      const c = result.lhr.categories;
      rows.push({
        path: pagePath,
        preset,
        performance: Math.round(c.performance.score * 100),
        accessibility: Math.round(c.accessibility.score * 100),
        bestPractices: Math.round(c['best-practices'].score * 100),
        // The metrics behind the performance score, in ms (CLS unitless).
        metrics: [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'speed-index',
          'cumulative-layout-shift',
        ]
          .map(
            (id) =>
              `${id
                .split('-')
                .map((w) => w[0])
                .join('')
                .toUpperCase()} ${Math.round(result.lhr.audits[id].numericValue * (id.startsWith('cumulative') ? 1000 : 1)) / (id.startsWith('cumulative') ? 1000 : 1)}`,
          )
          .join(' '),
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
