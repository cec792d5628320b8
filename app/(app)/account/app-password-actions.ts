'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { buttonAction, formAction } from '@/lib/auth/action';
import {
  APP_PASSWORD_NAME_MAX,
  createAppPassword,
  listAppPasswords,
  revokeAppPassword,
} from '@/lib/auth/app-passwords';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import { flash } from '@/lib/flash/flash';
import type { FormState } from '@/lib/forms/form-state';
import { getLogger } from '@/lib/server/log';

/*
 * App passwords for sync clients. Every action acts on the session's own user only (the
 * pipeline runs requireSession() first); an id from the form never names the user.
 */

/** The form's state; `created` carries a new secret back to the one response that shows it. */
export type CreateAppPasswordState = FormState & {
  created?: { id: string; name: string; secret: string };
};

/** Enough for every device a person owns; a bound so a script cannot fill the table. */
const MAX_PER_USER = 100;

const nameSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a device name, such as “iPhone”.')
    .refine((name) => [...name].length <= APP_PASSWORD_NAME_MAX, {
      message: `Use at most ${APP_PASSWORD_NAME_MAX} characters.`,
    })
    .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), {
      message: 'Use letters, digits, spaces and punctuation only.',
    }),
});

/**
 * Creates an app password and answers with its secret in the action's state, so it is shown in
 * this one response (the page re-rendered without JavaScript, the form's state with it) and is
 * never in a URL, a cookie, a log or the database. Reloading the page does not show it again.
 */
export const createAppPasswordAction = formAction<
  typeof nameSchema,
  'user',
  CreateAppPasswordState
>({ session: 'user', schema: nameSchema, echo: ['name'] }, async ({ data, values, session }) => {
  // A new credential is a security change: a stolen session alone cannot mint one.
  const { user } = requireRecentAuth(session, '/account');
  if ((await listAppPasswords(user.id)).length >= MAX_PER_USER) {
    return {
      errors: { name: [`You have ${MAX_PER_USER} app passwords. Revoke one you no longer use.`] },
      values,
    };
  }
  const created = await createAppPassword(user.id, data.name);
  await recordSecurityEvent(user.id, 'app-password-created', created.name);
  getLogger().info({
    event: 'app_password_created',
    userId: user.id,
    username: user.username,
    appPasswordId: created.id,
  });
  // The list beside the form shows the new password (with JavaScript the page is not reloaded).
  revalidatePath('/account');
  return { errors: {}, values: {}, created };
});

async function alreadyRevoked(): Promise<void> {
  await flash('info', 'That app password had already been revoked.');
  redirect('/account');
}

/** Revokes one app password: the next request of a device that uses it gets 401. */
export const revokeAppPasswordAction = buttonAction(
  {
    session: 'user',
    schema: z.object({ appPasswordId: z.uuid() }),
    refused: alreadyRevoked,
  },
  async ({ data: { appPasswordId }, session: { user } }) => {
    // Scoped to the user: another user's id matches nothing.
    const name = await revokeAppPassword(user.id, appPasswordId);
    if (name === null) return alreadyRevoked();
    await recordSecurityEvent(user.id, 'app-password-revoked', name);
    getLogger().info({
      event: 'app_password_revoked',
      userId: user.id,
      username: user.username,
      appPasswordId,
    });
    await flash(
      'success',
      'The app password has been revoked. Devices using it can no longer sync.',
    );
    redirect('/account');
  },
);
