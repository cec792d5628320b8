'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { buttonAction } from '@/lib/auth/action';
import { countPasskeys, deletePasskey } from '@/lib/auth/passkeys';
import { NO_RELYING_PARTY, PASSKEY_NAME_MAX, PASSKEYS_PER_USER } from '@/lib/auth/passkeys-limits';
import { finishRegistration, registrationOptions } from '@/lib/auth/passkeys-registration';
import { requireRecentAuth } from '@/lib/auth/recent-auth';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import { requireSession } from '@/lib/auth/session';
import { credentialJsonSchema } from '@/lib/auth/webauthn-schemas';
import { flash } from '@/lib/flash/flash';
import { getLogger } from '@/lib/server/log';

/*
 * Passkeys on /account. Every action acts on the session's own user only; an id from the page
 * never names the user. Adding and removing are security changes: a recent sign-in first.
 */

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name for the passkey, such as “Laptop fingerprint”.')
  .refine((name) => [...name].length <= PASSKEY_NAME_MAX, {
    message: `Use at most ${PASSKEY_NAME_MAX} characters.`,
  })
  .refine((name) => !/[\p{Cc}\p{Cf}]/u.test(name), {
    message: 'Use letters, digits, spaces and punctuation only.',
  });

export type AddPasskeyStep =
  | { ok: true; options: PublicKeyCredentialCreationOptionsJSON }
  | { ok: false; errors?: { name?: string[] }; message?: string };

/** Step one of adding a passkey (JavaScript only): options for navigator.credentials.create(). */
export async function passkeyRegistrationOptionsAction(input: unknown): Promise<AddPasskeyStep> {
  const { user } = requireRecentAuth(await requireSession(), '/account');
  const name = nameSchema.safeParse(z.object({ name: z.unknown() }).safeParse(input).data?.name);
  if (!name.success)
    return { ok: false, errors: { name: name.error.issues.map((i) => i.message) } };
  if ((await countPasskeys(user.id)) >= PASSKEYS_PER_USER) {
    return {
      ok: false,
      message: `You have ${PASSKEYS_PER_USER} passkeys. Remove one you no longer use.`,
    };
  }
  const options = await registrationOptions(user);
  return options ? { ok: true, options } : { ok: false, message: NO_RELYING_PARTY };
}

const addSchema = z.object({ name: nameSchema, credential: credentialJsonSchema });

/** Step two: verifies and stores the new passkey, then shows the page with it. */
export async function addPasskeyAction(input: unknown): Promise<{ message: string }> {
  const { user } = requireRecentAuth(await requireSession(), '/account');
  const parsed = addSchema.safeParse(input);
  if (!parsed.success) return { message: 'The passkey could not be added.' };
  const result = await finishRegistration(user, parsed.data.name, parsed.data.credential);
  if (!result.ok) return { message: result.message };
  await flash('success', `Passkey “${result.name}” added. You can sign in with it now.`);
  redirect('/account');
}

async function alreadyRemoved(): Promise<void> {
  await flash('info', 'That passkey had already been removed.');
  redirect('/account');
}

/** Removes one passkey (a plain form: works without JavaScript). */
export const removePasskeyAction = buttonAction(
  { session: 'user', schema: z.object({ passkeyId: z.uuid() }), refused: alreadyRemoved },
  async ({ data: { passkeyId }, session }) => {
    const { user } = requireRecentAuth(session, '/account');
    // Scoped to the user: another user's id matches nothing.
    const name = await deletePasskey(user.id, passkeyId);
    if (name === null) return alreadyRemoved();
    await recordSecurityEvent(user.id, 'passkey-removed', name);
    getLogger().info({
      event: 'passkey_removed',
      userId: user.id,
      username: user.username,
      passkeyId,
    });
    await flash('success', `Passkey “${name}” removed. It can no longer sign in here.`);
    redirect('/account');
  },
);
