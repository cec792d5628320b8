import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_JSON_MAX,
  parseAuthenticationResponse,
  parseRegistrationResponse,
} from './webauthn-schemas';

const assertion = {
  id: 'AAEC',
  rawId: 'AAEC',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA', userHandle: 'dQ' },
  clientExtensionResults: { credProps: { rk: true } },
};

describe('credential JSON from the browser', () => {
  it('reads a well-formed assertion, dropping extension outputs', () => {
    expect(parseAuthenticationResponse(JSON.stringify(assertion))).toEqual({
      ...assertion,
      clientExtensionResults: {},
    });
  });

  it('has room for a post-quantum signature (ML-DSA-44, 2,420 bytes)', () => {
    const big = { ...assertion, response: { ...assertion.response, signature: 'A'.repeat(3227) } };
    expect(parseAuthenticationResponse(JSON.stringify(big))).not.toBeNull();
  });

  it('refuses anything else: bad JSON, wrong type, non-base64url, oversized', () => {
    expect(parseAuthenticationResponse('{')).toBeNull();
    expect(
      parseAuthenticationResponse(JSON.stringify({ ...assertion, type: 'password' })),
    ).toBeNull();
    expect(
      parseAuthenticationResponse(
        JSON.stringify({ ...assertion, response: { ...assertion.response, signature: 'a+b/' } }),
      ),
    ).toBeNull();
    const padded = JSON.stringify({ ...assertion, padding: 'x'.repeat(CREDENTIAL_JSON_MAX) });
    expect(parseAuthenticationResponse(padded)).toBeNull();
    // An assertion is not a registration.
    expect(parseRegistrationResponse(JSON.stringify(assertion))).toBeNull();
  });

  it('reads a registration response', () => {
    const registration = {
      id: 'AAEC',
      rawId: 'AAEC',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'AA', transports: ['internal'] },
      clientExtensionResults: {},
    };
    expect(parseRegistrationResponse(JSON.stringify(registration))).toEqual(registration);
  });
});
