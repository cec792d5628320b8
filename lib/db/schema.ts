import { sql } from 'drizzle-orm';
import type { ContactFlag } from '../contacts/model';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
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
  /** The sync counter: bumped by every contact change, copied into contacts.revision. */
  syncRevision: bigint('sync_revision', { mode: 'number' }).notNull().default(0),
  /** Sync tokens below this are too old (tombstones pruned). */
  syncFloor: bigint('sync_floor', { mode: 'number' }).notNull().default(0),
  /** How names sort and show: 'first' (Ada Lovelace) or 'last' (Lovelace, Ada). */
  nameOrder: varchar('name_order', { length: 5 }).notNull().default('last'),
  /** The address book's name in sync clients (CardDAV displayname, PROPPATCH-able). */
  addressBookName: varchar('address_book_name', { length: 100 }).notNull().default('Contacts'),
  /** SHA-256 hex of the birthday calendar feed's secret; null = no feed. */
  calendarTokenHash: varchar('calendar_token_hash', { length: 64 }).unique(),
  /** Failed sign-ins (web and sync) since the last successful one: told at the next sign-in. */
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  /**
   * A verified address for password resets, lower-cased (one account per address); a new one
   * waits in email_tokens until its link is followed.
   */
  email: varchar('email', { length: 254 }).unique(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** The TOTP secret, encrypted with a key derived from SESSION_SECRET; null = no codes. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted: a code is usable once (RFC 6238 section 5.2). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** Bumped by every password change: a reset link minted before it is dead. */
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
    .notNull()
    .defaultNow(),
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
    /** When the user last proved who they are in this session (sign-in or re-authentication). */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/**
 * One row per failed sign-in, per username key, with where it came from: the throttle counts
 * them per (username, address), per known device and per username (lib/auth/throttle-rules.ts).
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    usernameKey: varchar('username_key', { length: 64 }).notNull(),
    clientAddress: varchar('client_address', { length: 64 }).notNull().default(''),
    /** The known-device cookie's id when one vouched for the attempt: its own failure budget. */
    deviceId: varchar('device_id', { length: 32 }),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_failures_key_time_idx').on(t.usernameKey, t.createdAt)],
);

/** Addresses the account signed in from: the owner's own places, spared the account-wide delay. */
export const signInAddresses = pgTable(
  'sign_in_addresses',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientAddress: varchar('client_address', { length: 64 }).notNull(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clientAddress] })],
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

/**
 * A password for one sync client (CardDAV over HTTP Basic), never the account password: random,
 * shown once, stored as SHA-256 (128+ random bits need no slow hash), revocable one by one.
 */
export const appPasswords = pgTable(
  'app_passwords',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the person called it: "iPhone", "Thunderbird at work". */
    name: varchar('name', { length: 64 }).notNull(),
    secretHash: varchar('secret_hash', { length: 64 }).notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** The client address of the last use, for the account page. */
    lastUsedFrom: varchar('last_used_from', { length: 64 }),
  },
  (t) => [index('app_passwords_user_idx').on(t.userId)],
);

/** The app's re-encoded rendition of a contact's photo (the card keeps what a client sent). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // --- the card: the source of truth (docs/plans/complete-cards.md §5.1) ---
    /** From the card, or generated (urn:uuid:…); unique per owner over live and trashed rows. */
    uid: varchar('uid', { length: 255 }).notNull(),
    /** The CardDAV resource name: the client's, or `${id}.vcf`. */
    href: varchar('href', { length: 255 }).notNull(),
    /** The vCard as stored (3.0 or 4.0, CRLF). */
    card: text('card').notNull().default(''),
    cardVersion: varchar('card_version', { length: 3 }).notNull().default('4.0'),
    /** SHA-256 hex of the card's UTF-8 bytes. */
    etag: varchar('etag', { length: 64 }).notNull().default(''),
    /** KIND:group cards are kept but not listed. */
    kind: varchar('kind', { length: 16 }).notNull().default('individual'),
    /** Bumped on every update: an edit made from an older version is refused (ADR 007). */
    version: integer('version').notNull().default(1),
    /** The owner's sync counter (users.sync_revision) at this row's last change. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
    // --- derived from the card by deriveColumns(); never written by hand ---
    /** DERIVED_VERSION when the columns below were derived; 0 = not yet (the data step's mark). */
    derivedVersion: smallint('derived_version').notNull().default(0),
    displayName: varchar('display_name', { length: 300 }).notNull().default(''),
    givenName: varchar('given_name', { length: 100 }).notNull().default(''),
    familyName: varchar('family_name', { length: 100 }).notNull().default(''),
    organization: varchar('organization', { length: 200 }).notNull().default(''),
    primaryEmail: varchar('primary_email', { length: 254 }).notNull().default(''),
    primaryPhone: varchar('primary_phone', { length: 64 }).notNull().default(''),
    /** A full date only (YYYY-MM-DD); a birthday without a year has only the month-day. */
    birthday: date('birthday', { mode: 'string' }),
    /** month * 100 + day, for "birthdays in the next 30 days" without scanning every row. */
    birthdayMonthDay: smallint('birthday_month_day'),
    /** CATEGORIES as label keys (folded), for the label filter. */
    labels: text('labels')
      .array()
      .notNull()
      .default(sql`'{}'`),
    favourite: boolean('favourite').notNull().default(false),
    /** The rendition's ETag in contact_photos; null = initials. */
    photoEtag: varchar('photo_etag', { length: 64 }),
    /** Folded "first last" and "last first": the two name orders. */
    sortFirst: varchar('sort_first', { length: 210 }).notNull().default(''),
    sortLast: varchar('sort_last', { length: 210 }).notNull().default(''),
    /** Folded names, nickname, organisation, emails and phone digits: what search matches. */
    searchText: text('search_text').notNull().default(''),
    /** Values kept although they did not pass a check ("phone '121' kept as typed"). */
    flags: jsonb('flags')
      .$type<ContactFlag[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while the contact is in Trash (purged 30 days later). */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    // --- the 8 fields before complete cards: read once by the data step (data-migrations/),
    // kept so nothing is lost if it fails; a later migration drops them. Never written. ---
    firstName: varchar('first_name', { length: 100 }).notNull().default(''),
    lastName: varchar('last_name', { length: 100 }).notNull().default(''),
    email: varchar('email', { length: 254 }).notNull().default(''),
    website: varchar('website', { length: 2048 }).notNull().default(''),
    workPhone: varchar('work_phone', { length: 40 }).notNull().default(''),
    homePhone: varchar('home_phone', { length: 40 }).notNull().default(''),
    mobilePhone: varchar('mobile_phone', { length: 40 }).notNull().default(''),
    notes: varchar('notes', { length: 5000 }).notNull().default(''),
  },
  (t) => {
    const live = sql`${t.deletedAt} is null`;
    return [
      uniqueIndex('contacts_owner_uid_key').on(t.ownerId, t.uid),
      uniqueIndex('contacts_owner_href_key').on(t.ownerId, t.href),
      index('contacts_owner_first_idx').on(t.ownerId, t.sortFirst, t.id).where(live),
      index('contacts_owner_last_idx').on(t.ownerId, t.sortLast, t.id).where(live),
      index('contacts_owner_created_idx').on(t.ownerId, t.createdAt, t.id).where(live),
      index('contacts_owner_birthday_idx').on(t.ownerId, t.birthday, t.id).where(live),
      // Upcoming birthdays read this index in order (month-day, then name): no sort of a month's
      // worth of rows.
      index('contacts_owner_birthday_md_idx')
        .on(t.ownerId, t.birthdayMonthDay, t.sortLast, t.id)
        .where(live),
      index('contacts_owner_fav_first_idx')
        .on(t.ownerId, t.sortFirst, t.id)
        .where(sql`${t.favourite} and ${t.deletedAt} is null`),
      index('contacts_owner_fav_last_idx')
        .on(t.ownerId, t.sortLast, t.id)
        .where(sql`${t.favourite} and ${t.deletedAt} is null`),
      index('contacts_owner_revision_idx').on(t.ownerId, t.revision),
      index('contacts_owner_trash_idx')
        .on(t.ownerId, t.deletedAt, t.id)
        .where(sql`${t.deletedAt} is not null`),
      index('contacts_labels_gin').using('gin', t.labels),
      index('contacts_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    ];
  },
);

/** The app's rendition of a contact's photo (≤ 512 px JPEG, metadata stripped). */
export const contactPhotos = pgTable('contact_photos', {
  contactId: uuid('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  ownerId: uuid('owner_id').notNull(),
  etag: varchar('etag', { length: 64 }).notNull(),
  mime: varchar('mime', { length: 32 }).notNull(),
  bytes: bytea('bytes').notNull(),
});

/** The owner's label list, empty labels included; cards' CATEGORIES stay the truth. */
export const labels = pgTable(
  'labels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    /** foldText(name): unique per owner, what contacts.labels holds. */
    key: varchar('key', { length: 100 }).notNull(),
  },
  (t) => [uniqueIndex('labels_owner_key').on(t.ownerId, t.key)],
);

/**
 * How many live contacts have each label, kept by a trigger on contacts (migration 0006): labels
 * change through every way a card is written (form, import, CardDAV, merge, trash, a label's
 * rename), and the list page shows the counts on every view, which a count per label over the
 * whole address book made cost O(contacts) (ADR 008). Zero rows stay; keys with no `labels` row
 * are ignored by readers.
 */
export const labelCounts = pgTable(
  'label_counts',
  {
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // text, not varchar(100): a card's category may fold longer than a label name, and a count
    // must never make a write fail.
    key: text('key').notNull(),
    live: integer('live').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.key] })],
);

/** A contact deleted forever or purged: what CardDAV sync reports as removed. */
export const contactTombstones = pgTable(
  'contact_tombstones',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    href: varchar('href', { length: 255 }).notNull(),
    uid: varchar('uid', { length: 255 }).notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contact_tombstones_owner_rev_idx').on(t.ownerId, t.revision)],
);

/** One-time data steps run after the SQL migrations (lib/db/data-migrations/). */
export const dataMigrations = pgTable('data_migrations', {
  name: varchar('name', { length: 100 }).primaryKey(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type Label = typeof labels.$inferSelect;
export type AppPassword = typeof appPasswords.$inferSelect;
