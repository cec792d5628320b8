import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** As the user typed it, for display. */
  username: varchar('username', { length: 32 }).notNull(),
  /** NFKC + lower case: the uniqueness key. */
  usernameKey: varchar('username_key', { length: 64 }).notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** Kept in step with inserts and deletes so the contacts page never counts 100,000 rows. */
  contactCount: integer('contact_count').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token in the cookie: a leaked table does not yield live sessions. */
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end of the session. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    idleTimeoutSeconds: integer('idle_timeout_seconds').notNull(),
    remember: boolean('remember').notNull().default(false),
    userAgent: varchar('user_agent', { length: 256 }).notNull().default(''),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** One row per failed sign-in, per username key: the account throttle. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    usernameKey: varchar('username_key', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_failures_key_time_idx').on(t.usernameKey, t.createdAt)],
);

/** One row per sign-in or registration attempt, per client address: the address throttle. */
export const clientAttempts = pgTable(
  'client_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    clientAddress: varchar('client_address', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('client_attempts_address_time_idx').on(t.clientAddress, t.createdAt)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstName: varchar('first_name', { length: 100 }).notNull().default(''),
    lastName: varchar('last_name', { length: 100 }).notNull().default(''),
    birthday: date('birthday', { mode: 'string' }),
    /** month * 100 + day, for "birthdays in the next 30 days" without scanning every row. */
    birthdayMonthDay: smallint('birthday_month_day'),
    email: varchar('email', { length: 254 }).notNull().default(''),
    website: varchar('website', { length: 2048 }).notNull().default(''),
    workPhone: varchar('work_phone', { length: 40 }).notNull().default(''),
    homePhone: varchar('home_phone', { length: 40 }).notNull().default(''),
    mobilePhone: varchar('mobile_phone', { length: 40 }).notNull().default(''),
    notes: varchar('notes', { length: 5000 }).notNull().default(''),
    /** Lower case, accents removed, "last first": the name sort order. */
    nameSort: varchar('name_sort', { length: 210 }).notNull().default(''),
    /** Lower case, accents removed, names, email and phone digits: what search matches. */
    searchText: text('search_text').notNull().default(''),
    /** Bumped on every update: an edit made from an older version is refused. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contacts_owner_name_idx').on(t.ownerId, t.nameSort, t.id),
    index('contacts_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('contacts_owner_birthday_idx').on(t.ownerId, t.birthday, t.id),
    index('contacts_owner_birthday_md_idx').on(t.ownerId, t.birthdayMonthDay),
    index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
