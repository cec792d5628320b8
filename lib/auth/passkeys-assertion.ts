import 'server-only';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { Passkey } from '../db/security-schema';
import { getLogger } from '../server/log';
import { isCounterRegression } from './passkeys-counter';
import {
  findOwnPasskey,
  findPasskeyForSignIn,
  listCredentialDescriptors,
  recordPasskeyUse,
} from './passkeys';
import { recordSecurityEvent } from './security-log';
import { relyingParty } from './webauthn';
import { beginCeremony, finishCeremony } from './webauthn-challenges';
import { parseAuthenticationResponse } from './webauthn-schemas';

/**
 * Using a passkey (navigator.credentials.get()): for a sign-in, where any of the site's passkeys
 * may answer and the passkey names the account, or to confirm it is you, where only the signed-in
 * user's own passkeys are asked for and accepted. User verification is required, as at
 * registration (passkeys-registration.ts says why).
 */
export type AssertionPurpose = 'sign-in' | 'reauthenticate';

/** Options for the browser, and the challenge stored for this browser; null without an RP. */
export async function assertionOptions(
  purpose: AssertionPurpose,
  userId: string | null,
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const rp = await relyingParty();
  if (!rp) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    // Empty for a sign-in: the browser offers every passkey it has for this site.
    allowCredentials: userId ? await listCredentialDescriptors(userId) : [],
    userVerification: 'required',
    timeout: 120_000,
  });
  await beginCeremony({ challenge: options.challenge, purpose, userId });
  return options;
}

const PASSKEY_EXPIRED = 'The passkey request expired. Try again.';
const PASSKEY_REFUSED = 'That passkey could not be used. Try again, or use your password.';
const PASSKEY_UNKNOWN =
  'That passkey is not registered here (it may have been removed). Use your password.';
const PASSKEY_CLONED =
  'That passkey was refused: its signature counter went backwards, so it may be a copy. Sign in with your password and check your passkeys on the Account page.';

export type AssertionResult = { ok: true; passkey: Passkey } | { ok: false; message: string };

/**
 * Checks the browser's answer: this browser's challenge for this purpose, a registered passkey
 * (the user's own when `userId` is given), its signature with user verification, its user handle,
 * and the counter rule. A clone (a stale counter behind a valid signature) is logged for the owner.
 */
export async function checkAssertion(
  purpose: AssertionPurpose,
  credentialJson: string,
  userId: string | null,
): Promise<AssertionResult> {
  const log = getLogger();
  const challenge = await finishCeremony(purpose);
  if (!challenge || challenge.userId !== userId) return { ok: false, message: PASSKEY_EXPIRED };
  const response = parseAuthenticationResponse(credentialJson);
  const rp = await relyingParty();
  if (!response || !rp) {
    log.warn({ event: 'passkey_refused', purpose, reason: rp ? 'malformed' : 'no-relying-party' });
    return { ok: false, message: PASSKEY_REFUSED };
  }
  const passkey = userId
    ? await findOwnPasskey(userId, response.id)
    : await findPasskeyForSignIn(response.id);
  if (!passkey) return { ok: false, message: PASSKEY_UNKNOWN };
  // The handle is the owner's id (passkeys-registration.ts): another account's is not this key.
  const handle = response.response.userHandle;
  if (
    handle !== undefined &&
    Buffer.from(handle, 'base64url').toString('utf8') !== passkey.userId
  ) {
    return { ok: false, message: PASSKEY_REFUSED };
  }
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // The counter rule is applied below, after the signature is proved: only a real copy of the
      // key can then raise the alarm, and it gets its own message and log entry.
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: 0,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    log.warn({ event: 'passkey_refused', purpose, passkeyId: passkey.id, error: String(error) });
    return { ok: false, message: PASSKEY_REFUSED };
  }
  if (!verification.verified) {
    log.warn({ event: 'passkey_refused', purpose, passkeyId: passkey.id, reason: 'not-verified' });
    return { ok: false, message: PASSKEY_REFUSED };
  }
  const { newCounter, credentialBackedUp } = verification.authenticationInfo;
  const fresh =
    !isCounterRegression(passkey.counter, newCounter) &&
    (await recordPasskeyUse(passkey.userId, passkey.id, newCounter, credentialBackedUp));
  if (!fresh) {
    log.warn({
      event: 'passkey_counter_regressed',
      userId: passkey.userId,
      passkeyId: passkey.id,
      stored: passkey.counter,
      received: newCounter,
    });
    await recordSecurityEvent(
      passkey.userId,
      'sign-in-failures',
      `Passkey “${passkey.name}” refused: its counter went backwards (${newCounter} after ${passkey.counter}), so it may be a copy.`,
    );
    return { ok: false, message: PASSKEY_CLONED };
  }
  return { ok: true, passkey };
}
