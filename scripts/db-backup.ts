// `npm run db:backup [FILE]`: a consistent copy of the embedded database in one .tar.gz file
// (default backups/contact-cards-<time>.tar.gz). It takes the data folder's lock, so it refuses
// while a server runs: stop the server (a few seconds), back up, start it again.
// With DATABASE_URL it prints the pg_dump command instead (PostgreSQL backs up online).
import fs from 'node:fs';
import path from 'node:path';
import {
  describe,
  hasDatabase,
  openPglite,
  pgdataPath,
  writeFileAtomic,
} from './lib/embedded-dump';
import { embeddedDataDir, fail, loadCliEnvironment, lockDataDir, runMain } from './lib/db-cli';

loadCliEnvironment();

runMain(async () => {
  const dataDir = await embeddedDataDir('backup');
  if (!hasDatabase(dataDir)) fail(`db:backup: there is no database in ${dataDir} (DATA_DIR).`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(
    process.argv[2] ?? path.join('backups', `contact-cards-${stamp}.tar.gz`),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const release = await lockDataDir(
    dataDir,
    'backup',
    'Stop the server, run the backup, then start it again.',
  );
  try {
    const db = await openPglite({ dataDir: pgdataPath(dataDir) });
    let contents: string;
    let tarball: Uint8Array<ArrayBuffer>;
    try {
      contents = await describe(db);
      // A checkpoint first, so the copy starts from a clean state rather than replaying WAL.
      await db.query('checkpoint');
      tarball = new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await db.close();
    }
    writeFileAtomic(file, tarball);
    console.log(
      `Backed up ${dataDir} (${contents}) to ${file} (${(tarball.length / 1e6).toFixed(1)} MB).`,
    );
  } finally {
    release();
  }
});
