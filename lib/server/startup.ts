import { ConfigError, getConfig } from '../config';
import { startTrashPurge } from '../contacts/store/purge-schedule';
import { openDatabase } from '../db/client';
import { DataDirLockedError } from '../db/data-dir-lock';
import { getLogger } from './log';
import { BIRTHDAY_FEED_PATH, serveBirthdayFeed } from '../calendar/feed-handler';
import { handleDav, isDavPath } from '../dav/handler';
import { currentMailSetup } from '../mail/send';
import { behindCustomServer, onCustomServerStop, registerPlainHandlers } from './handover.mts';
import { runShutdown } from './shutdown';

export async function startServerProcess(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
  const log = getLogger();
  // Mail half set up (SMTP_URL without APP_URL or MAIL_FROM) stays off: said once, here at start.
  currentMailSetup();
  try {
    const { kind } = await openDatabase();
    log.info({
      event: 'database_ready',
      kind,
      dataDir: kind === 'pglite' ? config.DATA_DIR : undefined,
    });
    startTrashPurge((event, message) => log.info(event, message));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      log.fatal({ event: 'data_dir_locked' }, error.message);
      console.error(error.message);
      process.exit(1);
    }
    // A database server that is down now may be back in a minute: serve "temporarily
    // unavailable" and retry on the next request instead of refusing to start.
    log.error(
      { event: 'database_unavailable', err: errorSummary(error) },
      'database unavailable at start-up',
    );
  }
  // The custom server (server/index.ts, in production and in development) drains requests first
  // and then asks for this; under plain `next start` the signal closes the database at once.
  if (behindCustomServer()) {
    onCustomServerStop(runShutdown);
    registerPlainHandlers([
      { claims: isDavPath, handle: handleDav },
      { claims: (path) => path === BIRTHDAY_FEED_PATH, handle: serveBirthdayFeed },
    ]);
  } else {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void runShutdown().finally(() => process.exit(0)));
    }
  }
}

/** The class and message of an error, never its stack (which names files). */
function errorSummary(error: unknown): { type: string; message: string } {
  return error instanceof Error
    ? { type: error.name, message: error.message }
    : { type: typeof error, message: String(error) };
}
