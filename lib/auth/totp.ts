import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { consumeRecoveryCode, deleteRecoveryCodes } from './recovery-codes';
import { openSecret, sealSecret } from './secret-box';
import { lockMessage } from './throttle';
import { clearCodeFailures, codeLockedUntil, recordCodeFailure } from './totp-throttle';

/**
 * One-time codes (TOTP, RFC 6238) as a second factor: SHA-1, 6 digits, 30-second steps (what
 * every authenticator app reads from a QR code), a 160-bit seed (RFC 4226 §4), accepted one step
 * either side for clock drift. Each code works once: the step last accepted is stored, and a code
 * for that step or an earlier one is refused. The seed is kept encrypted (secret-box.ts).
 */
const TOTP_ISSUER = 'Contact Cards';
const DIGITS = 6;
const PERIOD = 30;
const WINDOW = 1;

const context = (userId: string) => `totp:${userId}`;
const totpFor = (secret: string, label = '') =>
  new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

/** A new random seed, base32 (32 characters), as authenticator apps take it. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries: issuer "Contact Cards", the username as the label. */
export function otpauthUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/** "ABCD EFGH …": the seed in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(' ');
}

/** What the person typed, without spaces; null unless it is six digits. */
function typedCode(typed: string): string | null {
  const code = typed.slice(0, 50).replace(/[\s-]+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** The time step a code belongs to (within one step of now), or null. Pure: for tests too. */
export function matchStep(secret: string, typed: string, now = Date.now()): number | null {
  const code = typedCode(typed);
  if (!code) return null;
  const totp = totpFor(secret);
  const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/** Turns codes on with a seed the user has just proved (by a code of `step`), unless already on. */
export async function enableTotp(userId: string, secret: string, step: number): Promise<boolean> {
  const db = await getDb();
  const updated = await db
    .update(users)
    .set({
      totpSecret: sealSecret(secret, context(userId)),
      totpEnabledAt: sql`now()`,
      totpLastStep: step,
    })
    .where(and(eq(users.id, userId), isNull(users.totpSecret)))
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Turns codes off: the seed, the last step and every recovery code go. */
export async function disableTotp(userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await deleteRecoveryCodes(userId);
}

/** When codes were turned on, or null when they are off. */
export async function totpEnabledAt(userId: string): Promise<Date | null> {
  const [row] = await (
    await getDb()
  )
    .select({ at: users.totpEnabledAt, secret: users.totpSecret })
    .from(users)
    .where(eq(users.id, userId));
  return row?.secret && row.at ? row.at : null;
}

export const WRONG_CODE = 'That code is not correct.';
export const USED_CODE = 'That code has already been used. Wait for the next one.';
const WRONG_RECOVERY_CODE = 'That recovery code is not correct, or it has been used.';

type CodeCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a one-time code: refused while the account's code step is locked (totp-throttle.ts),
 * when wrong, and when its step is not later than the last one accepted (a replay). Every
 * refusal but the lock counts as a failure; a right code clears them.
 */
export async function verifyTotpCode(
  userId: string,
  typed: string,
  address: string,
  now = new Date(),
): Promise<CodeCheck> {
  const locked = await codeLockedUntil(userId, now);
  if (locked) return { ok: false, message: lockMessage(locked, now) };
  const db = await getDb();
  const [row] = await db
    .select({ secret: users.totpSecret })
    .from(users)
    .where(eq(users.id, userId));
  const secret = row?.secret ? openSecret(row.secret, context(userId)) : null;
  const step = secret ? matchStep(secret, typed, now.getTime()) : null;
  if (step === null) {
    await recordCodeFailure(userId, address, now);
    return { ok: false, message: WRONG_CODE };
  }
  // Atomic: of two requests with the same code, one moves the step on; the other finds it moved.
  const accepted = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  if (accepted.length === 0) {
    await recordCodeFailure(userId, address, now);
    return { ok: false, message: USED_CODE };
  }
  await clearCodeFailures(userId);
  return { ok: true };
}

/**
 * Uses up a recovery code. Not held back by the code lock: 80 random bits cannot be guessed, and
 * this is the owner's way in while someone who knows the password keeps the code step locked.
 * A wrong one still counts as a failure (the owner is told of it), a right one clears them.
 */
export async function verifyRecoveryCode(
  userId: string,
  typed: string,
  address: string,
  now = new Date(),
): Promise<CodeCheck> {
  if (!(await consumeRecoveryCode(userId, typed))) {
    await recordCodeFailure(userId, address, now);
    return { ok: false, message: WRONG_RECOVERY_CODE };
  }
  await clearCodeFailures(userId);
  return { ok: true };
}
