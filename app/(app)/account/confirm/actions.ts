'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { PASSWORD_MAX } from '@/lib/auth/passwords';
import { markAuthenticated } from '@/lib/auth/recent-auth';
import { confirmPassword } from '@/lib/auth/reauthenticate';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { recordSecurityEvent } from '@/lib/auth/security-log';

const WRONG_PASSWORD = 'The password is not correct.';

const confirmSchema = z.object({
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX * 4, WRONG_PASSWORD),
  next: z.string().max(2048).optional(),
});

/** Re-authentication with the password (throttled as a sign-in is: lib/auth/reauthenticate.ts). */
export const confirmWithPasswordAction = formAction(
  { session: 'user', schema: confirmSchema, echo: ['next'] },
  async ({ data, values, session }) => {
    const check = await confirmPassword(session.user.id, data.password, WRONG_PASSWORD);
    if (!check.ok) return { errors: { password: [check.message] }, values };
    await markAuthenticated(session.sessionId);
    await recordSecurityEvent(session.user.id, 'reauthenticated', 'with the password');
    redirect(safeNextPath(data.next || '/account'));
  },
);
