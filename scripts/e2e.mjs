// `npm run test:e2e`: the Playwright suite against the production build, on free ports, with
// fresh data folders. Extra arguments go to `playwright test` (e.g. a file or --project=js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath, freePort, tempDir, TEST_SESSION_SECRET } from '../test/support/env.mjs';
import { playwrightCounts, recordTotals } from '../test/support/totals.mjs';

const suite = process.env.E2E_SUITE_NAME || 'e2e';
const run = (cmd, args, env = process.env) =>
  spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (!chromiumPath()) {
  // A machine without a system Chromium gets Playwright's own (needs its download host).
  console.log("No system Chromium found; installing Playwright's Chromium…");
  if (run('npx', ['playwright', 'install', 'chromium']) !== 0) process.exit(1);
}

if (!process.env.E2E_SKIP_BUILD && run(process.execPath, ['scripts/build.mjs']) !== 0) {
  recordTotals(suite, { failed: 1 });
  process.exit(1);
}

const report = path.join('test-results', `${suite}-report.json`);
fs.rmSync(report, { force: true });
const env = {
  ...process.env,
  E2E_PORT: String(await freePort()),
  E2E_STRICT_PORT: String(await freePort()),
  // The main server's SMTP sink (e2e/password-reset.spec.ts listens there).
  E2E_MAIL_PORT: String(await freePort()),
  E2E_DATA_DIR: tempDir('e2e'),
  E2E_STRICT_DATA_DIR: tempDir('e2e-strict'),
  E2E_REPORT: report,
};
// Signed-in users made in advance (e2e/seed-users.ts), so most tests skip registering. Each test
// with the `user` fixture takes one (a retry takes another); when they run out, tests register.
const POOL_SIZE = 400;
const usersDir = tempDir('e2e-users');
env.E2E_USERS_FILE = path.join(usersDir, 'users.json');
// --conditions=react-server: the lib/ modules it uses import `server-only`, like Next's server bundles.
const seeded = run(
  process.execPath,
  [
    '--conditions=react-server',
    '--import',
    'tsx',
    'e2e/seed-users.ts',
    env.E2E_USERS_FILE,
    String(POOL_SIZE),
  ],
  {
    ...env,
    DATA_DIR: env.E2E_DATA_DIR,
    SESSION_SECRET: TEST_SESSION_SECRET,
    LOG_LEVEL: 'warn',
  },
);
if (seeded !== 0) {
  recordTotals(suite, { failed: 1 });
  process.exit(1);
}
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], env);
const claimed = `${env.E2E_USERS_FILE}.claims`;
if (fs.existsSync(claimed))
  console.log(`e2e: ${fs.readdirSync(claimed).length} of ${POOL_SIZE} signed-in users used`);
for (const dir of [env.E2E_DATA_DIR, env.E2E_STRICT_DATA_DIR, usersDir])
  fs.rmSync(dir, { recursive: true, force: true });
recordTotals(suite, playwrightCounts(report));
process.exit(status);
