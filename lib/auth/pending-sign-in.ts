import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { cookies, headers } from 'next/headers';
import { sealPasswords } from '../config';
import { isHttps } from './session-cookie';

/**
 * The sign-in's second step: after the right password for an account with one-time codes, no
 * session yet, only this sealed, HttpOnly cookie for five minutes, naming the account, "remember
 * me", where to go next and the password's version (a password changed meanwhile voids it).
 * It grants nothing but the right to offer a code; codes are throttled per account.
 */
const TTL_SECONDS = 5 * 60;
const NEXT_MAX = 1024;
/** A seal of the fields above with the longest `next` stays well under this. */
const SEAL_MAX = 3000;

interface PendingSignIn {
  userId: string;
  remember: boolean;
  next: string;
  /** users.password_changed_at when the password was checked, epoch ms. */
  passwordVersion: number;
  /** Epoch ms; the seal's own ttl says the same, this keeps the rule in one readable place. */
  expiresAt: number;
}

function cookieName(https: boolean): string {
  return https ? '__Host-cc_pending_sign_in' : 'cc_pending_sign_in';
}

/** Starts the second step for this browser. */
export async function startPendingSignIn(
  pending: Omit<PendingSignIn, 'expiresAt'>,
  now = Date.now(),
): Promise<void> {
  const https = isHttps(await headers());
  // A return path longer than any of the app's own is dropped: the seal must fit a cookie.
  const next = pending.next.length <= NEXT_MAX ? pending.next : '';
  const value: PendingSignIn = { ...pending, next, expiresAt: now + TTL_SECONDS * 1000 };
  (await cookies()).set(
    cookieName(https),
    await sealData(value, { password: sealPasswords(), ttl: TTL_SECONDS }),
    { httpOnly: true, secure: https, sameSite: 'lax', path: '/', maxAge: TTL_SECONDS },
  );
}

/** This browser's pending sign-in, or null when there is none, it was forged or has run out. */
export async function readPendingSignIn(now = Date.now()): Promise<PendingSignIn | null> {
  const https = isHttps(await headers());
  const value = (await cookies()).get(cookieName(https))?.value;
  if (!value || value.length > SEAL_MAX) return null;
  try {
    const data = await unsealData<Partial<PendingSignIn>>(value, {
      password: sealPasswords(),
      ttl: TTL_SECONDS,
    });
    const { userId, remember, next, passwordVersion, expiresAt } = data;
    if (
      typeof userId !== 'string' ||
      typeof remember !== 'boolean' ||
      typeof next !== 'string' ||
      typeof passwordVersion !== 'number' ||
      typeof expiresAt !== 'number' ||
      expiresAt <= now
    ) {
      return null;
    }
    return { userId, remember, next, passwordVersion, expiresAt };
  } catch {
    return null;
  }
}

/** Ends the second step (signed in, or given up). */
export async function clearPendingSignIn(): Promise<void> {
  const jar = await cookies();
  jar.delete(cookieName(true));
  jar.delete(cookieName(false));
}
