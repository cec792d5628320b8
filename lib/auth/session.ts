import 'server-only';
import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { sealData } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getConfig, sealPasswords } from '../config';
import { getDb } from '../db/client';
import { sessions } from '../db/schema';
import { isHttps, sessionCookieName, unsealSessionToken } from './session-cookie';
import { recordSessionEndings, sessionEndReason } from './session-endings';
import { findLiveSession, hashToken } from './session-lookup';

export { hashToken };

/**
 * The security boundary. Every protected page, action and route handler asks verifySession();
 * it looks the session up in the database, so logging out, revoking, changing the password and
 * deleting the account end a cookie at once, even a replayed copy.
 */
export interface CurrentUser {
  id: string;
  username: string;
}
export interface CurrentSession {
  user: CurrentUser;
  sessionId: string;
  /** When the user last proved who they are here: sign-in or re-authentication (recent-auth.ts). */
  authenticatedAt: Date;
}

const REMEMBER_IDLE = 7 * 24 * 60 * 60;
const REMEMBER_ABSOLUTE = 30 * 24 * 60 * 60;
function lifetimes(remember: boolean) {
  const config = getConfig();
  return remember
    ? { idle: REMEMBER_IDLE, absolute: REMEMBER_ABSOLUTE }
    : { idle: config.SESSION_IDLE_TIMEOUT, absolute: config.SESSION_ABSOLUTE_TIMEOUT };
}

/** Starts a new session (a fresh id at every sign-in: no fixation) and sets its cookie. */
export async function createSession(userId: string, remember: boolean): Promise<void> {
  const requestHeaders = await headers();
  const token = crypto.randomBytes(32).toString('base64url');
  const { idle, absolute } = lifetimes(remember);
  const db = await getDb();
  // Signing in again (as anyone) ends whatever session this browser had.
  const previous = await currentToken();
  if (previous) await db.delete(sessions).where(eq(sessions.id, hashToken(previous)));
  // Housekeeping: the user's sessions that have run out, never presented again, go now.
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        sql`(${sessions.expiresAt} <= now() or ${sessions.lastSeenAt} + ${sessions.idleTimeoutSeconds} * interval '1 second' <= now())`,
      ),
    );
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + absolute * 1000),
    idleTimeoutSeconds: idle,
    remember,
    userAgent: (requestHeaders.get('user-agent') ?? '').slice(0, 256),
  });
  const https = isHttps(requestHeaders);
  const jar = await cookies();
  // Replace the cookie of the other scheme too, so no older session cookie lingers.
  jar.delete(sessionCookieName(!https));
  jar.set(
    sessionCookieName(https),
    await sealData({ token }, { password: sealPasswords(), ttl: absolute }),
    {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: https,
      // Without "remember me" the cookie ends with the browser; the database ends it sooner when idle.
      maxAge: remember ? absolute : undefined,
    },
  );
}

async function currentToken(): Promise<string | null> {
  const https = isHttps(await headers());
  const value = (await cookies()).get(sessionCookieName(https))?.value;
  return unsealSessionToken(value, getConfig());
}

/** The signed-in user and session, checked against the database; null when signed out. Cached per request. */
export const verifySession = cache(async (): Promise<CurrentSession | null> => {
  const token = await currentToken();
  return token ? findLiveSession(token) : null;
});

/** For protected pages and actions: the session, or a redirect to the sign-in page. */
export async function requireSession(): Promise<CurrentSession> {
  const session = await verifySession();
  if (session) return session;
  // A sound cookie whose session is gone: the login page says why (revoked, password changed).
  const token = await currentToken();
  redirect(token ? `/login?ended=${sessionEndReason(hashToken(token))}` : '/login');
}

/** Removes the session cookie (both names), e.g. after the session or the account is gone. */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  jar.delete(sessionCookieName(true));
  jar.delete(sessionCookieName(false));
}

/** Ends this browser's session in the database and removes its cookie. */
export async function endCurrentSession(): Promise<CurrentUser | null> {
  const session = await verifySession();
  const token = await currentToken();
  if (token) await (await getDb()).delete(sessions).where(eq(sessions.id, hashToken(token)));
  await clearSessionCookie();
  return session?.user ?? null;
}

export interface SessionSummary {
  id: string;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The user's live sessions, newest first. */
export async function listSessions(current: CurrentSession): Promise<SessionSummary[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, current.user.id), sql`${sessions.expiresAt} > now()`))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
  return rows
    .filter((r) => r.lastSeenAt.getTime() + r.idleTimeoutSeconds * 1000 > Date.now())
    .map((r) => ({
      id: r.id,
      userAgent: r.userAgent,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      current: r.id === current.sessionId,
    }));
}

/** Ends one of the user's sessions; scoped to the owner, so another user's id does nothing. */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const db = await getDb();
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  recordSessionEndings(
    deleted.map((row) => row.id),
    'revoked',
  );
  return deleted.length > 0;
}

/** Ends every session of the user but the one given. */
export async function revokeOtherSessions(userId: string, keepSessionId: string): Promise<number> {
  const db = await getDb();
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  recordSessionEndings(
    deleted.map((row) => row.id),
    'revoked',
  );
  return deleted.length;
}
