import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from './totals.mjs';

const report = (content: unknown) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'totals-')), 'report.json');
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};

it('counts a Vitest file whose beforeAll threw as a failure, and a failed test once', () => {
  const file = report({
    numPassedTests: 3,
    numFailedTests: 1,
    numPendingTests: 2,
    testResults: [
      { status: 'failed', assertionResults: [{ status: 'pending' }, { status: 'pending' }] },
      { status: 'failed', assertionResults: [{ status: 'failed' }, { status: 'passed' }] },
      { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
    ],
  });
  expect(vitestCounts(file)).toEqual({ passed: 3, failed: 2, skipped: 2 });
});

it('counts Playwright errors outside tests, and a missing report as a failure', () => {
  const file = report({
    stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 2 },
    errors: [{ message: 'global setup failed' }],
  });
  expect(playwrightCounts(file)).toEqual({ passed: 6, failed: 1, skipped: 2 });
  expect(vitestCounts('/nonexistent/report.json')).toMatchObject({ failed: 1 });
});
