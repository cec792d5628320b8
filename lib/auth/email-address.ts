import 'server-only';
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { appLink } from '../mail/config';
import { verifyEmailMessage } from '../mail/messages';
import { currentMailSetup, sendMail } from '../mail/send';
import { getLogger } from '../server/log';
import {
  consumeEmailToken,
  countRecentTokens,
  createEmailToken,
  deleteEmailTokens,
  findEmailToken,
  VERIFY_LIFETIME_SECONDS,
} from './email-address-tokens';
import { recordSecurityEvent } from './security-log';

/**
 * The account's optional email address, for password resets only. It is stored (lower-cased,
 * one account per address) only once its owner follows the link mailed to it, signed in as the
 * account that asked: a typo or someone else's address never becomes a way into the account.
 */
const VERIFY_PATH = '/account/email/verify';
/** Verification mails per account per hour. */
const VERIFY_MAILS_PER_HOUR = 5;

/** An address as people type it, trimmed and lower-cased (RFC 5321's 254-character limit). */
export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter an email address.')
  .max(254, 'Use at most 254 characters.')
  .pipe(z.email('Enter an email address such as ada@example.org.'))
  .transform((v) => v.toLowerCase());

export interface EmailStatus {
  email: string | null;
  verifiedAt: Date | null;
}

export async function getEmailStatus(userId: string): Promise<EmailStatus> {
  const [row] = await (
    await getDb()
  )
    .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return { email: row?.email ?? null, verifiedAt: row?.verifiedAt ?? null };
}

export type VerificationRequest = { ok: true } | { ok: false; message: string };

/** Mails a verification link for `email` to it; nothing changes until the link is followed. */
export async function requestEmailVerification(
  user: { id: string; username: string },
  email: string,
): Promise<VerificationRequest> {
  const setup = currentMailSetup();
  if (!setup.enabled) return { ok: false, message: 'Mail is not set up on this server.' };
  if ((await countRecentTokens(user.id, 'verify-email', 60 * 60)) >= VERIFY_MAILS_PER_HOUR) {
    return { ok: false, message: 'Too many verification mails this hour. Try again later.' };
  }
  const token = await createEmailToken(user.id, 'verify-email', VERIFY_LIFETIME_SECONDS, email);
  await sendMail(
    verifyEmailMessage({
      to: email,
      username: user.username,
      link: appLink(setup.appUrl, VERIFY_PATH, { token }),
    }),
  );
  getLogger().info({ event: 'email_verification_mailed', userId: user.id });
  return { ok: true };
}

export type VerifyResult = { ok: true; email: string } | { ok: false; reason: 'dead' | 'taken' };

/**
 * Follows a verification link as the signed-in user. A link made for another account is as dead
 * as an unknown one, and is left unused for its owner. An address another account has verified
 * since is refused without saying more. Pending reset links die: they went to the old address.
 */
export async function verifyEmail(userId: string, token: string): Promise<VerifyResult> {
  const found = await findEmailToken(token, 'verify-email');
  if (!found || found.userId !== userId || !found.email) return { ok: false, reason: 'dead' };
  const row = await consumeEmailToken(token, 'verify-email');
  if (!row?.email) return { ok: false, reason: 'dead' };
  const email = row.email;
  const db = await getDb();
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), ne(users.id, userId)))
    .limit(1);
  if (taken) return { ok: false, reason: 'taken' };
  try {
    await db
      .update(users)
      .set({ email, emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
  } catch (error) {
    // Verified by another account between the check and the update: the unique index says so.
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
  await deleteEmailTokens(userId, 'verify-email');
  await deleteEmailTokens(userId, 'reset-password');
  await recordSecurityEvent(userId, 'email-added', email);
  return { ok: true, email };
}

/** Removes the address; reset links already mailed to it die with it. */
export async function removeEmail(userId: string): Promise<string | null> {
  const before = await getEmailStatus(userId);
  await (
    await getDb()
  )
    .update(users)
    .set({ email: null, emailVerifiedAt: null, updatedAt: sql`now()` })
    .where(and(eq(users.id, userId), isNotNull(users.email)));
  await deleteEmailTokens(userId, 'verify-email');
  await deleteEmailTokens(userId, 'reset-password');
  if (before.email) await recordSecurityEvent(userId, 'email-removed', before.email);
  return before.email;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (e.code === '23505') return true;
  }
  return false;
}
