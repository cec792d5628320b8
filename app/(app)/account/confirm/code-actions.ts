'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { markAuthenticated } from '@/lib/auth/recent-auth';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import { verifyTotpCode } from '@/lib/auth/totp';

const confirmCodeSchema = z.object({
  code: z.string().trim().min(1, 'Enter the code from your app.').max(50, 'Enter 6 digits.'),
  next: z.string().max(2048).optional(),
});

/** Re-authentication with a one-time code (single use and throttled, as at sign-in). */
export const confirmWithCodeAction = formAction(
  { session: 'user', schema: confirmCodeSchema, echo: ['next'] },
  async ({ data, values, session }) => {
    const address = clientAddress(await headers());
    const check = await verifyTotpCode(session.user.id, data.code, address);
    if (!check.ok) return { errors: { code: [check.message] }, values };
    await markAuthenticated(session.sessionId);
    await recordSecurityEvent(session.user.id, 'reauthenticated', 'with a one-time code');
    redirect(safeNextPath(data.next || '/account'));
  },
);
