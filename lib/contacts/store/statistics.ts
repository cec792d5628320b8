import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { countContacts } from './read';

/** Imports at least this large refresh the planner's statistics. */
export const ANALYZE_AFTER = 1000;

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
  if (known < (await countContacts(ownerId))) await db.execute(sql`analyze contacts`);
}
