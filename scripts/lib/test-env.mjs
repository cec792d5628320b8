// Shared by the test scripts: free ports, throwaway data folders, totals across suites.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The e2e servers' SESSION_SECRET: the suite seals cookies with it (and with others). */
export const E2E_SESSION_SECRET = 'e2e-secret-not-for-production-0123456789abcdef';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `contact-cards-${prefix}-`));
}

export const totalsDir = path.join(process.cwd(), 'test-results', 'totals');

/** Records one suite's counts for the closing totals line. */
export function recordTotals(suite, { passed = 0, failed = 0, skipped = 0 }) {
  fs.mkdirSync(totalsDir, { recursive: true });
  fs.writeFileSync(
    path.join(totalsDir, `${suite}.json`),
    JSON.stringify({ suite, passed, failed, skipped }),
  );
}

export function readTotals() {
  if (!fs.existsSync(totalsDir)) return [];
  return fs
    .readdirSync(totalsDir)
    .map((f) => JSON.parse(fs.readFileSync(path.join(totalsDir, f), 'utf8')));
}

/** The closing line CI reads: exactly `N passed, N failed` (`, N skipped` when any). */
export function totalsLine(rows = readTotals()) {
  const sum = rows.reduce(
    (acc, r) => ({
      passed: acc.passed + r.passed,
      failed: acc.failed + r.failed,
      skipped: acc.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  return `${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ''}`;
}

/** Playwright's JSON report → counts (flaky tests passed on retry: counted as passed). */
export function playwrightCounts(reportFile) {
  if (!fs.existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

/** Vitest's JSON report → counts. */
export function vitestCounts(reportFile) {
  if (!fs.existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
}

export function chromiumPath() {
  const candidates = [
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((c) => c && fs.existsSync(c));
}
