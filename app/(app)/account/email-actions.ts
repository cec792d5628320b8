'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction, formAction } from '@/lib/auth/action';
import {
  emailSchema,
  getEmailStatus,
  removeEmail,
  requestEmailVerification,
} from '@/lib/auth/email-address';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

/*
 * The account's email address (for password resets). Both actions are security changes: a
 * stolen session alone must not point the account's resets at the thief's mailbox, so each asks
 * for a recent sign-in first. They act on the session's own user only.
 */

export const requestEmailAction = formAction(
  { session: 'user', schema: z.object({ email: emailSchema }), echo: ['email'] },
  async ({ data, values, session }) => {
    const { user } = requireRecentAuth(session, '/account');
    if ((await getEmailStatus(user.id)).email === data.email) {
      return { errors: { email: ['That is already your verified address.'] }, values };
    }
    let result;
    try {
      result = await requestEmailVerification(user, data.email);
    } catch (error) {
      getLogger().error({
        event: 'email_verification_mail_failed',
        userId: user.id,
        type: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message : String(error),
      });
      return { errors: {}, values, message: 'The mail could not be sent. Try again later.' };
    }
    if (!result.ok) return { errors: {}, values, message: result.message };
    await flash(
      'success',
      `We have sent a link to ${data.email}. Follow it within 24 hours, signed in to this account, to confirm the address.`,
    );
    redirect('/account');
  },
);

export const removeEmailAction = buttonAction(
  { session: 'user', schema: z.object({}) },
  async ({ session }) => {
    const { user } = requireRecentAuth(session, '/account');
    const removed = await removeEmail(user.id);
    getLogger().info({ event: 'email_removed', userId: user.id, removed: Boolean(removed) });
    await flash(
      removed ? 'success' : 'info',
      removed
        ? 'Your email address has been removed. Password reset links can no longer be sent.'
        : 'There was no email address to remove.',
    );
    redirect('/account');
  },
);
