import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { getDb } from '../db/client';
import { contacts, users, type Contact } from '../db/schema';
import { nameSortKey, searchPatterns, searchTextFor } from './normalize';
import { isContactId, type ContactInput } from './validation';

/**
 * The contacts data layer and its security boundary: every function takes the owner's id and
 * filters by it in the WHERE, so no caller can reach another user's contacts by id.
 */

export const PAGE_SIZE = 25;
export const CONTACT_SORTS = ['name', 'birthday', 'added'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
/** Rows per INSERT in an import: 14 parameters each stays far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;
/** Imports at least this large refresh the planner's statistics. */
const ANALYZE_AFTER = 1000;

/** The other spellings of a stored phone number whose digits search should match too. */
function phoneSpellings(stored: string): string[] {
  if (!stored) return [];
  const national = parsePhoneNumberFromString(stored)?.formatNational();
  return national ? [stored, national] : [stored];
}

/** The columns derived from the fields: sort key and search text. */
function derived(input: ContactInput) {
  return {
    nameSort: nameSortKey(input.firstName, input.lastName),
    searchText: searchTextFor({
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phones: [input.workPhone, input.homePhone, input.mobilePhone].flatMap(phoneSpellings),
    }),
  };
}

export async function getContact(ownerId: string, id: string): Promise<Contact | undefined> {
  if (!isContactId(id)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, id)))
    .limit(1);
  return row;
}

const listColumns = {
  id: contacts.id,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  email: contacts.email,
  workPhone: contacts.workPhone,
  homePhone: contacts.homePhone,
  mobilePhone: contacts.mobilePhone,
  birthday: contacts.birthday,
  birthdayMonthDay: contacts.birthdayMonthDay,
  createdAt: contacts.createdAt,
};
export type ContactSummary = Pick<Contact, keyof typeof listColumns>;

function orderFor(sort: ContactSort): SQL[] {
  // Each order ends on the id, so equal keys keep one order from page to page; each matches an
  // index on (owner_id, key, id).
  if (sort === 'birthday') return [sql`${contacts.birthday} asc nulls last`, asc(contacts.id)];
  if (sort === 'added') return [desc(contacts.createdAt), desc(contacts.id)];
  return [asc(contacts.nameSort), asc(contacts.id)];
}

export interface ContactPage {
  contacts: ContactSummary[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** One page of the owner's contacts, optionally matching a search, in a stable order. */
export async function listContacts(
  ownerId: string,
  { q = '', sort = 'name', page = 1 }: { q?: string; sort?: ContactSort; page?: number } = {},
): Promise<ContactPage> {
  const db = await getDb();
  const matches = searchPatterns(q).map((p) => sql`${contacts.searchText} like ${p}`);
  const rows = await db
    .select(listColumns)
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), ...matches))
    .orderBy(...orderFor(sort))
    // One row more than a page tells whether there is a next page, without counting.
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return {
    contacts: rows.slice(0, PAGE_SIZE),
    page,
    hasPrevious: page > 1,
    hasNext: rows.length > PAGE_SIZE,
  };
}

/** How many contacts the owner has, from the counter kept with every insert and delete. */
export async function countContacts(ownerId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: users.contactCount })
    .from(users)
    .where(eq(users.id, ownerId));
  return row?.count ?? 0;
}

const monthDay = (d: Date) => (d.getUTCMonth() + 1) * 100 + d.getUTCDate();

/** Contacts whose birthday falls within `days` days from `today` (inclusive), soonest first. */
export async function listUpcomingBirthdays(
  ownerId: string,
  {
    today = new Date(),
    days = 30,
    limit = 10,
  }: { today?: Date; days?: number; limit?: number } = {},
): Promise<ContactSummary[]> {
  const start = monthDay(today);
  const end = monthDay(new Date(today.getTime() + days * 86_400_000));
  const md = contacts.birthdayMonthDay;
  // Late December looks into January: the range wraps around the new year.
  const inRange =
    start <= end
      ? sql`${md} between ${start} and ${end}`
      : sql`(${md} >= ${start} or ${md} <= ${end})`;
  const db = await getDb();
  return db
    .select(listColumns)
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), inRange))
    .orderBy(sql`case when ${md} >= ${start} then 0 else 1 end`, md, contacts.nameSort, contacts.id)
    .limit(limit);
}

/** The owner's most recently added contacts. */
export async function listRecentContacts(ownerId: string, limit = 5): Promise<ContactSummary[]> {
  const db = await getDb();
  return db
    .select(listColumns)
    .from(contacts)
    .where(eq(contacts.ownerId, ownerId))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(limit);
}

/** Adds a contact and counts it, in one transaction. */
export async function createContact(ownerId: string, input: ContactInput): Promise<Contact> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, ...derived(input), ownerId })
      .returning();
    await tx
      .update(users)
      .set({ contactCount: sql`${users.contactCount} + 1` })
      .where(eq(users.id, ownerId));
    return row!;
  });
}

export type UpdateResult =
  | { status: 'saved'; contact: Contact }
  | { status: 'conflict'; current: Contact }
  | { status: 'not-found' };

/**
 * Saves an edit made from `version`. Refused (nothing written) when the contact changed since:
 * the caller gets the current contact to show.
 */
export async function updateContact(
  ownerId: string,
  id: string,
  version: number,
  input: ContactInput,
): Promise<UpdateResult> {
  if (!isContactId(id)) return { status: 'not-found' };
  const db = await getDb();
  const [row] = await db
    .update(contacts)
    .set({
      ...input,
      ...derived(input),
      version: sql`${contacts.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(contacts.id, id), eq(contacts.ownerId, ownerId), eq(contacts.version, version)))
    .returning();
  if (row) return { status: 'saved', contact: row };
  const current = await getContact(ownerId, id);
  return current ? { status: 'conflict', current } : { status: 'not-found' };
}

/** Deletes a contact and uncounts it; false when the owner has no such contact. */
export async function deleteContact(ownerId: string, id: string): Promise<boolean> {
  if (!isContactId(id)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(contacts)
      .where(and(eq(contacts.id, id), eq(contacts.ownerId, ownerId)))
      .returning({ id: contacts.id });
    if (deleted.length === 0) return false;
    await tx
      .update(users)
      .set({ contactCount: sql`${users.contactCount} - 1` })
      .where(eq(users.id, ownerId));
    return true;
  });
}

/**
 * Adds many contacts in one transaction (all or nothing), in multi-row batches. They are dated a
 * millisecond apart, ending now, so "date added" keeps the order of the file.
 */
export async function importContacts(ownerId: string, inputs: ContactInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const db = await getDb();
  const end = Date.now();
  await db.transaction(async (tx) => {
    for (let start = 0; start < inputs.length; start += INSERT_BATCH) {
      const rows = inputs.slice(start, start + INSERT_BATCH).map((input, i) => ({
        ...input,
        ...derived(input),
        ownerId,
        createdAt: new Date(end - (inputs.length - 1 - (start + i))),
      }));
      await tx.insert(contacts).values(rows);
    }
    await tx
      .update(users)
      .set({ contactCount: sql`${users.contactCount} + ${inputs.length}` })
      .where(eq(users.id, ownerId));
  });
  if (inputs.length >= ANALYZE_AFTER) await refreshStatistics(ownerId);
  return inputs.length;
}

/**
 * PGlite runs no autovacuum: without statistics the planner believes the table is tiny and pages
 * through 100,000 rows with a sort instead of the (owner, key, id) indexes. ANALYZE (seconds on a
 * big table) runs only when the statistics know of fewer rows than this owner alone has.
 */
async function refreshStatistics(ownerId: string): Promise<void> {
  const db = await getDb();
  // Both drivers (PGlite and node-postgres) answer with { rows }.
  const result = (await db.execute(
    sql`select reltuples::float8 as known from pg_class where oid = 'contacts'::regclass`,
  )) as unknown as { rows: { known: number }[] };
  const known = Number(result.rows[0]?.known ?? -1);
  if (known < (await countContacts(ownerId))) await db.execute(sql`analyze contacts`);
}

/**
 * Every contact of the owner, oldest first, a batch at a time (for exports of any size). The
 * order of addition follows the table's physical order, which reads several times faster than
 * name order on a large book; an import of the export keeps the order.
 */
export async function* iterateContacts(ownerId: string, batchSize = 2000): AsyncGenerator<Contact> {
  const db = await getDb();
  // The cursor's time as text: a JavaScript Date would drop the microseconds.
  let after: { createdAt: string; id: string } | undefined;
  for (;;) {
    const batch = await db
      .select({ contact: contacts, cursor: sql<string>`${contacts.createdAt}::text` })
      .from(contacts)
      .where(
        and(
          eq(contacts.ownerId, ownerId),
          after
            ? sql`(${contacts.createdAt}, ${contacts.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(batchSize);
    for (const row of batch) yield row.contact;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    after = { createdAt: last.cursor, id: last.contact.id };
  }
}
