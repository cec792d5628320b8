// Each suite records its counts here; CI's last line is the sum over every suite.
import fs from 'node:fs';
import path from 'node:path';

export const totalsDir = path.join(process.cwd(), 'test-results', 'totals');

/** Records one suite's counts for the closing totals line. */
export function recordTotals(suite, { passed = 0, failed = 0, skipped = 0, failures = [] }) {
  fs.mkdirSync(totalsDir, { recursive: true });
  fs.writeFileSync(
    path.join(totalsDir, `${suite}.json`),
    JSON.stringify({ suite, passed, failed, skipped, failures }),
  );
}

function readTotals() {
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

/**
 * One line per suite, then the name of every failed test. CI prints this just above the totals
 * line, so the end of a red log (often all a reader gets) says what failed and where.
 */
export function summaryLines(rows = readTotals()) {
  return rows.flatMap((r) => [
    `${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`,
    ...(r.failures ?? []).map((name) => `  failed: ${name}`),
  ]);
}

/** Walks Playwright's nested suites for the tests that did not pass even on a retry. */
function playwrightFailures(suites = [], trail = []) {
  return suites.flatMap((s) => {
    const here = s.title ? [...trail, s.title] : trail;
    const own = (s.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((t) => t.status === 'unexpected')
        .map((t) => `[${t.projectName}] ${[...here, spec.title].join(' › ')}`),
    );
    return [...own, ...playwrightFailures(s.suites, here)];
  });
}

/** Playwright's JSON report → counts (flaky tests passed on retry: counted as passed). */
export function playwrightCounts(reportFile) {
  if (!fs.existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats, errors = [], suites } = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  // An error outside any test (global setup, a file that does not load) fails the run: count it.
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + errors.length,
    skipped: stats.skipped,
    failures: [
      ...playwrightFailures(suites),
      ...errors.map((e) => `outside any test: ${String(e.message ?? '').split('\n')[0]}`),
    ],
  };
}

/** Vitest's JSON report → counts. */
export function vitestCounts(reportFile) {
  if (!fs.existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  // A file that failed with no failed test (a beforeAll or an import threw; its tests are then
  // "pending") fails the run: count it, so the totals line never says 0 failed for a red run.
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const failures = (r.testResults ?? []).flatMap((f) => {
    const file = path.relative(process.cwd(), f.name ?? '');
    const failed = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (f.status === 'failed' && failed.length === 0) return [`${file}: the file did not run`];
    return failed.map((a) => `${file} › ${a.fullName ?? a.title}`);
  });
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
    failures,
  };
}

/**
 * Runs the unit tests through `run` (the caller's `npm run` with its environment) and records
 * their counts as `suite`, read from a JSON report in test-results/. Returns the exit status.
 */
export function runUnitSuite(suite, run, files = []) {
  const report = path.join('test-results', `${suite}-report.json`);
  // A report left by an earlier run would be counted if this one died before writing its own.
  fs.rmSync(report, { force: true });
  const status = run([
    'test:unit',
    '--',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...files,
  ]);
  recordTotals(suite, vitestCounts(report));
  return status;
}
