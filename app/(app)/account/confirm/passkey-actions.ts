'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { clientAddress } from '@/lib/auth/client-address';
import { assertionOptions, checkAssertion } from '@/lib/auth/passkeys-assertion';
import { markAuthenticated } from '@/lib/auth/recent-auth';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { recordSecurityEvent } from '@/lib/auth/security-log';
import { requireSession } from '@/lib/auth/session';
import { TOO_MANY_FROM_ADDRESS } from '@/lib/auth/sign-in';
import { allowClientAttempt } from '@/lib/auth/throttle';
import { credentialJsonSchema } from '@/lib/auth/webauthn-schemas';

/** Options asking for one of the signed-in user's own passkeys. */
export async function confirmPasskeyOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const session = await requireSession();
  return assertionOptions('reauthenticate', session.user.id);
}

const confirmSchema = z.object({ credential: credentialJsonSchema, next: z.string().max(2048) });

/** Re-authentication with a passkey: a new recent-sign-in window, then back to `next`. */
export async function confirmWithPasskeyAction(input: unknown): Promise<{ message: string }> {
  const session = await requireSession();
  const parsed = confirmSchema.safeParse(input);
  if (!parsed.success) return { message: 'That passkey could not be used.' };
  if (!(await allowClientAttempt(clientAddress(await headers())))) {
    return { message: TOO_MANY_FROM_ADDRESS };
  }
  // Only the user's own passkeys count: a challenge and a credential of this user's.
  const checked = await checkAssertion('reauthenticate', parsed.data.credential, session.user.id);
  if (!checked.ok) return { message: checked.message };
  await markAuthenticated(session.sessionId);
  await recordSecurityEvent(session.user.id, 'reauthenticated', 'with a passkey');
  redirect(safeNextPath(parsed.data.next || '/account'));
}
