import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { playwrightCounts, summaryLines, vitestCounts } from './totals.mjs';

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
      {
        name: 'a.test.ts',
        status: 'failed',
        assertionResults: [{ status: 'pending' }, { status: 'pending' }],
      },
      {
        name: 'b.test.ts',
        status: 'failed',
        assertionResults: [{ status: 'failed', fullName: 'b breaks' }, { status: 'passed' }],
      },
      { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'passed' }] },
    ],
  });
  expect(vitestCounts(file)).toEqual({
    passed: 3,
    failed: 2,
    skipped: 2,
    failures: ['a.test.ts: the file did not run', 'b.test.ts › b breaks'],
  });
});

it('counts Playwright errors outside tests, and a missing report as a failure', () => {
  const file = report({
    stats: { expected: 5, flaky: 1, unexpected: 0, skipped: 2 },
    errors: [{ message: 'global setup failed\n  at setup.ts:1' }],
    suites: [
      {
        title: 'login.spec.ts',
        specs: [],
        suites: [
          {
            title: 'login',
            specs: [
              {
                title: 'refuses a wrong password',
                tests: [
                  { projectName: 'js', status: 'unexpected' },
                  { projectName: 'no-js', status: 'flaky' },
                ],
              },
            ],
          },
        ],
      },
    ],
  });
  const counts = playwrightCounts(file);
  expect(counts).toEqual({
    passed: 6,
    failed: 1,
    skipped: 2,
    failures: [
      '[js] login.spec.ts › login › refuses a wrong password',
      'outside any test: global setup failed',
    ],
  });
  expect(summaryLines([{ suite: 'e2e', ...counts }])).toEqual([
    'e2e: 6 passed, 1 failed, 2 skipped',
    '  failed: [js] login.spec.ts › login › refuses a wrong password',
    '  failed: outside any test: global setup failed',
  ]);
  expect(vitestCounts('/nonexistent/report.json')).toMatchObject({ failed: 1 });
});
