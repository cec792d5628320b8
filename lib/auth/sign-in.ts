import 'server-only';
import { getLogger } from '../server/log';
import { getUserByUsername } from './accounts';
import { recordSecurityEvent } from './security-log';
import { knownDeviceFor, rememberDevice } from './known-device';
import { verifyPassword } from './passwords';
import { createSession, type CurrentUser } from './session';
import {
  allowClientAttempt,
  checkAttempt,
  clearOwnFailures,
  isKnownAddress,
  lockMessage,
  recordSignInFailure,
  rememberAddress,
  takeFailedSignIns,
} from './throttle';
import { usernameKey } from './username';

const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export const INVALID_SIGN_IN = 'Invalid username or password.';
export const TOO_MANY_FROM_ADDRESS = 'Too many attempts from your network. Try again in a minute.';

/** "3 failed sign-in attempts since your last visit." */
export function failedAttemptsNotice(count: number): string {
  return `${count} failed sign-in attempt${count === 1 ? '' : 's'} since your last visit.`;
}

export interface SignInRequest {
  username: string;
  password: string;
  remember: boolean;
  /** The client's address (lib/auth/client-address.ts), for the per-address limits. */
  address: string;
}

export type SignInResult =
  { ok: true; user: CurrentUser; failedSince: number } | { ok: false; message: string };

/**
 * The sign-in sequence: the per-address limit, the throttle (lib/auth/throttle-rules.ts), the
 * password check and, when all pass, a new session and a renewed known-device cookie.
 * Failures name no cause: an unknown user and a wrong password give the same message after the
 * same hash work, and a refused attempt reads the same whether the password was right or not.
 * `failedSince`: failed attempts on the account since its previous sign-in, for the notice.
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
  const user = await getUserByUsername(username);
  const device = await knownDeviceFor(user?.id);
  // The same query for an unknown name (no account has the nil id): no timing tells them apart.
  const knownAddress = await isKnownAddress(user?.id ?? NO_ACCOUNT, address);
  const decision = await checkAttempt(key, { address, device, knownAddress });
  if (!decision.allowed) {
    log.warn({
      event: 'sign_in_refused',
      username,
      reason: decision.reason,
      clientAddress: address,
    });
    return { ok: false, message: lockMessage(decision.retryAt) };
  }
  // A device past its own budget is a stranger again, and its failures count as one's.
  const origin = { address, device: decision.via === 'device' ? device : null };
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordSignInFailure(key, origin);
    log.info({ event: 'sign_in_failure', username, via: decision.via, clientAddress: address });
    return { ok: false, message: INVALID_SIGN_IN };
  }
  await clearOwnFailures(key, origin);
  await rememberAddress(user.id, address);
  await rememberDevice(user.id, device);
  const failedSince = await takeFailedSignIns(user.id);
  await createSession(user.id, remember);
  if (failedSince > 0) {
    await recordSecurityEvent(user.id, 'sign-in-failures', failedAttemptsNotice(failedSince));
  }
  await recordSecurityEvent(user.id, 'sign-in');
  log.info({ event: 'sign_in', userId: user.id, username: user.username, remember, failedSince });
  return { ok: true, user: { id: user.id, username: user.username }, failedSince };
}
