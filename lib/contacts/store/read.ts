import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, users } from '../../db/schema';
import { labelKey } from '../derive';
import { searchPatterns } from '../normalize';
import { monthDayOfDate } from '../next-birthday';
import { birthdayOrder } from './birthdays';
import { toStoredContact } from './card';
import { listColumns, liveOf, storedColumns } from './columns';
import { isContactId } from './ids';
import { getNameOrder } from './preferences';
import {
  PAGE_SIZE,
  type ContactListItem,
  type ContactPage,
  type ContactSort,
  type NameOrder,
  type StoredContact,
} from './types';

/**
 * Reading contacts. Every function takes the owner's id and filters by it in the WHERE: the data
 * layer is the security boundary (ADR 007), so no caller reaches another user's contact by id.
 */

/** One contact, or undefined (a malformed id, another owner's, a trashed one unless asked). */
export async function getContact(
  ownerId: string,
  id: string,
  { includeTrashed = false }: { includeTrashed?: boolean } = {},
): Promise<StoredContact | undefined> {
  if (!isContactId(id)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select(storedColumns)
    .from(contacts)
    .where(
      and(
        eq(contacts.ownerId, ownerId),
        eq(contacts.id, id),
        includeTrashed ? undefined : sql`${contacts.deletedAt} is null`,
      ),
    )
    .limit(1);
  return row ? toStoredContact(row) : undefined;
}

export const nameKey = (order: NameOrder) =>
  order === 'first' ? contacts.sortFirst : contacts.sortLast;

// Each order ends on the id, so equal keys keep one order from page to page; each matches a
// partial index on (owner_id, key, id) where deleted_at is null, except birthdays: by next
// occurrence from today, which no index holds.
function orderFor(sort: ContactSort, order: NameOrder, today = new Date()): SQL[] {
  if (sort === 'birthday') return birthdayOrder(today);
  if (sort === 'added') return [desc(contacts.createdAt), desc(contacts.id)];
  return [asc(nameKey(order)), asc(contacts.id)];
}

export interface ListOptions {
  q?: string;
  sort?: ContactSort;
  page?: number;
  /** A label's key or name: only contacts with that label. */
  label?: string;
  favourites?: boolean;
  /** Name sort order; the owner's saved choice when not given. */
  nameOrder?: NameOrder;
  /** "Today" for the birthday order (the visitor's date); now's UTC date when not given. */
  today?: Date;
}

const pageOf = (rows: ContactListItem[], page: number): ContactPage => ({
  contacts: rows.slice(0, PAGE_SIZE),
  page,
  hasPrevious: page > 1,
  hasNext: rows.length > PAGE_SIZE,
});

export type ListFilter = Pick<ListOptions, 'q' | 'label' | 'favourites'>;

/** The WHERE terms of a search and the label and favourites filters (none: every contact). */
export function listFilters({ q = '', label, favourites = false }: ListFilter): SQL[] {
  return [
    ...searchPatterns(q).map((p) => sql`${contacts.searchText} like ${p}`),
    label ? sql`${contacts.labels} @> array[${labelKey(label)}]::text[]` : undefined,
    favourites ? eq(contacts.favourite, true) : undefined,
  ].filter((f): f is SQL => f !== undefined);
}

/** One page of the owner's live contacts, optionally filtered, in a stable order. */
export async function listContacts(
  ownerId: string,
  options: ListOptions = {},
): Promise<ContactPage> {
  const { q = '', sort = 'name', label, favourites = false } = options;
  const page = Math.max(1, Math.floor(options.page ?? 1)) || 1;
  const nameOrder = options.nameOrder ?? (await getNameOrder(ownerId));
  const filters = listFilters({ q, label, favourites });
  const db = await getDb();
  const start = (page - 1) * PAGE_SIZE;
  if (filters.length > 0 || sort !== 'name') {
    const rows = await db
      .select(listColumns)
      .from(contacts)
      .where(liveOf(ownerId, ...filters))
      .orderBy(...orderFor(sort, nameOrder, options.today))
      // One row more than a page tells whether there is a next page, without counting.
      .limit(PAGE_SIZE + 1)
      .offset(start);
    return pageOf(rows, page);
  }
  // Favourites first, then everyone else, each by name: two index scans instead of sorting the
  // whole book on (favourite, name), which no index could serve.
  const order = orderFor('name', nameOrder);
  const favouritesOnly = liveOf(ownerId, eq(contacts.favourite, true));
  const favs = await db
    .select(listColumns)
    .from(contacts)
    .where(favouritesOnly)
    .orderBy(...order)
    .limit(PAGE_SIZE + 1)
    .offset(start);
  if (favs.length > PAGE_SIZE) return pageOf(favs, page);
  // Where the others start: known from this page when it holds favourites; counted only on a page
  // past them all (a count of every favourite on each view cost O(favourites)).
  const favouriteCount =
    favs.length > 0 || start === 0
      ? start + favs.length
      : ((
          await db
            .select({ count: sql<number>`count(*)::int` })
            .from(contacts)
            .where(favouritesOnly)
        )[0]?.count ?? 0);
  const others = await db
    .select(listColumns)
    .from(contacts)
    .where(liveOf(ownerId, eq(contacts.favourite, false)))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1 - favs.length)
    .offset(Math.max(0, start - favouriteCount));
  return pageOf([...favs, ...others], page);
}

/** How many live contacts the owner has, from the counter kept with every change. */
export async function countContacts(ownerId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: users.contactCount })
    .from(users)
    .where(eq(users.id, ownerId));
  return row?.count ?? 0;
}

/** Live contacts whose birthday falls within `days` days from `today` (inclusive), soonest first. */
export async function listUpcomingBirthdays(
  ownerId: string,
  {
    today = new Date(),
    days = 30,
    limit = 10,
  }: { today?: Date; days?: number; limit?: number } = {},
): Promise<ContactListItem[]> {
  const start = monthDayOfDate(today);
  const end = monthDayOfDate(new Date(today.getTime() + days * 86_400_000));
  const md = contacts.birthdayMonthDay;
  const db = await getDb();
  // Each range is one ordered walk of (owner, month-day, name, id); late December looks into
  // January, so the range wraps around the new year as a second walk.
  const range = (from: number, to: number, max: number) =>
    db
      .select(listColumns)
      .from(contacts)
      .where(liveOf(ownerId, sql`${md} between ${from} and ${to}`))
      .orderBy(md, contacts.sortLast, contacts.id)
      .limit(max);
  const wraps = start > end;
  const first = await range(start, wraps ? 1231 : end, limit);
  if (!wraps || first.length >= limit) return first;
  return [...first, ...(await range(101, end, limit - first.length))];
}

/** The owner's most recently added live contacts. */
export async function listRecentContacts(ownerId: string, limit = 5): Promise<ContactListItem[]> {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(contacts)
    .where(liveOf(ownerId))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
}

/** The owner's favourites, by name in the owner's name order. */
export async function listFavourites(ownerId: string, limit = 10): Promise<ContactListItem[]> {
  const order = await getNameOrder(ownerId);
  const db = await getDb();
  return db
    .select(listColumns)
    .from(contacts)
    .where(liveOf(ownerId, eq(contacts.favourite, true)))
    .orderBy(...orderFor('name', order))
    .limit(limit);
}

/**
 * Every live contact of the owner, oldest first, a batch at a time (exports of any size). The
 * order of addition follows the table's physical order; an import of the export keeps it.
 */
export async function* iterateCards(
  ownerId: string,
  batchSize = 500,
): AsyncGenerator<StoredContact> {
  const db = await getDb();
  // The cursor's time as text: a JavaScript Date would drop the microseconds.
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const batch = await db
      .select({ ...storedColumns, cursor: sql<string>`${contacts.createdAt}::text` })
      .from(contacts)
      .where(
        liveOf(
          ownerId,
          after
            ? sql`(${contacts.createdAt}, ${contacts.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(batchSize);
    for (const row of batch) yield toStoredContact(row);
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { createdAt: last.cursor, id: last.id };
  }
}
