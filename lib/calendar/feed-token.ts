import 'server-only';
import crypto from 'node:crypto';
import { eq, isNotNull, and } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users } from '../db/schema';

/**
 * The birthday calendar's secret: one per user, in the feed's URL, because calendar apps that
 * subscribe to a URL cannot sign in. 256 random bits, base64url (43 characters). Only its SHA-256
 * is stored (users.calendar_token_hash, unique): a leaked table does not yield live feeds, and a
 * fast hash is enough for a secret this long (nothing to guess, so nothing to slow down).
 */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256 hex of the token's UTF-8 bytes: what the users table holds. */
export const hashCalendarToken = (token: string) =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** A new secret for the user's feed, replacing any old one (whose URL stops working at once). */
export async function createCalendarToken(userId: string): Promise<string> {
  const token = crypto.randomBytes(TOKEN_BYTES).toString('base64url');
  const db = await getDb();
  const updated = await db
    .update(users)
    .set({ calendarTokenHash: hashCalendarToken(token) })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (updated.length === 0) throw new Error('no such user');
  return token;
}

/** Turns the feed off: its URL answers 404 from now on. */
export async function revokeCalendarToken(userId: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ calendarTokenHash: null }).where(eq(users.id, userId));
}

/** Whether the user has a feed (its URL cannot be shown again: only the hash is kept). */
export async function hasCalendarToken(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.calendarTokenHash)))
    .limit(1);
  return row !== undefined;
}

/**
 * The owner of a feed's token, or null (malformed, unknown or revoked alike). One hash and one
 * lookup in the unique index whatever the token: the database compares hashes, so how long the
 * lookup takes says nothing about how close a guess came to a real token.
 */
export async function userIdForCalendarToken(token: string): Promise<string | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.calendarTokenHash, hashCalendarToken(token)))
    .limit(1);
  return row?.id ?? null;
}
