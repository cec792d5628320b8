import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { clientAttempts, signInFailures } from '../db/schema';

/**
 * Sign-in throttling, kept in the database so it survives restarts and is shared by every
 * server: per account (failures in a window lock it for that window, right password or not)
 * and per client address (attempts per minute). Times come from the app, never the database
 * clock, so a PostgreSQL server on another host cannot skew the windows; `now` is a parameter
 * for tests.
 */
export interface AccountLock {
  locked: boolean;
  retryAt?: Date;
}

/** The most failure rows read per check; only the newest few can matter. */
const SCAN_LIMIT = 200;

/**
 * Whether the account is locked now, and until when: once THROTTLE_ACCOUNT_FAILURES failures
 * fall within one window, the account stays locked for a whole window after the last of them.
 */
export async function accountLock(usernameKey: string, now = new Date()): Promise<AccountLock> {
  const { THROTTLE_ACCOUNT_FAILURES: limit, THROTTLE_ACCOUNT_WINDOW: window } = getConfig();
  const windowMs = window * 1000;
  const db = await getDb();
  // A lock reached at the start of the last window still holds, so look back two windows.
  const rows = await db
    .select({ at: signInFailures.createdAt })
    .from(signInFailures)
    .where(
      and(
        eq(signInFailures.usernameKey, usernameKey),
        gt(signInFailures.createdAt, new Date(now.getTime() - 2 * windowMs)),
      ),
    )
    .orderBy(desc(signInFailures.createdAt))
    .limit(SCAN_LIMIT);
  const times = rows.map((r) => r.at.getTime()).reverse();
  let until = 0;
  for (let i = limit - 1; i < times.length; i++) {
    const reached = times[i]!;
    if (reached - times[i - limit + 1]! < windowMs) until = Math.max(until, reached + windowMs);
  }
  return until > now.getTime() ? { locked: true, retryAt: new Date(until) } : { locked: false };
}

/** "Too many attempts…" with when to retry, for a locked account. */
export function lockMessage(retryAt: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait =
    seconds < 60
      ? `${seconds} second${seconds === 1 ? '' : 's'}`
      : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;
  return `Too many attempts for this account. Try again in ${wait} (after ${retryAt.toISOString().slice(11, 19)} UTC).`;
}

export async function recordSignInFailure(usernameKey: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.insert(signInFailures).values({ usernameKey, createdAt: now });
  // Housekeeping on the same index: rows older than two windows count for nothing.
  const cutoff = new Date(now.getTime() - getConfig().THROTTLE_ACCOUNT_WINDOW * 2000);
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.usernameKey, usernameKey), lt(signInFailures.createdAt, cutoff)));
}

export async function clearSignInFailures(usernameKey: string): Promise<void> {
  await (await getDb()).delete(signInFailures).where(eq(signInFailures.usernameKey, usernameKey));
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
