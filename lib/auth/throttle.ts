import 'server-only';
import { and, desc, eq, gt, isNotNull, lt, or, sql } from 'drizzle-orm';
import { getConfig, type Config } from '../config';
import { getDb } from '../db/client';
import { clientAttempts, signInAddresses, signInFailures, users } from '../db/schema';
import {
  decideAttempt,
  type AttemptSource,
  type RecordedFailure,
  type ThrottleDecision,
  type ThrottleLimits,
} from './throttle-rules';

/**
 * Sign-in throttling, kept in the database so it survives restarts and is shared by every
 * server. The rules are in throttle-rules.ts; this module reads and writes what they need.
 * Times come from the app, never the database clock, so a PostgreSQL server on another host
 * cannot skew the windows; `now` is a parameter for tests.
 */

/** The most failure rows read per check; only the newest can matter (200 is far past the cap). */
const SCAN_LIMIT = 200;

function throttleLimits(config: Config = getConfig()): ThrottleLimits {
  return {
    pairFailures: config.THROTTLE_PAIR_FAILURES,
    pairWindowMs: config.THROTTLE_PAIR_WINDOW * 1000,
    accountFailures: config.THROTTLE_ACCOUNT_FAILURES,
    accountWindowMs: config.THROTTLE_ACCOUNT_WINDOW * 1000,
    accountMaxDelayMs: config.THROTTLE_ACCOUNT_MAX_DELAY * 1000,
    deviceFailures: config.THROTTLE_DEVICE_FAILURES,
  };
}

/** How far back failures can matter: a pair lock reached a window ago still holds. */
function lookBackMs(limits: ThrottleLimits): number {
  return Math.max(2 * limits.pairWindowMs, limits.accountWindowMs);
}

/** The username's recent failures, newest first, at most SCAN_LIMIT. */
export async function recentFailures(
  usernameKey: string,
  now = new Date(),
): Promise<RecordedFailure[]> {
  const since = new Date(now.getTime() - lookBackMs(throttleLimits()));
  const rows = await (
    await getDb()
  )
    .select({
      at: signInFailures.createdAt,
      address: signInFailures.clientAddress,
      device: signInFailures.deviceId,
    })
    .from(signInFailures)
    .where(and(eq(signInFailures.usernameKey, usernameKey), gt(signInFailures.createdAt, since)))
    .orderBy(desc(signInFailures.createdAt))
    .limit(SCAN_LIMIT);
  return rows.map((r) => ({ at: r.at.getTime(), address: r.address, device: r.device }));
}

/** Whether an attempt for the username from this source may be checked now. */
export async function checkAttempt(
  usernameKey: string,
  source: AttemptSource,
  now = new Date(),
): Promise<ThrottleDecision> {
  const failures = await recentFailures(usernameKey, now);
  return decideAttempt(failures, source, throttleLimits(), now.getTime());
}

/** "Too many attempts…" with when to retry, for a refused attempt. */
export function lockMessage(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  // Relative, not a clock time: the message is plain text the server writes, and a clock time
  // would have to be in some time zone (issue 14 found "after 12:15:00 UTC" unhelpful).
  return `Too many attempts for this account. Try again in ${wait}.`;
}

export interface FailureOrigin {
  address: string;
  device?: string | null;
}

/**
 * Records a failed attempt for the username from `origin`, and counts it on the account (when
 * one has this name) for the "failed attempts since your last visit" notice.
 */
export async function recordSignInFailure(
  usernameKey: string,
  origin: FailureOrigin,
  now = new Date(),
): Promise<void> {
  const db = await getDb();
  await db.insert(signInFailures).values({
    usernameKey,
    clientAddress: origin.address.slice(0, 64),
    deviceId: origin.device ?? null,
    createdAt: now,
  });
  await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.usernameKey, usernameKey));
  // Housekeeping on the same index: rows older than the look-back count for nothing.
  const cutoff = new Date(now.getTime() - lookBackMs(throttleLimits()));
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.usernameKey, usernameKey), lt(signInFailures.createdAt, cutoff)));
}

/**
 * After a successful sign-in: the failures from this address and this device stop counting (so
 * the owner's own typos do not lock their own place); the stranger's elsewhere still count.
 */
export async function clearOwnFailures(usernameKey: string, origin: FailureOrigin): Promise<void> {
  const mine = origin.device
    ? or(
        eq(signInFailures.clientAddress, origin.address),
        and(isNotNull(signInFailures.deviceId), eq(signInFailures.deviceId, origin.device)),
      )
    : eq(signInFailures.clientAddress, origin.address);
  await (
    await getDb()
  )
    .delete(signInFailures)
    .where(and(eq(signInFailures.usernameKey, usernameKey), mine));
}

/** Whether the account has signed in from this address before. */
export async function isKnownAddress(userId: string, address: string): Promise<boolean> {
  const [row] = await (
    await getDb()
  )
    .select({ userId: signInAddresses.userId })
    .from(signInAddresses)
    .where(and(eq(signInAddresses.userId, userId), eq(signInAddresses.clientAddress, address)))
    .limit(1);
  return Boolean(row);
}

/** Remembers (or refreshes) an address the account signed in from. */
export async function rememberAddress(
  userId: string,
  address: string,
  now = new Date(),
): Promise<void> {
  // 'unknown' is every client without a believable address: one shared bucket, nobody's own.
  if (address === 'unknown') return;
  await (
    await getDb()
  )
    .insert(signInAddresses)
    .values({ userId, clientAddress: address.slice(0, 64), lastSignInAt: now })
    .onConflictDoUpdate({
      target: [signInAddresses.userId, signInAddresses.clientAddress],
      set: { lastSignInAt: now },
    });
}

/** Reads and resets the account's count of failed attempts since its last sign-in. */
export async function takeFailedSignIns(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: users.failedSignIns })
    .from(users)
    .where(eq(users.id, userId));
  if (row?.count) await db.update(users).set({ failedSignIns: 0 }).where(eq(users.id, userId));
  return row?.count ?? 0;
}

/** Counts this attempt for the client address; false when it is over the per-minute limit. */
export async function allowClientAttempt(address: string, now = new Date()): Promise<boolean> {
  const limit = getConfig().THROTTLE_IP_PER_MINUTE;
  const db = await getDb();
  const since = new Date(now.getTime() - 60_000);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(clientAttempts)
    .where(and(eq(clientAttempts.clientAddress, address), gt(clientAttempts.createdAt, since)));
  if ((row?.count ?? 0) >= limit) return false;
  await db.insert(clientAttempts).values({ clientAddress: address, createdAt: now });
  await db
    .delete(clientAttempts)
    .where(lt(clientAttempts.createdAt, new Date(now.getTime() - 120_000)));
  return true;
}
