'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteUser, updatePassword } from '@/lib/auth/accounts';
import { buttonAction, formAction } from '@/lib/auth/action';
import { revokeAllAppPasswords } from '@/lib/auth/app-passwords';
import { PASSWORD_MAX, passwordProblem } from '@/lib/auth/passwords';
import { confirmPassword } from '@/lib/auth/reauthenticate';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import {
  clearSessionCookie,
  revokeOtherSessions,
  revokeSession,
  type CurrentSession,
} from '@/lib/auth/session';
import { usernameKey } from '@/lib/auth/username';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

/*
 * Every action here is for the signed-in user (the pipeline asks requireSession(), the database
 * check, first) and acts only on the session's own user: ids from the form never name the user.
 */

const WRONG_CURRENT = 'Your current password is not correct.';
const WRONG_PASSWORD = 'The password is not correct.';
const SAME_AS_CURRENT = 'Choose a new password that is different from your current one.';
// Checked before anything is hashed; the exact limit (in code points) is passwordProblem's.
const typed = z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`);
const fitsCheck = (password: string) => password.length > 0 && password.length <= PASSWORD_MAX * 4;

function passwordChangeSchema({ user }: CurrentSession) {
  const key = usernameKey(user.username);
  return z
    .object({
      currentPassword: z
        .string()
        .min(1, 'Enter your current password.')
        .max(PASSWORD_MAX * 4, WRONG_CURRENT),
      newPassword: typed,
      confirmPassword: typed,
      /** The checkbox "Also sign out sync clients": present ("on") only when ticked. */
      revokeAppPasswords: z.literal('on').optional(),
    })
    .superRefine(async (data, ctx) => {
      const problem = await passwordProblem(data.newPassword, key);
      if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      else if (data.newPassword !== data.confirmPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassword'],
          message: 'The passwords do not match.',
        });
      }
    })
    .superRefine(async (data, ctx) => {
      // Checked even when the new password is refused, so one round trip shows every problem.
      if (!fitsCheck(data.currentPassword)) return;
      const check = await confirmPassword(user.id, data.currentPassword, WRONG_CURRENT);
      if (!check.ok) {
        ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: check.message });
      } else if (data.newPassword === data.currentPassword) {
        // Said only once the current password is confirmed: before, the comparison tells nothing.
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: SAME_AS_CURRENT });
      }
    });
}

export const changePasswordAction = formAction(
  // The checkbox is typed back, so a refused form does not silently untick it.
  { session: 'user', schema: passwordChangeSchema, echo: ['revokeAppPasswords'] },
  async ({ data, session }) => {
    const { user } = session;
    // Revoked first: should the password change then fail, the user still wanted them gone.
    const revoked = data.revokeAppPasswords ? await revokeAllAppPasswords(user.id) : 0;
    const ended = await updatePassword(user.id, data.newPassword, session.sessionId);
    await recordSecurityEvent(
      user.id,
      'password-changed',
      ended > 0 ? `${ended} other session${ended === 1 ? '' : 's'} ended` : '',
    );
    getLogger().info({
      event: 'password_changed',
      userId: user.id,
      username: user.username,
      endedSessions: ended,
      revokedAppPasswords: revoked,
    });
    await flash(
      'success',
      data.revokeAppPasswords
        ? `Your password has been changed and ${revoked} app password${revoked === 1 ? ' was' : 's were'} revoked.`
        : 'Your password has been changed.',
    );
    redirect('/account');
  },
);

async function alreadyEnded(): Promise<void> {
  await flash('info', 'That session had already ended.');
  redirect('/account');
}

/** Ends one of the user's sessions; ending this browser's own session signs it out. */
export const revokeSessionAction = buttonAction(
  {
    session: 'user',
    schema: z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }),
    refused: alreadyEnded,
  },
  async ({ data: { sessionId }, session }) => {
    // Scoped to the session's user: another user's session id matches nothing.
    if (!(await revokeSession(session.user.id, sessionId))) return alreadyEnded();
    const current = sessionId === session.sessionId;
    getLogger().info({
      event: 'session_revoked',
      userId: session.user.id,
      username: session.user.username,
      current,
    });
    if (current) {
      await clearSessionCookie();
      await flash('success', 'You have been logged out.');
      redirect('/login');
    }
    await flash('success', 'The session has been revoked.');
    redirect('/account');
  },
);

export const logoutOtherSessionsAction = buttonAction(
  { session: 'user', schema: z.object({}) },
  async ({ session }) => {
    const count = await revokeOtherSessions(session.user.id, session.sessionId);
    getLogger().info({
      event: 'other_sessions_revoked',
      userId: session.user.id,
      username: session.user.username,
      count,
    });
    await flash(
      'success',
      count === 0
        ? 'No other sessions were active.'
        : `Logged out of ${count} other session${count === 1 ? '' : 's'}.`,
    );
    redirect('/account');
  },
);

/** Deletes the account with its sessions and contacts (ON DELETE CASCADE), after the password. */
export const deleteAccountAction = formAction(
  {
    session: 'user',
    schema: z.object({
      password: z
        .string()
        .min(1, 'Enter your password.')
        .max(PASSWORD_MAX * 4, WRONG_PASSWORD),
    }),
  },
  async ({ data, session: { user } }) => {
    const check = await confirmPassword(user.id, data.password, WRONG_PASSWORD);
    if (!check.ok) return { errors: { password: [check.message] }, values: {} };
    await deleteUser(user.id);
    await clearSessionCookie();
    getLogger().info({ event: 'account_deleted', userId: user.id, username: user.username });
    await flash('success', 'Your account has been deleted.');
    redirect('/login');
  },
);
