import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getConfig } from '../config';
import { getLogger } from '../server/log';
import { onShutdown } from '../server/shutdown';
import type { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, releaseDataDirLock } from './data-dir-lock';
import { PGliteThread } from './pglite-thread';
import { emptyDatabaseTemplate } from './pglite-template';
import { runDataMigrations } from './data-migrations';
import * as tables from './schema';
import * as securityTables from './security-schema';

const schema = { ...tables, ...securityTables };
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

interface OpenDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A cheap round trip with a deadline, for /api/health. */
  ping: (timeoutMs: number) => Promise<void>;
}

export const migrationsFolder = path.join(process.cwd(), 'lib', 'db', 'migrations');

// On globalThis: Next bundles server code into several chunks, and they must share one database.
const key = Symbol.for('contact-cards.db');
type WithDb = typeof globalThis & { [key]?: Promise<OpenDb> };

/** The database of this process, opened, locked and migrated on first use. */
export function openDatabase(): Promise<OpenDb> {
  const g = globalThis as WithDb;
  g[key] ??= (getConfig().DATABASE_URL ? openPostgres() : openPglite()).catch((error: unknown) => {
    delete g[key];
    throw error;
  });
  return g[key];
}

/** Progress of a long data step (converting 100,000 contacts takes a while). */
const logDataStep = (message: string) => getLogger().info({ event: 'data_migration' }, message);

export async function getDb(): Promise<Db> {
  return (await openDatabase()).db;
}

/** The health check's round trip: `select 1`, failing if the database does not answer in time. */
function pinger(query: (sql: string) => Promise<unknown>): OpenDb['ping'] {
  return (timeoutMs) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`database did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    const work = query('select 1').then(() => undefined);
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
  };
}

// PGlite's shared buffers. PostgreSQL's default (128 MB) is memory PGlite's WebAssembly heap
// touches and keeps (WebAssembly memory never shrinks): 299 MB resident for PGlite alone against
// 185 MB with 32 MB, the server's peak 20 to 50 MB lower again with 16, and its touched
// WebAssembly memory 33 → 25 MB with 8 (measured, docs/decisions/008). Pages not in these buffers
// are read through the operating system's file cache, which stays fast: the 100,000-contact
// queries took the same time at 16 MB as at 32, and the benchmark's scale row held at 8.
const PGLITE_SHARED_BUFFERS = '8MB';

// PGlite runs inside this process on one connection, on a thread of its own: queries run one after
// another, beside rendering on the main thread, so a slow one stalls every other query but not
// the pages that need none (statement_timeout has no effect in it; measured). Its queries must
// stay bounded (indexes, LIMIT, pagination); several servers or heavy concurrency need PostgreSQL.

async function openPglite(): Promise<OpenDb> {
  const dataDir = getConfig().DATA_DIR;
  // Before anything touches the folder: a second process must change nothing.
  acquireDataDirLock(dataDir);
  try {
    const [{ drizzle }, { migrate }] = await Promise.all([
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const pgdata = path.join(dataDir, 'pgdata');
    const template = fs.existsSync(pgdata)
      ? undefined
      : await emptyDatabaseTemplate((message: string) =>
          getLogger().warn({ event: 'database_template' }, message),
        );
    const client = await PGliteThread.start(
      pgdata,
      PGLITE_SHARED_BUFFERS,
      (error) => getLogger().fatal({ event: 'database_thread_died', err: error }, error.message),
      template,
    );
    if (client.copyProblem)
      getLogger().warn(
        { event: 'database_template' },
        `the copy of an empty database could not be read (${client.copyProblem}): PGlite created the database itself`,
      );
    // The thread answers the part of PGlite's interface that Drizzle uses (lib/db/pglite-thread.ts).
    const db = drizzle({ client: client as unknown as PGlite, schema });
    await migrate(db, { migrationsFolder });
    await runDataMigrations(db as unknown as Db, logDataStep);
    onShutdown(async () => {
      // close() checkpoints and flushes, so the next start needs no recovery.
      await client.close();
      releaseDataDirLock(dataDir);
    });
    return { db: db as unknown as Db, kind: 'pglite', ping: pinger((sql) => client.query(sql)) };
  } catch (error) {
    releaseDataDirLock(dataDir);
    throw error;
  }
}

async function openPostgres(): Promise<OpenDb> {
  const config = getConfig();
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    max: config.DB_POOL_MAX,
    // Bounded waits everywhere, so an outage turns into errors within seconds, never a hang.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.DB_STATEMENT_TIMEOUT,
    // The server's own limit cannot fire when the server is frozen or the network drops packets.
    query_timeout: config.DB_STATEMENT_TIMEOUT + 1000,
    // A transaction left open (a bug, a hung request) must not hold its row locks for long.
    idle_in_transaction_session_timeout: config.DB_STATEMENT_TIMEOUT * 2,
    // Notices a dead peer on an idle connection without waiting for the OS's two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: 'contact-cards',
  });
  // An idle client losing its server (outage, restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  // Several servers may start together: one migrates while the others wait.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(7250001)');
    await migrate(db, { migrationsFolder });
    await runDataMigrations(db as unknown as Db, logDataStep);
  } finally {
    await lockClient.query('select pg_advisory_unlock(7250001)').catch(() => {});
    lockClient.release();
  }
  onShutdown(() => pool.end());
  return { db: db as unknown as Db, kind: 'postgres', ping: pinger((sql) => pool.query(sql)) };
}
