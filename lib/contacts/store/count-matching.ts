import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, labelCounts } from '../../db/schema';
import { labelKey } from '../derive';
import { searchPatterns } from '../normalize';
import { liveOf } from './columns';
import { countContacts, listFilters, type ListFilter } from './read';

/**
 * How many live contacts match a search and filters, for "42 contacts match" and "Page 2 of 12".
 * Unfiltered it is the kept counter, and a label alone its kept count; anything else costs a scan
 * of the owner's rows, as the page does.
 */
export async function countMatchingContacts(ownerId: string, filter: ListFilter): Promise<number> {
  return (await countMatching(ownerId, filter, undefined)).count;
}

/**
 * The same count, but a scan stops after `atMost` + 1 matches (`complete: false`): a two-letter
 * search matches most of a big book, and counting all of it cost eight times the page's own
 * query at 100,000 contacts. The kept counts are exact at any size.
 */
export function countMatchingUpTo(
  ownerId: string,
  filter: ListFilter,
  atMost: number,
): Promise<{ count: number; complete: boolean }> {
  return countMatching(ownerId, filter, atMost);
}

async function countMatching(
  ownerId: string,
  filter: ListFilter,
  atMost: number | undefined,
): Promise<{ count: number; complete: boolean }> {
  const filters = listFilters(filter);
  if (filters.length === 0) return { count: await countContacts(ownerId), complete: true };
  const searching = searchPatterns(filter.q ?? '').length > 0;
  if (filter.label && !searching && !filter.favourites) {
    return { count: await countLabelled(ownerId, labelKey(filter.label)), complete: true };
  }
  const db = await getDb();
  const where = liveOf(ownerId, ...filters);
  if (atMost === undefined) {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(contacts)
      .where(where);
    return { count: row?.count ?? 0, complete: true };
  }
  const matching = db
    .select({ one: sql`1`.as('one') })
    .from(contacts)
    .where(where)
    .limit(atMost + 1)
    .as('matching');
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  const count = row?.count ?? 0;
  return count > atMost ? { count: atMost, complete: false } : { count, complete: true };
}

/** How many live contacts have the label `key`, from the count the database keeps. */
async function countLabelled(ownerId: string, key: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: labelCounts.live })
    .from(labelCounts)
    .where(and(eq(labelCounts.ownerId, ownerId), eq(labelCounts.key, key)));
  return row?.count ?? 0;
}
