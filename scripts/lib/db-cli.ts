import { loadEnvConfig } from '@next/env';

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
