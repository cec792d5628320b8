import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { requestOrigin } from '../http/request-origin';
import { cardDavProfile, plistText } from './mobileconfig';

/** The plist read back with a real XML parser: a dict's keys and values, recursively. */
function readPlist(xml: string): unknown {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const children = (e: Element) =>
    Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
  const read = (e: Element): unknown => {
    switch (e.tagName) {
      case 'dict': {
        const out: Record<string, unknown> = {};
        const items = children(e);
        for (let i = 0; i < items.length; i += 2) out[items[i]!.textContent!] = read(items[i + 1]!);
        return out;
      }
      case 'array':
        return children(e).map(read);
      case 'integer':
        return Number(e.textContent);
      case 'true':
        return true;
      case 'false':
        return false;
      default:
        return e.textContent;
    }
  };
  return read(children(doc.documentElement as unknown as Element)[0]!);
}

const input = (host: string, proto: string, username = 'Alice') => ({
  origin: requestOrigin(new Headers({ host, 'x-forwarded-proto': proto })),
  userId: '6f1c2a4e-8d9b-4c3a-9e2f-1a2b3c4d5e6f',
  username,
  usernameKey: username.toLowerCase(),
});

describe('cardDavProfile', () => {
  it('describes one CardDAV account with host, port, TLS, username and principal, no password', () => {
    const xml = cardDavProfile(input('contacts.example.org', 'https'));
    const plist = readPlist(xml) as Record<string, unknown>;
    expect(plist).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1 });
    const [account] = plist.PayloadContent as Record<string, unknown>[];
    expect(account).toMatchObject({
      PayloadType: 'com.apple.carddav.account',
      CardDAVHostName: 'contacts.example.org',
      CardDAVPort: 443,
      CardDAVUseSSL: true,
      CardDAVUsername: 'Alice',
      CardDAVPrincipalURL: '/dav/principals/alice/',
    });
    expect(Object.keys(account!).filter((k) => /password/i.test(k))).toEqual([]);
    expect(account!.PayloadUUID).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/,
    );
    expect(account!.PayloadUUID).not.toBe(plist.PayloadUUID);
  });

  it('uses the port and protocol the browser used, and plain http says no TLS', () => {
    const plist = readPlist(cardDavProfile(input('192.0.2.7:3000', 'http'))) as {
      PayloadContent: Record<string, unknown>[];
    };
    expect(plist.PayloadContent[0]).toMatchObject({
      CardDAVHostName: '192.0.2.7',
      CardDAVPort: 3000,
      CardDAVUseSSL: false,
    });
  });

  it('is the same profile when downloaded again, and another for another server', () => {
    const a = cardDavProfile(input('contacts.example.org', 'https'));
    expect(cardDavProfile(input('contacts.example.org', 'https'))).toBe(a);
    expect(cardDavProfile(input('other.example.org', 'https'))).not.toBe(a);
  });

  it('escapes what it embeds, so the XML reads back exactly', () => {
    const name = `a<b>&c"d'e`;
    const xml = cardDavProfile({
      ...input('x.example', 'https'),
      username: name,
      usernameKey: name,
    });
    const plist = readPlist(xml) as { PayloadContent: Record<string, unknown>[] };
    expect(plist.PayloadContent[0]!.CardDAVUsername).toBe(name);
    expect(plist.PayloadContent[0]!.CardDAVPrincipalURL).toBe(
      "/dav/principals/a%3Cb%3E%26c%22d'e/",
    );
    expect(xml).not.toContain('<b>');
  });
});

describe('plistText', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(plistText(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
    expect(plistText('a\u0000b\u0007c\uFFFEd\te')).toBe('abcd\te');
    expect(plistText('Zoë 🙂')).toBe('Zoë 🙂');
  });
});
