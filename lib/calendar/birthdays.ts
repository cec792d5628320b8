import 'server-only';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '../db/client';
import { contacts } from '../db/schema';

/** One contact's birthday, as the feed needs it. */
export interface BirthdayRow {
  id: string;
  displayName: string;
  /** YYYY-MM-DD when the year is known, else null. */
  birthday: string | null;
  /** month * 100 + day, set with or without a year. */
  birthdayMonthDay: number;
  updatedAt: Date;
}

/** As many events as an account can hold contacts (the import's cap): the feed stays bounded. */
const FEED_MAX_EVENTS = 20_000;

/**
 * The owner's live (not trashed) contacts that have a birthday, by month-day then name: one walk
 * of the partial index (owner, birthday_month_day, sort_last, id) where deleted_at is null, capped.
 */
export async function listBirthdays(
  ownerId: string,
  limit = FEED_MAX_EVENTS,
): Promise<BirthdayRow[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: contacts.id,
      displayName: contacts.displayName,
      birthday: contacts.birthday,
      birthdayMonthDay: contacts.birthdayMonthDay,
      updatedAt: contacts.updatedAt,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.ownerId, ownerId),
        isNull(contacts.deletedAt),
        isNotNull(contacts.birthdayMonthDay),
      ),
    )
    .orderBy(asc(contacts.birthdayMonthDay), asc(contacts.sortLast), asc(contacts.id))
    .limit(Math.max(0, Math.min(limit, FEED_MAX_EVENTS)));
  // birthday_month_day is not null by the WHERE; the type cannot know it.
  return rows.map((row) => ({ ...row, birthdayMonthDay: row.birthdayMonthDay ?? 0 }));
}
