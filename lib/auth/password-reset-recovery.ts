import 'server-only';
import { getLogger } from '../server/log';
import { NO_ACCOUNT, openAttemptGate } from './attempt-gate';
import { completePasswordReset, type ResetOutcome } from './password-reset';
import { consumeRecoveryCode } from './recovery-codes';
import { recordSecurityEvent } from './security-log';
import { recordSignInFailure } from './throttle';

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
  const gate = await openAttemptGate(username, address, 'recovery');
  if (!gate.open) return { ok: false, message: gate.message };
  const { key, user, origin } = gate;
  // The same atomic update for an unknown name (no account has the nil id).
  const used = await consumeRecoveryCode(user?.id ?? NO_ACCOUNT, code);
  if (!used || !user) {
    await recordSignInFailure(key, origin);
    log.info({ event: 'recovery_failure', username, clientAddress: address });
    return { ok: false, message: INVALID_RECOVERY };
  }
  await recordSecurityEvent(user.id, 'recovery-code-used', 'to reset the password');
  const outcome = await completePasswordReset(user.id, password, 'with a recovery code');
  return { ok: true, ...outcome };
}
