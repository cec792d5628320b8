import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query, throwawayDatabase } from './lib/postgres';
import { note } from './lib/stats';

/**
 * lib/db/client.ts on PostgreSQL, in this process: every statement has a deadline, the pool is
 * bounded, a wait for a connection is bounded, and a transaction left open is ended by the server.
 */
const POOL_MAX = 3;
const STATEMENT_TIMEOUT = 1000;

describe('timeouts and the bounded pool (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let client: typeof import('@/lib/db/client');
  let shutdown: () => Promise<void>;

  beforeAll(async () => {
    db = await throwawayDatabase('timeouts');
    process.env.DATABASE_URL = db.url;
    process.env.DB_POOL_MAX = String(POOL_MAX);
    process.env.DB_STATEMENT_TIMEOUT = String(STATEMENT_TIMEOUT);
    process.env.SESSION_SECRET ??= 'timeouts-secret-0123456789abcdef0123456789';
    process.env.LOG_LEVEL = 'silent';
    client = await import('@/lib/db/client');
    shutdown = (await import('@/lib/server/shutdown')).runShutdown;
    await client.openDatabase();
  });
  afterAll(async () => {
    await shutdown?.();
    await db?.drop();
  });

  const elapsed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    const error = await work().then(
      () => undefined,
      (e: Error & { cause?: Error }) => e.cause ?? e,
    );
    return { ms: performance.now() - started, error };
  };

  it('a slow statement is cancelled at DB_STATEMENT_TIMEOUT', async () => {
    const database = await client.getDb();
    const { ms, error } = await elapsed(() => database.execute(sql`select pg_sleep(10)`));
    expect(error?.message).toMatch(/statement timeout/);
    expect(ms).toBeGreaterThan(STATEMENT_TIMEOUT - 100);
    expect(ms).toBeLessThan(STATEMENT_TIMEOUT + 1500);
    note(`pg_sleep(10) cancelled after ${Math.round(ms)} ms: "${error?.message}"`);
  });

  it(`the pool never opens more than DB_POOL_MAX (${POOL_MAX}) connections; queued queries wait their turn`, async () => {
    const database = await client.getDb();
    let peak = 0;
    let done = false;
    const watch = (async () => {
      while (!done) {
        const [row] = await query<{ n: number }>(
          db.url,
          `select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'contact-cards'`,
          [db.name],
        );
        peak = Math.max(peak, row!.n);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 12 }, () => database.execute(sql`select pg_sleep(0.3)`)),
    );
    const ms = performance.now() - started;
    done = true;
    await watch;
    expect(peak).toBeLessThanOrEqual(POOL_MAX);
    expect(peak).toBeGreaterThan(0);
    // 12 queries of 0.3 s through 3 connections: about 4 rounds.
    expect(ms).toBeGreaterThan(1100);
    note(
      `12 concurrent 0.3 s queries: at most ${peak} connections open, all done in ${Math.round(ms)} ms`,
    );
  });

  it('waiting for a free connection is bounded (connectionTimeoutMillis 3 s), then the pool recovers', async () => {
    const database = await client.getDb();
    const pool = (database as unknown as { $client: Pool }).$client;
    const held = await Promise.all(Array.from({ length: POOL_MAX }, () => pool.connect()));
    const { ms, error } = await elapsed(() => database.execute(sql`select 1`));
    for (const c of held) c.release();
    expect(error?.message).toMatch(/timeout/i);
    expect(ms).toBeLessThan(4500);
    await database.execute(sql`select 1`);
    note(
      `with all ${POOL_MAX} connections taken, a query gave up after ${Math.round(ms)} ms ("${error?.message}"); fine again once they were released`,
    );
  });

  it('a transaction left idle is ended by the server (idle_in_transaction_session_timeout)', async () => {
    const database = await client.getDb();
    const pool = (database as unknown as { $client: Pool }).$client;
    const c = await pool.connect();
    c.on('error', () => {});
    await c.query('begin');
    await c.query('select 1');
    await new Promise((r) => setTimeout(r, STATEMENT_TIMEOUT * 2 + 700));
    const { error } = await elapsed(() => c.query('select 1'));
    c.release(true);
    expect(error?.message).toMatch(/idle-in-transaction|terminat|Connection/i);
    await database.execute(sql`select 1`);
    note(
      `a transaction idle for ${STATEMENT_TIMEOUT * 2 + 700} ms was ended by the server ("${error?.message}"); the pool carried on`,
    );
  });
});
