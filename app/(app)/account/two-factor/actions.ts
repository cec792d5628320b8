'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction, formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { PASSWORD_MAX } from '@/lib/auth/passwords';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { confirmPassword } from '@/lib/auth/reauthenticate';
import { createRecoveryCodes } from '@/lib/auth/recovery-codes';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import {
  disableTotp,
  enableTotp,
  matchStep,
  totpEnabledAt,
  verifyRecoveryCode,
  verifyTotpCode,
} from '@/lib/auth/totp';
import { endEnrolment, pendingEnrolment, startEnrolment } from '@/lib/auth/totp-enrolment';
import { flash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';

/*
 * Two-step sign-in for the session's own user. Every change asks for a recent sign-in first
 * (requireRecentAuth): a stolen session alone cannot turn codes on, off, or mint recovery codes.
 */

const SETUP_PATH = '/account/two-factor';

/** A form's state; `codes` carries new recovery codes to the one response that shows them. */
export type RecoveryCodesState = FormState & { codes?: string[] };

/** "Set up": a new seed in a sealed cookie (lib/auth/totp-enrolment.ts), shown on the page. */
export const startEnrolmentAction = buttonAction(
  { session: 'user', schema: z.object({}) },
  async ({ session }) => {
    const { user } = requireRecentAuth(session, SETUP_PATH);
    if (!(await totpEnabledAt(user.id))) await startEnrolment(user.id);
    redirect(SETUP_PATH);
  },
);

const codeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the code from your app.').max(50, 'Enter 6 digits.'),
});

/** The first code proves the app has the seed: codes go on, and ten recovery codes are shown. */
export const confirmEnrolmentAction = formAction<typeof codeSchema, 'user', RecoveryCodesState>(
  { session: 'user', schema: codeSchema },
  async ({ data, session }) => {
    const { user } = requireRecentAuth(session, SETUP_PATH);
    const secret = await pendingEnrolment(user.id);
    if (!secret) {
      return { errors: {}, values: {}, message: 'The set-up timed out. Start again.' };
    }
    const step = matchStep(secret, data.code);
    if (step === null) {
      return {
        errors: {
          code: ['That code is not correct. Check that your phone’s clock is set automatically.'],
        },
        values: {},
      };
    }
    if (!(await enableTotp(user.id, secret, step))) {
      return { errors: {}, values: {}, message: 'Two-step sign-in is already on.' };
    }
    await endEnrolment();
    const codes = await createRecoveryCodes(user.id);
    await recordSecurityEvent(user.id, 'totp-enabled');
    await recordSecurityEvent(user.id, 'recovery-codes-created', `${codes.length} codes`);
    getLogger().info({ event: 'totp_enabled', userId: user.id, username: user.username });
    return { errors: {}, values: {}, codes };
  },
);

/** Ten new recovery codes; the old ones stop working at once. */
export const regenerateRecoveryCodesAction = formAction<
  z.ZodObject<Record<string, never>>,
  'user',
  RecoveryCodesState
>({ session: 'user', schema: z.object({}) }, async ({ session }) => {
  const { user } = requireRecentAuth(session, `${SETUP_PATH}/recovery-codes`);
  if (!(await totpEnabledAt(user.id))) {
    return { errors: {}, values: {}, message: 'Two-step sign-in is off: there are no codes.' };
  }
  const codes = await createRecoveryCodes(user.id);
  await recordSecurityEvent(user.id, 'recovery-codes-created', `${codes.length} codes`);
  getLogger().info({ event: 'recovery_codes_created', userId: user.id, username: user.username });
  return { errors: {}, values: {}, codes };
});

const WRONG_PASSWORD = 'The password is not correct.';
const disableSchema = z.object({
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX * 4, WRONG_PASSWORD),
  code: z.string().trim().min(1, 'Enter a code.').max(100, 'That code is not correct.'),
});

/**
 * Turning codes off takes the password and a code (or a recovery code) in the same form: a
 * session and one of them is not enough. Both are throttled as at sign-in.
 */
export const disableTotpAction = formAction(
  { session: 'user', schema: disableSchema },
  async ({ data, session }) => {
    const { user } = requireRecentAuth(session, `${SETUP_PATH}/disable`);
    const password = await confirmPassword(user.id, data.password, WRONG_PASSWORD);
    if (!password.ok) return { errors: { password: [password.message] }, values: {} };
    const address = clientAddress(await headers());
    // Six digits are a one-time code; anything longer is read as a recovery code.
    const check = /^[\d\s]{6,9}$/.test(data.code)
      ? await verifyTotpCode(user.id, data.code, address)
      : await verifyRecoveryCode(user.id, data.code, address);
    if (!check.ok) return { errors: { code: [check.message] }, values: {} };
    await disableTotp(user.id);
    await recordSecurityEvent(user.id, 'totp-disabled');
    getLogger().info({ event: 'totp_disabled', userId: user.id, username: user.username });
    await flash('success', 'Two-step sign-in is off. Your recovery codes no longer work.');
    redirect('/account');
  },
);
