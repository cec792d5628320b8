// `npm test`: the lock-file check, lint, typecheck, unused code (knip), the dependency-version
// check, unit tests and the Playwright suite, then one line of totals.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { recordTotals, runUnitSuite, totalsDir, totalsLine } from '../test/support/totals.mjs';

const run = (args, env = process.env) =>
  spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit', env }).status ?? 1;

// Each suite records its counts; a fresh run starts from none (CI adds test:postgres after).
if (!process.env.KEEP_TOTALS) fs.rmSync(totalsDir, { recursive: true, force: true });

const check = (name, args) => {
  const status = run(args);
  recordTotals(name, status === 0 ? { passed: 1 } : { failed: 1 });
  return status;
};
let failed = 0;
failed |= check('lockfile', ['check:lock']);
failed |= check('lint', ['lint']);
failed |= check('typecheck', ['typecheck']);
failed |= check('unused', ['check:unused']);
failed |= check('security-versions', ['security:versions']);

failed |= runUnitSuite('unit', run);

failed |= run(['test:e2e']);

console.log(totalsLine());
process.exit(failed ? 1 : 0);
