// `npm run test:reliability`: the reliability scenarios (test/reliability/*.scenario.ts) against
// the production build: load, crash, graceful stop, database outage, two writers, scale-out, lock,
// backup/restore, bad input. Builds first unless E2E_SKIP_BUILD is set. PostgreSQL scenarios use
// the server at RELIABILITY_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) and an
// instance of their own made with initdb. Extra arguments go to vitest (e.g. a file name).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { recordTotals, totalsDir, totalsLine, vitestCounts } from '../test/support/totals.mjs';

const suite = 'reliability';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const started = Date.now();
// Alone, the totals line counts this suite only; after other suites (CI) set KEEP_TOTALS=1.
if (!process.env.KEEP_TOTALS) fs.rmSync(totalsDir, { recursive: true, force: true });

if (!process.env.E2E_SKIP_BUILD && run(process.execPath, ['scripts/build.mjs']) !== 0) {
  recordTotals(suite, { failed: 1 });
  console.log(totalsLine());
  process.exit(1);
}

const report = path.join('test-results', `${suite}-report.json`);
fs.rmSync(report, { force: true });
const status = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--config',
  'vitest.reliability.config.mts',
  '--reporter=verbose',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
const counts = vitestCounts(report);
recordTotals(suite, counts);
console.log(
  `reliability: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (pending) in ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(totalsLine());
process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
