// `node --import tsx bench/carddav.mjs [--no-build] [--no-radicale] [--no-10k]`: the CardDAV rows
// of the issue alone (also row 12 of `npm run bench`): vdirsyncer syncing 1,000 generated cards
// with the app, and with Radicale beside it when it is installed; 10,000 cards with the app only.
// Numbers only: nothing asserts a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { AppServer, tempDir, TEST_SESSION_SECRET } from '../test/support/index.ts';
import { carddavRows, measureOurs, measureRadicale, seedDavAccount } from './lib/carddav.ts';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const built = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(1);
}
const dataDir = tempDir('bench-dav');
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  SESSION_SECRET: TEST_SESSION_SECRET,
  LOG_LEVEL: 'warn',
};
const main = seedDavAccount(env, 'bench_dav');
const big = args.includes('--no-10k') ? undefined : seedDavAccount(env, 'bench_dav10k');
const app = await AppServer.start({ dataDir, stdio: 'inherit' });
let ours;
try {
  ours = await measureOurs(app.url, app.pid, main, big);
} finally {
  await app.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const skipRadicale = args.includes('--no-radicale');
const radicale = skipRadicale ? undefined : await measureRadicale();

console.log('\n| measure (vdirsyncer, seconds or MB) | ours | Radicale |');
console.log('| --- | ---: | ---: |');
for (const [name, values] of carddavRows(ours, radicale)) {
  const [mine, theirs] = [
    Object.entries(values).find(([k]) => k.startsWith('ours'))?.[1],
    Object.entries(values).find(([k]) => k.startsWith('Radicale'))?.[1],
  ];
  console.log(
    `| ${name} | ${mine ?? ''} | ${theirs ?? (radicale || skipRadicale ? 'not run' : 'not installed')} |`,
  );
}
