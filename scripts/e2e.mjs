// `npm run test:e2e`: the Playwright suite against the production build, on free ports, with
// fresh data folders. Extra arguments go to `playwright test` (e.g. a file or --project=js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  chromiumPath,
  freePort,
  playwrightCounts,
  recordTotals,
  tempDir,
} from './lib/test-env.mjs';

const suite = process.env.E2E_SUITE_NAME || 'e2e';
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (!chromiumPath()) {
  // A machine without a system Chromium gets Playwright's own (needs its download host).
  console.log("No system Chromium found; installing Playwright's Chromium…");
  if (run('npx', ['playwright', 'install', 'chromium']) !== 0) process.exit(1);
}

if (
  !process.env.E2E_SKIP_BUILD &&
  run(process.execPath, ['node_modules/next/dist/bin/next', 'build']) !== 0
) {
  recordTotals(suite, { failed: 1 });
  process.exit(1);
}

const report = path.join('test-results', `${suite}-report.json`);
fs.rmSync(report, { force: true });
const env = {
  ...process.env,
  E2E_PORT: String(await freePort()),
  E2E_STRICT_PORT: String(await freePort()),
  E2E_DATA_DIR: tempDir('e2e'),
  E2E_STRICT_DATA_DIR: tempDir('e2e-strict'),
  E2E_REPORT: report,
};
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
for (const dir of [env.E2E_DATA_DIR, env.E2E_STRICT_DATA_DIR])
  fs.rmSync(dir, { recursive: true, force: true });
recordTotals(suite, playwrightCounts(report));
process.exit(status);
