import 'server-only';
import { getLogger } from '../server/log';
import { getUserByUsername } from './accounts';
import { verifyPassword } from './passwords';
import { createSession, type CurrentUser } from './session';
import {
  accountLock,
  allowClientAttempt,
  clearSignInFailures,
  lockMessage,
  recordSignInFailure,
} from './throttle';
import { usernameKey } from './username';

export const INVALID_SIGN_IN = 'Invalid username or password.';
export const TOO_MANY_FROM_ADDRESS = 'Too many attempts from your network. Try again in a minute.';

export interface SignInRequest {
  username: string;
  password: string;
  remember: boolean;
  /** The client's address (lib/auth/client-address.ts), for the per-address limit. */
  address: string;
}

export type SignInResult = { ok: true; user: CurrentUser } | { ok: false; message: string };

/**
 * The sign-in sequence: the per-address limit, the account lock, the lookup, the password check
 * and, when all pass, a new session (its cookie set on the response). Failures name no cause:
 * an unknown user and a wrong password give the same message after the same hash work.
 */
export async function signIn({
  username,
  password,
  remember,
  address,
}: SignInRequest): Promise<SignInResult> {
  const log = getLogger();
  if (!(await allowClientAttempt(address))) {
    log.warn({ event: 'sign_in_throttled', clientAddress: address });
    return { ok: false, message: TOO_MANY_FROM_ADDRESS };
  }
  const key = usernameKey(username);
  const lock = await accountLock(key);
  if (lock.locked) {
    log.warn({ event: 'sign_in_locked', username });
    return { ok: false, message: lockMessage(lock.retryAt!) };
  }
  const user = await getUserByUsername(username);
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordSignInFailure(key);
    const after = await accountLock(key);
    log.info({ event: 'sign_in_failure', username });
    if (after.locked) log.warn({ event: 'account_locked', username, until: after.retryAt });
    return { ok: false, message: INVALID_SIGN_IN };
  }
  await clearSignInFailures(key);
  await createSession(user.id, remember);
  log.info({ event: 'sign_in', userId: user.id, username: user.username, remember });
  return { ok: true, user: { id: user.id, username: user.username } };
}
