'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getUserById } from '@/lib/auth/accounts';
import { formAction } from '@/lib/auth/action';
import { findEmailToken } from '@/lib/auth/email-address-tokens';
import { resetWithToken } from '@/lib/auth/password-reset';
import { PASSWORD_MAX, passwordProblem } from '@/lib/auth/passwords';
import { clearSessionCookie } from '@/lib/auth/session';
import { flash } from '@/lib/flash/flash';
import { DEAD_LINK, resetDoneMessage } from './reset-messages';

const typed = z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`);

const resetSchema = z
  .object({ token: z.string().max(100), password: typed, confirm: typed })
  .superRefine(async (data, ctx) => {
    // The token names the account, whose username the password must not be; used up only below.
    const row = await findEmailToken(data.token, 'reset-password');
    const user = row ? await getUserById(row.userId) : undefined;
    if (!user) {
      ctx.addIssue({ code: 'custom', path: ['token'], message: DEAD_LINK });
      return;
    }
    const problem = await passwordProblem(data.password, user.usernameKey);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (data.password !== data.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
    }
  });

/** A new password through a reset link: every session ends, app passwords are revoked. */
export const resetPasswordAction = formAction(
  {
    session: 'anyone',
    schema: resetSchema,
    // The token goes back into its hidden field; the passwords never do.
    echo: ['token'],
    refused: ({ errors, values }) =>
      errors.token ? { errors: {}, values, message: DEAD_LINK } : { errors, values },
  },
  async ({ data, values }) => {
    const outcome = await resetWithToken(data.token, data.password);
    if (!outcome) return { errors: {}, values, message: DEAD_LINK };
    // This browser's session (if any) ended with every other: its cookie names nothing now.
    await clearSessionCookie();
    await flash('success', resetDoneMessage(outcome.revokedAppPasswords));
    redirect('/login');
  },
);
