'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { INVALID_RECOVERY, resetWithRecoveryCode } from '@/lib/auth/password-reset-recovery';
import { PASSWORD_MAX, passwordProblem } from '@/lib/auth/passwords';
import { clearSessionCookie } from '@/lib/auth/session';
import { usernameKey } from '@/lib/auth/username';
import { flash } from '@/lib/flash/flash';
import { resetDoneMessage } from '../reset/reset-messages';

const typed = z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`);

const recoverSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, 'Enter your username.')
      .max(64, INVALID_RECOVERY)
      .refine((v) => !v.includes('\u0000'), INVALID_RECOVERY),
    code: z.string().trim().min(1, 'Enter one of your recovery codes.').max(100, INVALID_RECOVERY),
    password: typed,
    confirm: typed,
  })
  .superRefine(async (data, ctx) => {
    const problem = await passwordProblem(data.password, usernameKey(data.username));
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (data.password !== data.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
    }
  });

/**
 * Username + recovery code + new password: the way back in without mail. The new password is
 * judged first (a refused one does not use up a code); the code is then throttled and checked
 * as a sign-in's password is (lib/auth/password-reset-recovery.ts).
 */
export const recoverAction = formAction(
  // The code is a secret: like a password, it is never typed back into the form.
  { session: 'anyone', schema: recoverSchema, echo: ['username'] },
  async ({ data, values }) => {
    const result = await resetWithRecoveryCode({
      username: data.username,
      code: data.code,
      password: data.password,
      address: clientAddress(await headers()),
    });
    if (!result.ok) return { errors: {}, values, message: result.message };
    await clearSessionCookie();
    await flash('success', resetDoneMessage(result.revokedAppPasswords));
    redirect('/login');
  },
);
