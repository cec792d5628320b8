import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { signInFailures, users } from '../db/schema';
import { lockedUntil } from './throttle-rules';

/**
 * Throttling of one-time and recovery codes, per account: CODE_FAILURES wrong codes within
 * CODE_WINDOW lock the code step for a window after the last of them; a right code clears the
 * count. Failures are rows of sign_in_failures under the key "totp:<user id>" (no username can
 * contain a colon, so no sign-in's key collides), so no new table is needed.
 */
const CODE_FAILURES = 5;
const CODE_WINDOW_MS = 15 * 60 * 1000;

const keyOf = (userId: string) => `totp:${userId}`;

/** When the code step opens again for this account; null when it is open. */
export async function codeLockedUntil(userId: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - 2 * CODE_WINDOW_MS);
  const rows = await (
    await getDb()
  )
    .select({ at: signInFailures.createdAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.usernameKey, keyOf(userId)), gt(signInFailures.createdAt, since)))
    .orderBy(desc(signInFailures.createdAt))
    .limit(100);
  const times = rows.map((r) => r.at.getTime()).reverse();
  const until = lockedUntil(times, CODE_FAILURES, CODE_WINDOW_MS);
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * Counts a wrong code for the account, and in its "failed attempts since your last visit" total:
 * a wrong code means someone may know the password.
 */
export async function recordCodeFailure(
  userId: string,
  address: string,
  now = new Date(),
): Promise<void> {
  const db = await getDb();
  await db.insert(signInFailures).values({
    usernameKey: keyOf(userId),
    clientAddress: address.slice(0, 64),
    createdAt: now,
  });
  await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
    .where(eq(users.id, userId));
  const cutoff = new Date(now.getTime() - 2 * CODE_WINDOW_MS);
  await db
    .delete(signInFailures)
    .where(
      and(eq(signInFailures.usernameKey, keyOf(userId)), lt(signInFailures.createdAt, cutoff)),
    );
}

/** After a right code: the account's code failures stop counting. */
export async function clearCodeFailures(userId: string): Promise<void> {
  await (await getDb()).delete(signInFailures).where(eq(signInFailures.usernameKey, keyOf(userId)));
}
