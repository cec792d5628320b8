import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { postgresInstructions } from './embedded-dump';

/**
 * Shared start of the database commands (db:migrate, db:backup, db:restore): the same
 * environment the server sees (.env, .env.local, .env.production as Next loads them), so a
 * command run beside a server finds the same DATA_DIR or DATABASE_URL.
 */
export function loadCliEnvironment(): void {
  loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  // lib/config.ts requires the session secret because servers seal cookies with it. These
  // commands never seal or unseal anything, so a missing one must not stop a backup.
  process.env.SESSION_SECRET ||= 'database-command-placeholder-never-used-for-sealing';
  process.env.LOG_LEVEL ||= 'warn';
}

/** Prints the message and exits non-zero: the commands' one way to fail. */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** Runs an async main, turning an unexpected error into a one-line message and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) =>
      fail(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  );
}

/**
 * The embedded database's folder for db:backup and db:restore. With DATABASE_URL set there is
 * none: prints how to do it with PostgreSQL's own tools and exits 2.
 */
export async function embeddedDataDir(command: 'backup' | 'restore'): Promise<string> {
  // Imported late: lib/config reads the environment that loadCliEnvironment() has just set.
  const { getConfig } = await import('../../lib/config');
  const config = getConfig();
  if (config.DATABASE_URL) fail(postgresInstructions(command), 2);
  return path.resolve(config.DATA_DIR);
}

/**
 * Takes the data folder's lock, so a running server and the command never share the files.
 * When a server holds it, fails with `advice`; otherwise returns the function that releases it.
 */
export async function lockDataDir(
  dataDir: string,
  command: 'backup' | 'restore',
  advice: string,
): Promise<() => void> {
  const { acquireDataDirLock, releaseDataDirLock, DataDirLockedError } =
    await import('../../lib/db/data-dir-lock');
  try {
    acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError)
      fail(`db:${command} refused: ${error.message}\n${advice}`);
    throw error;
  }
  return () => releaseDataDirLock(dataDir);
}
