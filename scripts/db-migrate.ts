// `npm run db:migrate`: applies the pending migrations to the configured database and exits.
// The server migrates at start-up too; this is for deploy steps that want it done before.
// On the embedded database it takes the data folder's lock, so it refuses while a server runs.
import { fail, loadCliEnvironment, runMain } from './lib/db-cli';

loadCliEnvironment();

runMain(async () => {
  const [{ getConfig }, { openDatabase }, { DataDirLockedError }, { runShutdown }] =
    await Promise.all([
      import('../lib/config'),
      import('../lib/db/client'),
      import('../lib/db/data-dir-lock'),
      import('../lib/server/shutdown'),
    ]);
  const config = getConfig();
  const where = config.DATABASE_URL
    ? `PostgreSQL at ${new URL(config.DATABASE_URL).host}`
    : `the embedded database in ${config.DATA_DIR}`;
  try {
    await openDatabase();
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(`db:migrate refused: ${error.message}`);
    throw error;
  } finally {
    // Closes the database cleanly and releases the folder's lock.
    await runShutdown();
  }
  console.log(`Migrations applied to ${where}.`);
});
