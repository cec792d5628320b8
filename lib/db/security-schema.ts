import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  pgTable,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './schema';

/**
 * The tables of sign-in security (issue 15): passkeys, their challenges, recovery codes, mailed
 * tokens and the security log. Apart from schema.ts only to keep each file readable; drizzle.config.ts
 * and lib/db/client.ts load both.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const owner = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/** A WebAuthn credential (a passkey); several per account. */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: owner(),
    /** The credential id, base64url, as the authenticator gave it. */
    credentialId: varchar('credential_id', { length: 1400 }).notNull().unique(),
    publicKey: bytea('public_key').notNull(),
    /** The signature counter last seen: a lower or equal one (when not 0) means a cloned key. */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    /** JSON array of AuthenticatorTransport, for allowCredentials hints. */
    transports: varchar('transports', { length: 200 }).notNull().default('[]'),
    deviceType: varchar('device_type', { length: 16 }).notNull().default('singleDevice'),
    backedUp: boolean('backed_up').notNull().default(false),
    /** What the person called it: "MacBook Touch ID", "YubiKey". */
    name: varchar('name', { length: 64 }).notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/** Server-side WebAuthn challenges: single use (deleted when taken), short-lived. */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    /** SHA-256 hex of the random id kept in the browser's short-lived cookie. */
    id: varchar('id', { length: 64 }).primaryKey(),
    /** Null for a sign-in with a discoverable credential (no username asked). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** 'register' | 'sign-in' | 'reauthenticate'. */
    purpose: varchar('purpose', { length: 16 }).notNull(),
    challenge: varchar('challenge', { length: 128 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('webauthn_challenges_expires_idx').on(t.expiresAt)],
);

/** Ten single-use recovery codes per account, stored as SHA-256 (they are random, 50+ bits). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: owner(),
    codeHash: varchar('code_hash', { length: 64 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Links sent by mail or printed by the operator: 256-bit tokens stored as SHA-256, single use. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    userId: owner(),
    /** 'verify-email' | 'reset-password'. */
    purpose: varchar('purpose', { length: 16 }).notNull(),
    /** The address being verified (verify-email only). */
    email: varchar('email', { length: 254 }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_user_idx').on(t.userId, t.createdAt)],
);

/** What happened to an account's security, for its owner on /account; kept 90 days. */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: owner(),
    /** One of SecurityEventKind (lib/auth/security-log.ts). */
    kind: varchar('kind', { length: 40 }).notNull(),
    /** Short text for the owner: a passkey's name, "3 failed attempts", "iPhone". */
    detail: varchar('detail', { length: 200 }).notNull().default(''),
    clientAddress: varchar('client_address', { length: 64 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 256 }).notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('security_events_user_time_idx').on(t.userId, t.createdAt)],
);

export type Passkey = typeof passkeys.$inferSelect;
export type SecurityEvent = typeof securityEvents.$inferSelect;
