import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { users, type User } from '../db/schema';
import { appLink } from '../mail/config';
import { resetPasswordMessage } from '../mail/messages';
import { currentMailSetup, sendMail } from '../mail/send';
import { getLogger } from '../server/log';
import { getUserByUsername, updatePassword } from './accounts';
import { revokeAllAppPasswords } from './app-passwords';
import {
  consumeEmailToken,
  countRecentTokens,
  createEmailToken,
  RESET_LIFETIME_SECONDS,
} from './email-address-tokens';
import { recordSecurityEvent, type EventPlace } from './security-log';

/**
 * "Forgot password?" (issue 15): a link mailed to the account's verified address, and what a
 * reset does. Docs: docs/security/password-reset.md.
 */

/** Reset mails per account per hour: enough for a lost message or two, too few to flood a mailbox. */
const RESET_MAILS_PER_HOUR = 3;

export const RESET_PATH = '/login/reset';

/** The account a person typed on the forgot page: a verified email address or a username. */
async function findAccountFor(typed: string): Promise<User | undefined> {
  const value = typed.trim();
  // A username has no "@" (lib/auth/username.ts), so one means an email address.
  if (!value.includes('@')) return getUserByUsername(value);
  const [user] = await (
    await getDb()
  )
    .select()
    .from(users)
    .where(eq(users.email, value.toLowerCase()))
    .limit(1);
  return user;
}

/**
 * Mails a reset link when the typed name or address is an account with a verified address and
 * under its hourly limit; otherwise does nothing. Says nothing either way (the caller shows the
 * same page whatever happens) and is meant to run after the response (next/server's after()),
 * so its time is not the answer's either.
 */
export async function sendResetLinkIfAny(typed: string): Promise<void> {
  const log = getLogger();
  const setup = currentMailSetup();
  if (!setup.enabled) return;
  const user = await findAccountFor(typed);
  if (!user?.email || !user.emailVerifiedAt) {
    log.info({ event: 'password_reset_no_mail', reason: user ? 'no_email' : 'no_account' });
    return;
  }
  const sent = await countRecentTokens(user.id, 'reset-password', 60 * 60);
  if (sent >= RESET_MAILS_PER_HOUR) {
    log.warn({ event: 'password_reset_limited', userId: user.id });
    return;
  }
  const token = await createEmailToken(user.id, 'reset-password', RESET_LIFETIME_SECONDS);
  await sendMail(
    resetPasswordMessage({
      to: user.email,
      username: user.username,
      link: appLink(setup.appUrl, RESET_PATH, { token }),
      minutes: RESET_LIFETIME_SECONDS / 60,
    }),
  );
  log.info({ event: 'password_reset_mailed', userId: user.id });
}

export interface ResetOutcome {
  userId: string;
  revokedAppPasswords: number;
  endedSessions: number;
}

/**
 * A new password for the account and nothing left of the old one's reach: every session ends
 * (this browser's too), every app password is revoked, every reset link dies (updatePassword).
 * `how` is the security log's detail ("by email", "with a recovery code").
 */
export async function completePasswordReset(
  userId: string,
  password: string,
  how: string,
  place?: EventPlace,
): Promise<ResetOutcome> {
  // Revoked first: should the password change then fail, the sync clients are still cut off.
  const revokedAppPasswords = await revokeAllAppPasswords(userId);
  // No session is kept: '' names none.
  const endedSessions = await updatePassword(userId, password, '');
  await recordSecurityEvent(userId, 'password-reset', how, place);
  getLogger().info({
    event: 'password_reset',
    userId,
    how,
    endedSessions,
    revokedAppPasswords,
  });
  return { userId, revokedAppPasswords, endedSessions };
}

/** Resets with a mailed (or operator's) link: null when the link is dead, used or unknown. */
export async function resetWithToken(
  token: string,
  password: string,
): Promise<ResetOutcome | null> {
  const row = await consumeEmailToken(token, 'reset-password');
  if (!row) return null;
  return completePasswordReset(row.userId, password, 'with a reset link');
}
