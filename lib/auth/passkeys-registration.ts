import 'server-only';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import { COSEALG } from '@simplewebauthn/server/helpers';
import { getLogger } from '../server/log';
import { createPasskey, listCredentialDescriptors } from './passkeys';
import { recordSecurityEvent } from './security-log';
import type { CurrentUser } from './session';
import { relyingParty } from './webauthn';
import { beginCeremony, finishCeremony } from './webauthn-challenges';
import { parseRegistrationResponse } from './webauthn-schemas';

/**
 * Adding a passkey: options for navigator.credentials.create(), then the browser's answer
 * verified and stored. The caller has checked the session and its recent sign-in.
 *
 * - residentKey 'required': a discoverable credential, so sign-in needs no username.
 * - userVerification 'required': a passkey signs in alone, skipping the password and the one-time
 *   code, so it must be a multi-factor authenticator itself (the key, and the PIN or biometric
 *   that unlocks it). 'preferred' would let a plain security key, one factor, stand in for two.
 * - attestation 'none': the app trusts no particular maker, and asks for nothing that identifies
 *   the device.
 * - Ed25519, P-256 and RSA signatures only. The library would offer ML-DSA-44 first where Node
 *   has it, but Node's ML-DSA is experimental ("might change at any time"): a passkey that a later
 *   Node could no longer verify would lock its owner out of it.
 */
const ALGORITHMS = [COSEALG.EdDSA, COSEALG.ES256, COSEALG.RS256];

export async function registrationOptions(
  user: CurrentUser,
): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
  const rp = await relyingParty();
  if (!rp) return null;
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.username,
    userDisplayName: user.username,
    // The user handle the passkey returns at sign-in: the account's id, nothing personal.
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: await listCredentialDescriptors(user.id),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
    timeout: 120_000,
  });
  await beginCeremony({ challenge: options.challenge, purpose: 'register', userId: user.id });
  return options;
}

export type RegistrationResult = { ok: true; name: string } | { ok: false; message: string };

/** Verifies the browser's answer against this browser's challenge and stores the passkey. */
export async function finishRegistration(
  user: CurrentUser,
  name: string,
  credentialJson: string,
): Promise<RegistrationResult> {
  const log = getLogger();
  const challenge = await finishCeremony('register');
  // A challenge made for another user (signed out and in between) is no challenge for this one.
  if (!challenge || challenge.userId !== user.id) {
    return { ok: false, message: 'The request to add a passkey expired. Try again.' };
  }
  const response = parseRegistrationResponse(credentialJson);
  const rp = await relyingParty();
  if (!response || !rp) return { ok: false, message: 'The passkey could not be added.' };
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (error) {
    log.warn({ event: 'passkey_registration_refused', userId: user.id, error: String(error) });
    return { ok: false, message: 'The passkey could not be added.' };
  }
  if (!verification.verified) return { ok: false, message: 'The passkey could not be added.' };
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  const created = await createPasskey(user.id, {
    name,
    credentialId: credential.id,
    publicKey: credential.publicKey,
    counter: credential.counter,
    transports: credential.transports ?? [],
    deviceType: credentialDeviceType,
    backedUp: credentialBackedUp,
  });
  if (!created) return { ok: false, message: 'That passkey is already registered.' };
  await recordSecurityEvent(user.id, 'passkey-added', created.name);
  log.info({
    event: 'passkey_added',
    userId: user.id,
    username: user.username,
    passkeyId: created.id,
  });
  return { ok: true, name: created.name };
}
