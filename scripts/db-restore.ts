// `npm run db:restore FILE`: replaces the embedded database in DATA_DIR with a backup made by
// db:backup. It takes the data folder's lock (refuses while a server runs), checks the backup
// opens before touching anything, and keeps the database it replaces beside it
// (pgdata.before-restore-<time>), so a wrong restore can be undone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, hasDatabase, openPglite, pgdataPath } from './lib/embedded-dump';
import { embeddedDataDir, fail, loadCliEnvironment, lockDataDir, runMain } from './lib/db-cli';

loadCliEnvironment();

runMain(async () => {
  const dataDir = await embeddedDataDir('restore');
  const source = process.argv[2];
  if (!source) fail('Usage: npm run db:restore FILE   (a .tar.gz made by npm run db:backup)');
  const file = path.resolve(source);
  if (!fs.existsSync(file)) fail(`db:restore: no such file: ${file}`);

  const release = await lockDataDir(dataDir, 'restore', 'Stop the server first, then restore.');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = path.join(dataDir, `pgdata.restoring-${stamp}`);
  try {
    const tarball = new Blob([fs.readFileSync(file)]);
    // Unpacked into a fresh folder beside the live one; the live one is swapped only at the end.
    let contents: string;
    try {
      const db = await openPglite({ dataDir: staging, loadDataDir: tarball });
      try {
        contents = await describe(db);
      } finally {
        await db.close();
      }
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      release(); // fail() exits at once: no finally block runs after it.
      fail(
        `db:restore: ${file} is not a usable backup (${error instanceof Error ? error.message : error}). Nothing was changed.`,
      );
    }
    const live = pgdataPath(dataDir);
    let keptAs: string | undefined;
    if (hasDatabase(dataDir) || fs.existsSync(live)) {
      keptAs = path.join(dataDir, `pgdata.before-restore-${stamp}`);
      fs.renameSync(live, keptAs);
    }
    fs.renameSync(staging, live);
    console.log(`Restored ${file} into ${dataDir} (${contents}).`);
    if (keptAs)
      console.log(
        `The database it replaced is kept in ${keptAs}; delete it when no longer needed.`,
      );
  } finally {
    release();
  }
});
