import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { applyImport } from './index';
import { ANALYZE_AFTER } from './statistics';
import { newOwner, person } from './test-helpers';

type Rows<R> = { rows: R[] };

describe('the statistics an import of 1,000 cards or more refreshes', () => {
  it('tell the planner how many rows there are, from a small sample, and leave the setting as it was', async () => {
    const owner = await newOwner('statistics');
    const cards = Array.from({ length: ANALYZE_AFTER }, (_, i) => ({
      model: person({ uid: `s${i}`, given: `Given${String(i).padStart(4, '0')}` }),
      rest: null,
      flags: [],
      photo: null,
    }));
    await applyImport(owner, cards);

    const db = await getDb();
    const [table] = (
      (await db.execute(
        sql`select reltuples::float8 as known from pg_class where oid = 'contacts'::regclass`,
      )) as unknown as Rows<{ known: number }>
    ).rows;
    expect(table!.known).toBeGreaterThanOrEqual(ANALYZE_AFTER);
    // A thousand distinct names: PostgreSQL's default target (100) makes 101 histogram bounds,
    // the import's target (20) at most 21 (it reads 300 rows per unit of target).
    const [column] = (
      (await db.execute(
        sql`select array_length(histogram_bounds, 1) as bounds from pg_stats
            where tablename = 'contacts' and attname = 'given_name'`,
      )) as unknown as Rows<{ bounds: number }>
    ).rows;
    expect(column!.bounds).toBeGreaterThan(1);
    expect(column!.bounds).toBeLessThanOrEqual(21);
    const [setting] = (
      (await db.execute(sql`show default_statistics_target`)) as unknown as Rows<{
        default_statistics_target: string;
      }>
    ).rows;
    expect(setting!.default_statistics_target).toBe('100');
  });
});
