import 'server-only';
import { getLogger } from '../server/log';
import type { User } from '../db/schema';
import { getUserById, rehashPassword } from './accounts';
import { openAttemptGate, TOO_MANY_FROM_ADDRESS } from './attempt-gate';
import { recordSecurityEvent } from './security-log';
import { knownDeviceFor, rememberDevice } from './known-device';
import { hashIsCurrent, verifyPassword } from './passwords';
import { clearPendingSignIn, readPendingSignIn, startPendingSignIn } from './pending-sign-in';
import { unusedRecoveryCodes } from './recovery-codes';
import { createSession, type CurrentUser } from './session';
import {
  allowClientAttempt,
  clearOwnFailures,
  recordSignInFailure,
  rememberAddress,
  takeFailedSignIns,
} from './throttle';
import { verifyRecoveryCode, verifyTotpCode } from './totp';

export const INVALID_SIGN_IN = 'Invalid username or password.';
export { TOO_MANY_FROM_ADDRESS };

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
  /** Where to go once signed in, kept for the second step (checked again before use). */
  next?: string;
}

export type SignedIn = { ok: true; user: CurrentUser; failedSince: number };
export type SignInRefused = { ok: false; message: string };
/** 'code-needed': the password was right and the account has one-time codes (pending-sign-in.ts). */
export type SignInResult = SignedIn | SignInRefused | { ok: 'code-needed' };

/**
 * The sign-in sequence: the per-address limit, the throttle (lib/auth/throttle-rules.ts), the
 * password check and, when all pass, a new session and a renewed known-device cookie.
 * Failures name no cause: an unknown user and a wrong password give the same message after the
 * same hash work, and a refused attempt reads the same whether the password was right or not.
 * `failedSince`: failed attempts on the account since its previous sign-in, for the notice.
 * With one-time codes on, the right password only starts the second step: no session, no
 * remembered address or device until a code proves the rest (docs/security/two-factor.md).
 */
export async function signIn({
  username,
  password,
  remember,
  address,
  next = '',
}: SignInRequest): Promise<SignInResult> {
  const log = getLogger();
  const gate = await openAttemptGate(username, address, 'sign_in');
  if (!gate.open) return { ok: false, message: gate.message };
  const { key, user, device, via, origin } = gate;
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordSignInFailure(key, origin);
    log.info({ event: 'sign_in_failure', username, via, clientAddress: address });
    return { ok: false, message: INVALID_SIGN_IN };
  }
  await clearOwnFailures(key, origin);
  if (!hashIsCurrent(user.passwordHash)) await rehashPassword(user, password);
  if (user.totpSecret) {
    const passwordVersion = user.passwordChangedAt.getTime();
    await startPendingSignIn({ userId: user.id, remember, next, passwordVersion });
    log.info({ event: 'sign_in_code_needed', userId: user.id, clientAddress: address });
    return { ok: 'code-needed' };
  }
  return completeSignIn(user, { remember, address, device });
}

/**
 * The end of every sign-in: the address and device become the owner's own, the failures since
 * the last visit are read for the notice, a new session starts and the log says so.
 */
export async function completeSignIn(
  user: Pick<User, 'id' | 'username'>,
  { remember, address, device, detail = '', kind = 'sign-in' }: CompleteOptions,
): Promise<SignedIn> {
  await rememberAddress(user.id, address);
  await rememberDevice(user.id, device === undefined ? await knownDeviceFor(user.id) : device);
  const failedSince = await takeFailedSignIns(user.id);
  await createSession(user.id, remember);
  if (failedSince > 0) {
    await recordSecurityEvent(user.id, 'sign-in-failures', failedAttemptsNotice(failedSince));
  }
  await recordSecurityEvent(user.id, kind, detail);
  getLogger().info({
    event: 'sign_in',
    kind,
    userId: user.id,
    username: user.username,
    remember,
    failedSince,
    detail,
  });
  return { ok: true, user: { id: user.id, username: user.username }, failedSince };
}

interface CompleteOptions {
  remember: boolean;
  address: string;
  /** The security log's entry: a password (and code) sign-in, or a passkey's. */
  kind?: 'sign-in' | 'sign-in-passkey';
  /** The known-device id read at the password step; read again when not given. */
  device?: string | null;
  detail?: string;
}

export const SIGN_IN_TIMED_OUT = 'Your sign-in timed out. Log in again.';

type SecondStepResult =
  | (SignedIn & { next: string; recoveryCodesLeft?: number })
  | { ok: false; message: string; expired?: true };

/**
 * The second step: a one-time code (or a recovery code) for the account the pending sign-in
 * names. Refused codes leave the step open (codes are throttled per account, totp.ts); a
 * pending sign-in that ran out, or whose password changed since, sends the person back.
 */
export async function signInSecondStep({
  method,
  code,
  address,
}: {
  method: 'totp' | 'recovery';
  code: string;
  address: string;
}): Promise<SecondStepResult> {
  const log = getLogger();
  const pending = await readPendingSignIn();
  if (!pending) return { ok: false, message: SIGN_IN_TIMED_OUT, expired: true };
  if (!(await allowClientAttempt(address))) {
    log.warn({ event: 'sign_in_throttled', clientAddress: address });
    return { ok: false, message: TOO_MANY_FROM_ADDRESS };
  }
  const user = await getUserById(pending.userId);
  if (!user?.totpSecret || user.passwordChangedAt.getTime() !== pending.passwordVersion) {
    await clearPendingSignIn();
    return { ok: false, message: SIGN_IN_TIMED_OUT, expired: true };
  }
  const check =
    method === 'totp'
      ? await verifyTotpCode(user.id, code, address)
      : await verifyRecoveryCode(user.id, code, address);
  if (!check.ok) {
    log.info({ event: 'sign_in_code_failure', userId: user.id, method, clientAddress: address });
    return check;
  }
  await clearPendingSignIn();
  let recoveryCodesLeft: number | undefined;
  if (method === 'recovery') {
    recoveryCodesLeft = await unusedRecoveryCodes(user.id);
    await recordSecurityEvent(user.id, 'recovery-code-used', `${recoveryCodesLeft} left`);
  }
  const detail = method === 'totp' ? 'with a one-time code' : 'with a recovery code';
  const done = await completeSignIn(user, { remember: pending.remember, address, detail });
  return { ...done, next: pending.next, recoveryCodesLeft };
}
