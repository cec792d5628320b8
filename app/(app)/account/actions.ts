'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteUser, updatePassword } from '@/lib/auth/accounts';
import { PASSWORD_MAX, passwordProblem } from '@/lib/auth/passwords';
import { confirmPassword } from '@/lib/auth/reauthenticate';
import {
  clearSessionCookie,
  requireSession,
  revokeOtherSessions,
  revokeSession,
} from '@/lib/auth/session';
import { usernameKey } from '@/lib/auth/username';
import { flash } from '@/lib/flash';
import { fieldErrors, type FormState } from '@/lib/forms';
import { getLogger } from '@/lib/log';

/*
 * Every action here asks requireSession() (the database check) first and acts only on the
 * session's own user: ids from the form are never trusted to name the user.
 */

const WRONG_CURRENT = 'Your current password is not correct.';
const WRONG_PASSWORD = 'The password is not correct.';
// Checked before anything is hashed; the exact limit (in code points) is passwordProblem's.
const typed = z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`);

function passwordChangeSchema(key: string) {
  return z
    .object({
      currentPassword: z
        .string()
        .min(1, 'Enter your current password.')
        .max(PASSWORD_MAX * 4, WRONG_CURRENT),
      newPassword: typed,
      confirmPassword: typed,
    })
    .superRefine((data, ctx) => {
      const problem = passwordProblem(data.newPassword, key);
      if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      else if (data.newPassword !== data.confirmPassword) {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmPassword'],
          message: 'The passwords do not match.',
        });
      }
    });
}

export async function changePassword(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await requireSession();
  const { user } = session;
  const parsed = passwordChangeSchema(usernameKey(user.username)).safeParse(
    Object.fromEntries(formData),
  );
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  // The current password is checked even when the new one is refused, so one round trip shows every problem.
  const current = formData.get('currentPassword');
  if (!errors.currentPassword && typeof current === 'string') {
    const check = await confirmPassword(user.id, current, WRONG_CURRENT);
    if (!check.ok) errors.currentPassword = [check.message];
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors, values: {} };

  const ended = await updatePassword(user.id, parsed.data.newPassword, session.sessionId);
  getLogger().info({
    event: 'password_changed',
    userId: user.id,
    username: user.username,
    endedSessions: ended,
  });
  await flash('success', 'Your password has been changed.');
  redirect('/account');
}

const sessionIdSchema = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

/** Ends one of the user's sessions; ending this browser's own session signs it out. */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const session = await requireSession();
  const parsed = sessionIdSchema.safeParse(Object.fromEntries(formData));
  const sessionId = parsed.success ? parsed.data.sessionId : null;
  // Scoped to the session's user: another user's session id matches nothing.
  if (!sessionId || !(await revokeSession(session.user.id, sessionId))) {
    await flash('info', 'That session had already ended.');
    redirect('/account');
  }
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
}

export async function logoutOtherSessions(): Promise<void> {
  const session = await requireSession();
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
}

const deleteAccountSchema = z.object({
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX * 4, WRONG_PASSWORD),
});

/** Deletes the account with its sessions and contacts (ON DELETE CASCADE), after the password. */
export async function deleteAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSession();
  const parsed = deleteAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values: {} };
  const check = await confirmPassword(user.id, parsed.data.password, WRONG_PASSWORD);
  if (!check.ok) return { errors: { password: [check.message] }, values: {} };

  await deleteUser(user.id);
  await clearSessionCookie();
  getLogger().info({ event: 'account_deleted', userId: user.id, username: user.username });
  await flash('success', 'Your account has been deleted.');
  redirect('/login');
}
