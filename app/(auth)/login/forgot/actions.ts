'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { sendResetLinkIfAny } from '@/lib/auth/password-reset';
import { TOO_MANY_FROM_ADDRESS } from '@/lib/auth/sign-in';
import { allowClientAttempt } from '@/lib/auth/throttle';
import { mailEnabled } from '@/lib/mail/send';
import { getLogger } from '@/lib/server/log';

const forgotSchema = z.object({
  account: z
    .string()
    .trim()
    .min(1, 'Enter your username or email address.')
    .max(254, 'Use at most 254 characters.')
    // PostgreSQL text cannot hold U+0000.
    .refine((v) => !v.includes('\u0000'), 'Enter your username or email address.'),
});

/**
 * "Forgot password?": the same answer for every name or address, at once. The look-up, the
 * per-account limit and the mail happen after the response (after()), so neither the page nor
 * its timing tells whether an account exists or has an address. The per-address limit (shared
 * with sign-ins) is checked first and is the one thing the answer can say.
 */
export const forgotPasswordAction = formAction(
  { session: 'anyone', schema: forgotSchema, echo: ['account'] },
  async ({ data, values }) => {
    if (!mailEnabled()) {
      return { errors: {}, values, message: 'Mail is not set up on this server.' };
    }
    if (!(await allowClientAttempt(clientAddress(await headers())))) {
      return { errors: {}, values, message: TOO_MANY_FROM_ADDRESS };
    }
    after(() =>
      sendResetLinkIfAny(data.account).catch((error: unknown) =>
        getLogger().error({
          event: 'password_reset_mail_failed',
          type: error instanceof Error ? error.name : typeof error,
          message: error instanceof Error ? error.message : String(error),
        }),
      ),
    );
    redirect('/login/forgot/sent');
  },
);
