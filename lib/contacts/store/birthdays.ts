import 'server-only';
import { asc, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts } from '../../db/schema';
import { monthDayOfDate } from '../next-birthday';
import { listColumns, liveOf } from './columns';
import { PAGE_SIZE, type ContactListItem } from './types';

/**
 * Birthdays in the order they come round. Owner-scoped like every read (ADR 007). "Today" is the
 * UTC date (see lib/contacts/next-birthday.ts, which also explains why 29 February sorts right).
 */

const md = contacts.birthdayMonthDay;

/**
 * ORDER BY next occurrence from `today`: the rest of this year's month-days, then next year's,
 * each by month-day and name; contacts without a birthday last. The split defeats an ordered
 * index walk, so the owner's birthdays are sorted: cheap for an address book, and no row's card
 * is read.
 */
export function birthdayOrder(today: Date): SQL[] {
  return [
    sql`${md} is null`,
    sql`${md} < ${monthDayOfDate(today)}`,
    asc(md),
    asc(contacts.sortLast),
    asc(contacts.id),
  ];
}

export interface BirthdayPage {
  contacts: ContactListItem[];
  page: number;
  /** At least 1, so an empty list is "page 1 of 1". */
  pageCount: number;
  total: number;
}

/** One page (25) of the owner's live contacts with a birthday, the next to come first. */
export async function listBirthdays(
  ownerId: string,
  { today = new Date(), page = 1 }: { today?: Date; page?: number } = {},
): Promise<BirthdayPage> {
  const db = await getDb();
  const withBirthday = liveOf(ownerId, sql`${md} is not null`);
  const [[{ total } = { total: 0 }], rows] = await Promise.all([
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(contacts)
      .where(withBirthday),
    db
      .select(listColumns)
      .from(contacts)
      .where(withBirthday)
      .orderBy(...birthdayOrder(today))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
  ]);
  return { contacts: rows, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), total };
}

/** How many live contacts have a birthday within `days` days from `today` (inclusive). */
export async function countUpcomingBirthdays(
  ownerId: string,
  { today = new Date(), days = 30 }: { today?: Date; days?: number } = {},
): Promise<number> {
  const start = monthDayOfDate(today);
  const end = monthDayOfDate(new Date(today.getTime() + days * 86_400_000));
  // Late December looks into January: the range wraps round the new year.
  const inRange =
    start <= end
      ? sql`${md} between ${start} and ${end}`
      : sql`(${md} >= ${start} or ${md} <= ${end})`;
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(contacts)
    .where(liveOf(ownerId, inRange));
  return row?.count ?? 0;
}
