'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { clientAddress } from '@/lib/auth/client-address';
import { assertionOptions } from '@/lib/auth/passkeys-assertion';
import { signInWithPasskey } from '@/lib/auth/passkeys-sign-in';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { credentialJsonSchema } from '@/lib/auth/webauthn-schemas';
import { flashWelcome } from './code/welcome';

/*
 * Sign-in with a passkey, called from the login page's script (passkey-button.tsx): passkeys
 * need JavaScript, so these take plain values, not a form. Anyone may call them, with anything:
 * every argument is parsed here, and nothing the browser says names the user but the passkey.
 */

/** Options for navigator.credentials.get(); null where passkeys cannot work (an IP address). */
export async function passkeySignInOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return assertionOptions('sign-in', null);
}

const signInSchema = z.object({
  credential: credentialJsonSchema,
  remember: z.boolean(),
  next: z.string().max(2048),
});

/** Signs in with the browser's answer and redirects to `next`; a message when refused. */
export async function passkeySignInAction(input: unknown): Promise<{ message: string }> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { message: 'That passkey could not be used.' };
  const { credential, remember, next } = parsed.data;
  const address = clientAddress(await headers());
  const result = await signInWithPasskey({ credential, remember, address });
  if (!result.ok) return { message: result.message };
  await flashWelcome(result.user.username, result.failedSince);
  redirect(safeNextPath(next));
}
