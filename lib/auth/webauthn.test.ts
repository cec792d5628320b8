import { describe, expect, it } from 'vitest';
import { relyingPartyFor } from './webauthn';

const request = (host: string, proto = 'http') => new Headers({ host, 'x-forwarded-proto': proto });

describe('the relying party', () => {
  it('is APP_URL when set, whatever the request says', () => {
    expect(relyingPartyFor('https://contacts.example.org', request('evil.test'))).toEqual({
      name: 'Contact Cards',
      id: 'contacts.example.org',
      origin: 'https://contacts.example.org',
    });
  });

  it('follows the request without APP_URL', () => {
    expect(relyingPartyFor(undefined, request('localhost:3000'))).toMatchObject({
      id: 'localhost',
      origin: 'http://localhost:3000',
    });
  });

  it('is none at an IP address, which browsers refuse as an RP ID', () => {
    expect(relyingPartyFor(undefined, request('127.0.0.1:3000'))).toBeNull();
    expect(relyingPartyFor(undefined, request('[::1]:3000'))).toBeNull();
    expect(relyingPartyFor('http://192.0.2.10:8080', request('localhost'))).toBeNull();
  });
});
