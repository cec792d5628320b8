'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { signInSecondStep } from '@/lib/auth/sign-in';
import { flash } from '@/lib/flash/flash';
import { flashWelcome } from './welcome';

const codeSchema = z.object({
  method: z.enum(['totp', 'recovery']),
  // Long enough for a recovery code typed with spaces; the code checks say the rest.
  code: z.string().trim().min(1, 'Enter the code.').max(100, 'That code is not correct.'),
});

function recoveryNote(left: number | undefined): string {
  if (left === undefined) return '';
  const count = `You have ${left} recovery code${left === 1 ? '' : 's'} left.`;
  return left <= 3 ? `${count} Make new ones on your account page.` : count;
}

/**
 * The sign-in's second step (lib/auth/sign-in.ts signInSecondStep): a one-time code or a
 * recovery code for the account the pending sign-in names. Codes are never typed back.
 */
export const signInCodeAction = formAction(
  { session: 'anyone', schema: codeSchema },
  async ({ data, values }) => {
    const address = clientAddress(await headers());
    const result = await signInSecondStep({ method: data.method, code: data.code, address });
    if (!result.ok) {
      if (result.expired) {
        await flash('info', result.message);
        redirect('/login');
      }
      return { errors: { code: [result.message] }, values };
    }
    await flashWelcome(
      result.user.username,
      result.failedSince,
      recoveryNote(result.recoveryCodesLeft),
    );
    redirect(safeNextPath(result.next));
  },
);
