import 'server-only';
import { getLogger } from '../server/log';
import { getUserByUsername } from './accounts';
import { knownDeviceFor } from './known-device';
import { completePasswordReset, type ResetOutcome } from './password-reset';
import { consumeRecoveryCode } from './recovery-codes';
import { recordSecurityEvent } from './security-log';
import { TOO_MANY_FROM_ADDRESS } from './sign-in';
import {
  allowClientAttempt,
  checkAttempt,
  isKnownAddress,
  lockMessage,
  recordSignInFailure,
} from './throttle';
import { usernameKey } from './username';

const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export const INVALID_RECOVERY = 'Invalid username or recovery code.';

export type RecoveryResult = ({ ok: true } & ResetOutcome) | { ok: false; message: string };

/**
 * The way back in without mail: username + one recovery code + a new password. A recovery code
 * is a password here, so it is throttled as a sign-in is (the per-address limit, then the
 * (username, address) lock and the account-wide delay of lib/auth/throttle.ts), a wrong code
 * counts as a failed sign-in, and an unknown name and a wrong code get the same answer after the
 * same query. The new password is checked by the caller before this runs, so a refused password
 * never uses up a code.
 */
export async function resetWithRecoveryCode(input: {
  username: string;
  code: string;
  password: string;
  address: string;
}): Promise<RecoveryResult> {
  const { username, code, password, address } = input;
  const log = getLogger();
  if (!(await allowClientAttempt(address))) return { ok: false, message: TOO_MANY_FROM_ADDRESS };
  const key = usernameKey(username);
  const user = await getUserByUsername(username);
  const device = await knownDeviceFor(user?.id);
  const knownAddress = await isKnownAddress(user?.id ?? NO_ACCOUNT, address);
  const decision = await checkAttempt(key, { address, device, knownAddress });
  if (!decision.allowed) {
    log.warn({
      event: 'recovery_refused',
      username,
      reason: decision.reason,
      clientAddress: address,
    });
    return { ok: false, message: lockMessage(decision.retryAt) };
  }
  // The same atomic update for an unknown name (no account has the nil id).
  const used = await consumeRecoveryCode(user?.id ?? NO_ACCOUNT, code);
  if (!used || !user) {
    const origin = { address, device: decision.via === 'device' ? device : null };
    await recordSignInFailure(key, origin);
    log.info({ event: 'recovery_failure', username, clientAddress: address });
    return { ok: false, message: INVALID_RECOVERY };
  }
  await recordSecurityEvent(user.id, 'recovery-code-used', 'to reset the password');
  const outcome = await completePasswordReset(user.id, password, 'with a recovery code');
  return { ok: true, ...outcome };
}
