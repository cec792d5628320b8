import { describe, expect, it } from 'vitest';
import { isLoopbackHost, passwordsTravelUnencrypted, requestOrigin } from './request-origin';

const headers = (h: Record<string, string>) => new Headers(h);

describe('requestOrigin', () => {
  it('takes the protocol from X-Forwarded-Proto and the host from Host', () => {
    expect(requestOrigin(headers({ host: '192.0.2.7:3000', 'x-forwarded-proto': 'http' }))).toEqual(
      { origin: 'http://192.0.2.7:3000', https: false, hostname: '192.0.2.7', port: 3000 },
    );
    expect(
      requestOrigin(headers({ host: 'Contacts.Example.org', 'x-forwarded-proto': 'https' })),
    ).toEqual({
      origin: 'https://contacts.example.org',
      https: true,
      hostname: 'contacts.example.org',
      port: 443,
    });
  });

  it('prefers X-Forwarded-Host (only present behind a trusted proxy)', () => {
    const origin = requestOrigin(
      headers({
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'cards.example.net, other.example',
        'x-forwarded-proto': 'https',
      }),
    );
    expect(origin.origin).toBe('https://cards.example.net');
  });

  it('keeps IPv6 literals and drops a default port', () => {
    expect(requestOrigin(headers({ host: '[::1]:80', 'x-forwarded-proto': 'http' }))).toEqual({
      origin: 'http://[::1]',
      https: false,
      hostname: '[::1]',
      port: 80,
    });
  });

  it('replaces a Host that is not a plain host and port', () => {
    for (const host of ['evil.example/<script>', 'a b', 'x@y', '', 'host:port', '"quoted"']) {
      expect(requestOrigin(headers({ host })).origin).toBe('http://localhost');
    }
  });
});

describe('passwordsTravelUnencrypted', () => {
  const over = (host: string, proto = 'http') =>
    passwordsTravelUnencrypted(requestOrigin(headers({ host, 'x-forwarded-proto': proto })));

  it('is true for plain http to another machine', () => {
    expect(over('192.168.1.20:3000')).toBe(true);
    expect(over('contacts.example.org')).toBe(true);
    expect(over('[2001:db8::1]:3000')).toBe(true);
  });

  it('is false over https, and for loopback names', () => {
    expect(over('contacts.example.org', 'https')).toBe(false);
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'app.localhost']) {
      expect(over(host)).toBe(false);
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('localhost.example.org')).toBe(false);
  });
});
