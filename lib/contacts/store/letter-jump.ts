import 'server-only';
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts } from '../../db/schema';
import { liveOf } from './columns';
import { listFilters, nameKey, type ListFilter } from './read';
import type { NameOrder } from './types';

/** Where an A–Z jump lands: the row's place in the list (0-based) and its sort key. */
interface LetterJump {
  index: number;
  key: string;
}

/**
 * The first contact filed at or after `letter` ("A"–"Z"; "#" for a name that starts with no
 * letter a–z), in the list's own name order, and its place in that order: the page it is on
 * follows. The unfiltered list shows favourites first, then everyone by name (listContacts), so
 * there the jump goes into the "everyone" part, after the favourites. Null: nobody that late.
 */
export async function findLetterJump(
  ownerId: string,
  filter: ListFilter,
  order: NameOrder,
  letter: string,
): Promise<LetterJump | null> {
  const key = nameKey(order);
  const filters = listFilters(filter);
  const section = filters.length > 0 ? filters : [eq(contacts.favourite, false)];
  const target: SQL =
    letter === '#' ? sql`${key} !~ '^[a-z]'` : sql`${key} >= ${letter.toLowerCase()}`;
  const db = await getDb();
  const [first] = await db
    .select({ key, id: contacts.id })
    .from(contacts)
    .where(liveOf(ownerId, ...section, target))
    .orderBy(asc(key), asc(contacts.id))
    .limit(1);
  if (!first) return null;
  // Rows before it in the same order: a smaller key, or the same key and a smaller id.
  const before = or(
    sql`${key} < ${first.key}`,
    and(eq(key, first.key), sql`${contacts.id} < ${first.id}`),
  );
  const [{ count } = { count: 0 }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(liveOf(ownerId, ...section, before));
  const favourites =
    filters.length > 0
      ? 0
      : ((
          await db
            .select({ count: sql<number>`count(*)::int` })
            .from(contacts)
            .where(liveOf(ownerId, eq(contacts.favourite, true)))
        )[0]?.count ?? 0);
  return { index: favourites + count, key: first.key };
}
