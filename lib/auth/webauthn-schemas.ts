import { z } from 'zod';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/**
 * The browser's answers to a passkey ceremony, checked before any of it is parsed further: the
 * JSON text is capped (64 KB is far past any real credential; attestation is 'none'), then its
 * shape. Every binary field is base64url. What they mean is for @simplewebauthn/server to verify.
 */
export const CREDENTIAL_JSON_MAX = 64 * 1024;

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, 'base64url');
/** The spec allows credential ids up to 1023 bytes: 1364 base64url characters. */
const credentialId = base64url(1400).min(1);

const common = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  // Extension outputs are not used here (none are asked for); nothing of them is passed on.
  clientExtensionResults: z
    .record(z.string().max(64), z.unknown())
    .optional()
    .transform(() => ({})),
};

const registrationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(8192),
    attestationObject: base64url(CREDENTIAL_JSON_MAX),
    authenticatorData: base64url(CREDENTIAL_JSON_MAX).optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8192).optional(),
  }),
});

const authenticationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: base64url(8192),
    authenticatorData: base64url(8192),
    // Room for post-quantum signatures too (ML-DSA-44: 2,420 bytes).
    signature: base64url(8192),
    userHandle: base64url(256).optional(),
  }),
});

/** The credential JSON text as a form or action sends it: bounded before it is parsed. */
export const credentialJsonSchema = z.string().min(2).max(CREDENTIAL_JSON_MAX);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The registration response in `text`, or null when it is not one. */
export function parseRegistrationResponse(text: string): RegistrationResponseJSON | null {
  if (text.length > CREDENTIAL_JSON_MAX) return null;
  const parsed = registrationSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

/** The authentication (assertion) response in `text`, or null when it is not one. */
export function parseAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  if (text.length > CREDENTIAL_JSON_MAX) return null;
  const parsed = authenticationSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}
