import 'server-only';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { sessions, users } from '../db/schema';

/**
 * The database half of verifySession(), free of Next's request APIs so that the benchmark's
 * no-framework ceiling (bench/ceiling.tsx) runs exactly the same lookup.
 */

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The live session a cookie's token names, with its user; an expired one is deleted and null. */
export async function findLiveSession(token: string): Promise<{
  user: { id: string; username: string };
  sessionId: string;
  authenticatedAt: Date;
} | null> {
  const db = await getDb();
  const id = hashToken(token);
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      idle: sessions.idleTimeoutSeconds,
      authenticatedAt: sessions.authenticatedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + row.idle * 1000 <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return {
    user: { id: row.userId, username: row.username },
    sessionId: id,
    authenticatedAt: row.authenticatedAt,
  };
}
