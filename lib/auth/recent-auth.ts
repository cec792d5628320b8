import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { redirect } from 'next/navigation';
import { getConfig } from '../config';
import { getDb } from '../db/client';
import { sessions } from '../db/schema';
import { safeNextPath } from './safe-redirect';
import type { CurrentSession } from './session';

/**
 * Re-authentication before security changes ("sudo mode", as GitHub calls it): a session may
 * change passkeys, one-time codes, recovery codes, the email address or app passwords only
 * within REAUTH_WINDOW (15 minutes by default) of the user proving who they are — the sign-in
 * itself, or /account/confirm with a password, a code or a passkey. A stolen session cookie
 * alone cannot then add the thief's passkey or turn the owner's second factor off.
 */
export function isRecentlyAuthenticated(
  session: Pick<CurrentSession, 'authenticatedAt'>,
  now = Date.now(),
  windowSeconds = getConfig().REAUTH_WINDOW,
): boolean {
  return now - session.authenticatedAt.getTime() < windowSeconds * 1000;
}

/** The confirmation page for a return path (kept to this site's own paths). */
export function confirmPath(next: string): string {
  return `/account/confirm?next=${encodeURIComponent(safeNextPath(next))}`;
}

/**
 * For pages and actions that change security: the session if it is recent enough, otherwise a
 * redirect to the confirmation page, which comes back to `next`.
 */
export function requireRecentAuth(session: CurrentSession, next: string): CurrentSession {
  if (!isRecentlyAuthenticated(session)) redirect(confirmPath(next));
  return session;
}

/** Starts a new window: the user has just proved who they are in this session. */
export async function markAuthenticated(sessionId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ authenticatedAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}
