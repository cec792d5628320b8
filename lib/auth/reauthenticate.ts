import 'server-only';
import { getUserById } from './accounts';
import { verifyPassword } from './passwords';
import { accountLock, clearSignInFailures, lockMessage, recordSignInFailure } from './throttle';

export type PasswordCheck = { ok: true } | { ok: false; message: string };

/**
 * Confirms the signed-in user's password before a change of password or the deletion of the
 * account. A wrong password counts toward the account lock like a failed sign-in, so a stolen
 * session cannot be used to guess the password at full speed.
 */
export async function confirmPassword(
  userId: string,
  password: string,
  wrongMessage: string,
): Promise<PasswordCheck> {
  const user = await getUserById(userId);
  if (!user) return { ok: false, message: wrongMessage };
  const lock = await accountLock(user.usernameKey);
  if (lock.locked) return { ok: false, message: lockMessage(lock.retryAt!) };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordSignInFailure(user.usernameKey);
    return { ok: false, message: wrongMessage };
  }
  await clearSignInFailures(user.usernameKey);
  return { ok: true };
}
