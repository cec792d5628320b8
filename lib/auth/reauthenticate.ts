import 'server-only';
import { headers } from 'next/headers';
import { getUserById } from './accounts';
import { clientAddress } from './client-address';
import { verifyPassword } from './passwords';
import { checkAttempt, clearOwnFailures, lockMessage, recordSignInFailure } from './throttle';

export type PasswordCheck = { ok: true } | { ok: false; message: string };

/**
 * Confirms the signed-in user's password before a change of password or the deletion of the
 * account. A wrong password counts as a failed sign-in from this address, so a stolen session
 * cannot be used to guess the password at full speed: the (username, address) pair locks as a
 * sign-in's does. The session itself vouches for the place, as the owner's own address does, so
 * a stranger's failures elsewhere never delay it.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  wrongMessage: string,
): Promise<PasswordCheck> {
  const user = await getUserById(userId);
  if (!user) return { ok: false, message: wrongMessage };
  const address = clientAddress(await headers());
  const decision = await checkAttempt(user.usernameKey, {
    address,
    device: null,
    knownAddress: true,
  });
  if (!decision.allowed) return { ok: false, message: lockMessage(decision.retryAt) };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordSignInFailure(user.usernameKey, { address });
    return { ok: false, message: wrongMessage };
  }
  await clearOwnFailures(user.usernameKey, { address });
  return { ok: true };
}
