import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { countContacts } from './read';

/** Imports at least this large refresh the planner's statistics. */
export const ANALYZE_AFTER = 1000;

/**
 * Rows ANALYZE reads are 300 times this. PostgreSQL's default (100) reads 30,000, whole rows with
 * their cards, into PGlite's WebAssembly memory, which keeps the space for good: 17 MB after a
 * 20,000-card import. The planner only needs to know how many rows an owner has and how the keys
 * spread; 6,000 sampled rows tell it (ADR 008).
 */
const STATISTICS_TARGET = 20;

/**
 * PGlite runs no autovacuum: without statistics the planner believes the table is tiny and pages
 * through 100,000 rows with a sort instead of the (owner, key, id) indexes (ADR 007). ANALYZE
 * (seconds on a big table) runs only when the statistics know of fewer rows than this owner has.
 */
export async function refreshStatistics(ownerId: string): Promise<void> {
  const db = await getDb();
  // Both drivers (PGlite and node-postgres) answer with { rows }.
  const result = (await db.execute(
    sql`select reltuples::float8 as known from pg_class where oid = 'contacts'::regclass`,
  )) as unknown as { rows: { known: number }[] };
  const known = Number(result.rows[0]?.known ?? -1);
  if (known >= (await countContacts(ownerId))) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local default_statistics_target = ${STATISTICS_TARGET}`));
    await tx.execute(sql`analyze contacts`);
  });
}
