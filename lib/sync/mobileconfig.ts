import 'server-only';
import crypto from 'node:crypto';
import type { RequestOrigin } from '../http/request-origin';

/**
 * An Apple configuration profile (.mobileconfig) with one CardDAV account
 * (`com.apple.carddav.account`): host, port, TLS and username filled in, and no password: the
 * device asks for the app password while installing, so the file holds no secret.
 */
export interface CardDavProfileInput {
  origin: RequestOrigin;
  userId: string;
  username: string;
  /** The folded username, as in the DAV URLs (percent-encoded there). */
  usernameKey: string;
}

export const MOBILECONFIG_TYPE = 'application/x-apple-aspen-config';

/** Text for a plist <string>: XML-escaped, and without characters XML 1.0 cannot hold. */
export function plistText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A UUID derived from the user and the server: installing the profile again replaces the one
 * installed before (same PayloadIdentifier and UUID) instead of adding a second account.
 */
function stableUuid(...parts: string[]): string {
  const hex = crypto.createHash('sha256').update(parts.join('\n')).digest('hex');
  // Shaped as a version 4, variant 1 UUID (RFC 9562), upper case as Apple's tools write them.
  const v = `4${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [hex.slice(0, 8), hex.slice(8, 12), v, variant + hex.slice(17, 20), hex.slice(20, 32)]
    .join('-')
    .toUpperCase();
}

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

function plistValue(value: PlistValue, indent: string): string {
  if (typeof value === 'string') return `${indent}<string>${plistText(value)}</string>`;
  if (typeof value === 'number') return `${indent}<integer>${Math.trunc(value)}</integer>`;
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `${indent}<array>\n${value.map((v) => plistValue(v, inner)).join('\n')}\n${indent}</array>`;
  }
  const entries = Object.entries(value).map(
    ([key, v]) => `${inner}<key>${plistText(key)}</key>\n${plistValue(v, inner)}`,
  );
  return `${indent}<dict>\n${entries.join('\n')}\n${indent}</dict>`;
}

export function cardDavProfile({
  origin,
  userId,
  username,
  usernameKey,
}: CardDavProfileInput): string {
  // CardDAVHostName is a host name, not a URL: an IPv6 literal goes without its brackets.
  const host = origin.hostname.replace(/^\[(.*)\]$/, '$1');
  const seed = [userId, origin.origin];
  const profileId = `contact-cards.${stableUuid('profile', ...seed).toLowerCase()}`;
  const account = {
    CardDAVAccountDescription: `Contact Cards (${username})`,
    CardDAVHostName: host,
    CardDAVPort: origin.port,
    CardDAVPrincipalURL: `/dav/principals/${encodeURIComponent(usernameKey)}/`,
    CardDAVUseSSL: origin.https,
    CardDAVUsername: username,
    PayloadDescription: 'Syncs your Contact Cards address book with Contacts.',
    PayloadDisplayName: 'Contact Cards address book',
    PayloadIdentifier: `${profileId}.carddav`,
    PayloadType: 'com.apple.carddav.account',
    PayloadUUID: stableUuid('carddav', ...seed),
    PayloadVersion: 1,
  };
  const profile = {
    PayloadContent: [account],
    PayloadDescription: `Adds the Contact Cards address book of ${username} at ${origin.origin}. You will be asked for an app password.`,
    PayloadDisplayName: `Contact Cards (${username})`,
    PayloadIdentifier: profileId,
    PayloadRemovalDisallowed: false,
    PayloadType: 'Configuration',
    PayloadUUID: stableUuid('profile', ...seed),
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plistValue(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}
