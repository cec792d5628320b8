import 'server-only';
import { getLogger } from '../server/log';
import { getUserById } from './accounts';
import { knownDeviceFor } from './known-device';
import { checkAssertion } from './passkeys-assertion';
import {
  completeSignIn,
  TOO_MANY_FROM_ADDRESS,
  type SignedIn,
  type SignInRefused,
} from './sign-in';
import { allowClientAttempt, clearOwnFailures } from './throttle';

export interface PasskeySignInRequest {
  /** The browser's answer, as JSON text (bounded by the caller's schema). */
  credential: string;
  remember: boolean;
  /** The client's address (lib/auth/client-address.ts), for the per-address limit. */
  address: string;
}

/**
 * A sign-in with a passkey. Only the per-address limit applies: the username throttle counts
 * password guesses, and a stranger's wrong passwords must never keep the owner's passkey out
 * (issue 15). There is nothing to guess here: each attempt needs the key and a fresh challenge.
 * No one-time code is asked after it: a passkey with user verification is itself two factors.
 * On success it does what a password sign-in does (lib/auth/sign-in.ts).
 */
export async function signInWithPasskey({
  credential,
  remember,
  address,
}: PasskeySignInRequest): Promise<SignedIn | SignInRefused> {
  const log = getLogger();
  if (!(await allowClientAttempt(address))) {
    log.warn({ event: 'sign_in_throttled', via: 'passkey', clientAddress: address });
    return { ok: false, message: TOO_MANY_FROM_ADDRESS };
  }
  const checked = await checkAssertion('sign-in', credential, null);
  if (!checked.ok) {
    log.info({ event: 'sign_in_failure', via: 'passkey', clientAddress: address });
    return checked;
  }
  const { passkey } = checked;
  const user = await getUserById(passkey.userId);
  if (!user) return { ok: false, message: 'That passkey could not be used.' };
  const device = await knownDeviceFor(user.id);
  // The owner's own earlier typos here stop counting, as after a password sign-in.
  await clearOwnFailures(user.usernameKey, { address, device });
  return completeSignIn(user, {
    remember,
    address,
    device,
    detail: passkey.name,
    kind: 'sign-in-passkey',
  });
}
