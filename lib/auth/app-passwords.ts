import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { appPasswords, clientAttempts, signInFailures, users } from '../db/schema';
import { allowClientAttempt, checkAttempt, recordSignInFailure } from './throttle';
import { usernameKey } from './username';

/**
 * App passwords: one random secret per sync client (CardDAV over HTTP Basic), so the account
 * password never sits in a phone's settings and one lost device can be cut off alone.
 *
 * A secret is 30 symbols of base32 (150 bits from crypto.randomBytes), shown once in six groups
 * of five. Only its SHA-256 is stored: a fast hash is right for 150 random bits (nothing to
 * brute-force), and an argon2 per DAV request would make a 1,000-card sync take minutes.
 */
export const APP_PASSWORD_NAME_MAX = 64;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const SECRET_LENGTH = 30;
const GROUP = 5;
/** What a normalised secret must look like; anything else cannot match and skips the lookup. */
const SECRET_SHAPE = new RegExp(`^[${ALPHABET}]{${SECRET_LENGTH}}$`);
/** last_used_at is written at most this often: a sync is hundreds of requests. */
const LAST_USED_EVERY_MS = 60_000;

/** Dashes and whitespace (people copy the grouped form, apps may add spaces) go; case folds. */
function normalise(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toLowerCase();
}

/** SHA-256 hex of the normalised secret: what `secret_hash` holds. */
export const hashAppPassword = (typed: string): string =>
  crypto.createHash('sha256').update(normalise(typed), 'utf8').digest('hex');

function newSecret(): string {
  // 256 is a multiple of 32, so `byte & 31` picks every symbol with the same probability.
  const symbols = [...crypto.randomBytes(SECRET_LENGTH)].map((b) => ALPHABET[b & 31]!).join('');
  const groups: string[] = [];
  for (let i = 0; i < SECRET_LENGTH; i += GROUP) groups.push(symbols.slice(i, i + GROUP));
  return groups.join('-');
}

/** A new app password for the user; the secret is returned here once and never stored. */
export async function createAppPassword(
  userId: string,
  name: string,
): Promise<{ id: string; name: string; secret: string }> {
  const cleanName = name.trim();
  if (!cleanName || [...cleanName].length > APP_PASSWORD_NAME_MAX) {
    throw new Error(`An app password's name must be 1 to ${APP_PASSWORD_NAME_MAX} characters.`);
  }
  const secret = newSecret();
  const [row] = await (
    await getDb()
  )
    .insert(appPasswords)
    .values({ userId, name: cleanName, secretHash: hashAppPassword(secret) })
    .returning({ id: appPasswords.id, name: appPasswords.name });
  return { id: row!.id, name: row!.name, secret };
}

export interface AppPasswordSummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
}

/** The user's app passwords, newest first (never their hashes). */
export async function listAppPasswords(userId: string): Promise<AppPasswordSummary[]> {
  return (await getDb())
    .select({
      id: appPasswords.id,
      name: appPasswords.name,
      createdAt: appPasswords.createdAt,
      lastUsedAt: appPasswords.lastUsedAt,
      lastUsedFrom: appPasswords.lastUsedFrom,
    })
    .from(appPasswords)
    .where(eq(appPasswords.userId, userId))
    .orderBy(desc(appPasswords.createdAt), desc(appPasswords.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Revokes one of the user's app passwords: its name, or null when it was not theirs or already gone. */
export async function revokeAppPassword(userId: string, id: string): Promise<string | null> {
  // A malformed id would be a database error on a uuid column; it names nothing, so: null.
  if (!UUID.test(id)) return null;
  const gone = await (
    await getDb()
  )
    .delete(appPasswords)
    .where(and(eq(appPasswords.id, id), eq(appPasswords.userId, userId)))
    .returning({ name: appPasswords.name });
  return gone[0]?.name ?? null;
}

/** Revokes every app password of the user; returns how many there were. */
export async function revokeAllAppPasswords(userId: string): Promise<number> {
  const gone = await (
    await getDb()
  )
    .delete(appPasswords)
    .where(eq(appPasswords.userId, userId))
    .returning({ id: appPasswords.id });
  return gone.length;
}

export type BasicAuthResult =
  | { ok: true; userId: string; username: string; usernameKey: string; appPasswordId: string }
  | { ok: false; reason: 'invalid' | 'throttled'; retryAt?: Date };

/** Longer than any username can be (32 characters): refused before any hashing or lookup. */
const USERNAME_INPUT_MAX = 64;

/**
 * HTTP Basic for CardDAV: the account's username and one of its app passwords, never the
 * account password (its hash is not even read). It shares the sign-in throttle's model
 * (docs/decisions/014-sign-in-throttling.md):
 * - a (username, address) pair over its failure limit is refused every request, the right
 *   secret included, and is checked first, so a guess made while locked is never evaluated;
 * - there is no account-wide delay here: a secret of 150 random bits needs none, and one would
 *   let a stranger stop the owner's phone from syncing. Failures still count towards the
 *   account-wide delay of web sign-in and the "failed attempts since your last visit" notice;
 * - every failure counts towards the client address's per-minute limit, exactly as a failed
 *   sign-in does; an address over its limit is told 'throttled'.
 * Successes are not counted per address: a sync is hundreds of requests a minute. But an address
 * over its limit is refused even the right secret, as a sign-in is, so spraying guesses over
 * many accounts from one address stops there. Successes clear no failures (unlike sign-in): a
 * phone syncing every minute would otherwise reset an attacker's count.
 * On success: one indexed query (the secret joined to its user, with both throttles' counts),
 * plus a write to last_used_at at most once a minute. `now` is a parameter for tests.
 */
export async function verifyBasicCredentials(
  username: string,
  password: string,
  clientAddress: string,
  now = new Date(),
): Promise<BasicAuthResult> {
  const address = clientAddress.slice(0, 64);
  const key = username.length <= USERNAME_INPUT_MAX ? usernameKey(username) : '';
  if (!key || key.length > USERNAME_INPUT_MAX) return failure(null, address, now);

  // The account password (or anything else not shaped like a secret) cannot match: no lookup.
  const normalised = password.length <= 200 ? normalise(password) : '';
  if (!SECRET_SHAPE.test(normalised)) return refuse(key, address, now);

  // One round trip on the path every sync request takes: the secret joined to its user, with
  // the two throttles' counts alongside. An address over its per-minute limit of failed attempts
  // is refused whatever it sends, as a sign-in is (only failures are counted: a sync is hundreds
  // of requests a minute). Fewer failures from this address than the pair lock needs means no
  // lock; otherwise the throttle's rules decide.
  const config = getConfig();
  const lookBack = new Date(now.getTime() - 2 * config.THROTTLE_PAIR_WINDOW * 1000);
  const minuteAgo = new Date(now.getTime() - 60_000);
  const db = await getDb();
  const [row] = await db
    .select({
      id: appPasswords.id,
      lastUsedAt: appPasswords.lastUsedAt,
      userId: users.id,
      username: users.username,
      usernameKey: users.usernameKey,
      pairFailures: sql<number>`(select count(*) from ${signInFailures}
        where ${signInFailures.usernameKey} = ${key} and ${signInFailures.clientAddress} = ${address}
        and ${signInFailures.createdAt} > ${lookBack})`.mapWith(Number),
      addressAttempts: sql<number>`(select count(*) from ${clientAttempts}
        where ${clientAttempts.clientAddress} = ${address} and ${clientAttempts.createdAt} > ${minuteAgo})`.mapWith(
        Number,
      ),
    })
    .from(appPasswords)
    .innerJoin(users, eq(users.id, appPasswords.userId))
    .where(
      and(eq(appPasswords.secretHash, hashAppPassword(normalised)), eq(users.usernameKey, key)),
    )
    .limit(1);
  if (!row) return refuse(key, address, now);
  if (row.addressAttempts >= config.THROTTLE_IP_PER_MINUTE) {
    return { ok: false, reason: 'throttled', retryAt: new Date(now.getTime() + 60_000) };
  }
  if (row.pairFailures >= config.THROTTLE_PAIR_FAILURES) {
    const locked = await pairLock(key, address, now);
    if (locked) return { ok: false, reason: 'throttled', retryAt: locked };
  }

  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    // Conditional, so parallel requests of one sync write it once, not once each.
    const stale = new Date(now.getTime() - LAST_USED_EVERY_MS);
    await db
      .update(appPasswords)
      .set({ lastUsedAt: now, lastUsedFrom: address })
      .where(
        and(
          eq(appPasswords.id, row.id),
          or(isNull(appPasswords.lastUsedAt), lte(appPasswords.lastUsedAt, stale)),
        ),
      );
  }
  return {
    ok: true,
    userId: row.userId,
    username: row.username,
    usernameKey: row.usernameKey,
    appPasswordId: row.id,
  };
}

/** Until when the (username, address) pair is locked, or null; no account-wide delay here. */
async function pairLock(key: string, address: string, now: Date): Promise<Date | null> {
  // A known source in the rules' terms: only the pair's own failures can refuse it.
  const decision = await checkAttempt(key, { address, device: null, knownAddress: true }, now);
  return decision.allowed ? null : decision.retryAt;
}

/** A wrong secret: 'throttled' while the pair is locked (nothing counted), else a failure. */
async function refuse(key: string, address: string, now: Date): Promise<BasicAuthResult> {
  const locked = await pairLock(key, address, now);
  if (locked) return { ok: false, reason: 'throttled', retryAt: locked };
  return failure(key, address, now);
}

/** Counts a failure against the name (when it could be one) and the address. */
async function failure(key: string | null, address: string, now: Date): Promise<BasicAuthResult> {
  if (key) await recordSignInFailure(key, { address }, now);
  if (!(await allowClientAttempt(address, now))) {
    return { ok: false, reason: 'throttled', retryAt: new Date(now.getTime() + 60_000) };
  }
  return { ok: false, reason: 'invalid' };
}
