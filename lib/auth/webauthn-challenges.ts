import 'server-only';
import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { getDb } from '../db/client';
import { webauthnChallenges } from '../db/security-schema';
import { isHttps } from './session-cookie';

/**
 * WebAuthn challenges, kept on the server (ASVS 5.0 6.5.x: single use, short-lived). The browser
 * holds only a random 256-bit id in a short-lived httpOnly cookie; the table keeps its SHA-256,
 * so a leaked table names no live cookie. Each challenge has a purpose and, except for a sign-in
 * with a discoverable passkey, the user it was made for; taking one deletes it in the same
 * statement, so two requests cannot both use it.
 */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
export type ChallengePurpose = 'register' | 'sign-in' | 'reauthenticate';

const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashId = (id: string) => crypto.createHash('sha256').update(id, 'utf8').digest('hex');

export interface ChallengeRecord {
  challenge: string;
  purpose: ChallengePurpose;
  /** The user the ceremony is for; null for a sign-in (the passkey will say who). */
  userId: string | null;
}

/** Stores a challenge and returns the random id that names it (for the cookie, never stored). */
export async function storeChallenge(record: ChallengeRecord, now = new Date()): Promise<string> {
  const id = crypto.randomBytes(32).toString('base64url');
  const db = await getDb();
  await db.insert(webauthnChallenges).values({
    id: hashId(id),
    userId: record.userId,
    purpose: record.purpose,
    challenge: record.challenge,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000),
  });
  // Housekeeping: abandoned ceremonies (a login page left open) go once they have run out.
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  return id;
}

/**
 * Takes (deletes) the challenge an id names and returns it when it is for `purpose` and still
 * live; null otherwise. Used up either way: a challenge offered for the wrong purpose is gone.
 */
export async function takeChallenge(
  id: string | undefined,
  purpose: ChallengePurpose,
  now = new Date(),
): Promise<ChallengeRecord | null> {
  if (!id || !ID_SHAPE.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .delete(webauthnChallenges)
    .where(eq(webauthnChallenges.id, hashId(id)))
    .returning();
  if (!row || row.purpose !== purpose || row.expiresAt.getTime() <= now.getTime()) return null;
  return { challenge: row.challenge, purpose, userId: row.userId };
}

/** Over https the __Host- prefix: Secure, Path=/, no Domain. */
function challengeCookieName(https: boolean): string {
  return https ? '__Host-cc_webauthn' : 'cc_webauthn';
}

/** Starts a ceremony in this browser: stores the challenge and sets its cookie (ending any earlier one). */
export async function beginCeremony(record: ChallengeRecord): Promise<void> {
  const https = isHttps(await headers());
  const jar = await cookies();
  // One ceremony per browser at a time: the one this replaces can no longer finish.
  await takeChallenge(jar.get(challengeCookieName(https))?.value, record.purpose);
  jar.set(challengeCookieName(https), await storeChallenge(record), {
    httpOnly: true,
    secure: https,
    sameSite: 'strict',
    path: '/',
    maxAge: CHALLENGE_TTL_SECONDS,
  });
}

/** Ends this browser's ceremony: its challenge when it is for `purpose` and live, else null. */
export async function finishCeremony(purpose: ChallengePurpose): Promise<ChallengeRecord | null> {
  const https = isHttps(await headers());
  const jar = await cookies();
  const id = jar.get(challengeCookieName(https))?.value;
  jar.delete(challengeCookieName(https));
  return takeChallenge(id, purpose);
}
