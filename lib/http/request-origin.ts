import { isHttps } from '../auth/session-cookie';

/**
 * The origin a browser used to reach the app, for absolute URLs shown to the user (the CardDAV
 * server address, the .mobileconfig). The protocol is the one the app already trusts for its
 * cookies (`X-Forwarded-Proto`, which server/index.ts overwrites unless TRUST_PROXY names a
 * proxy); the host is `X-Forwarded-Host` (likewise removed when no proxy is trusted) or `Host`.
 * A Host that is not a plain host[:port] is replaced by "localhost": it is only ever shown back
 * to the user who sent it, but must never inject markup or a path.
 */
export interface RequestOrigin {
  /** "https://contacts.example.org" — no trailing slash. */
  origin: string;
  https: boolean;
  /** As in a URL: "example.org", "192.0.2.1", "[::1]". */
  hostname: string;
  /** The port the client used, explicit or the protocol's default. */
  port: number;
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

export function requestOrigin(headers: Headers): RequestOrigin {
  const https = isHttps(headers);
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const typed = forwarded || headers.get('host') || '';
  const host = HOST.test(typed) ? typed : 'localhost';
  let url: URL;
  try {
    url = new URL(`${https ? 'https' : 'http'}://${host}`);
  } catch {
    url = new URL(`${https ? 'https' : 'http'}://localhost`);
  }
  return {
    origin: url.origin,
    https,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : https ? 443 : 80,
  };
}

/** Loopback names: a password sent to them never crosses a network. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/** Plain http to a host other machines reach: passwords would cross the network readable. */
export function passwordsTravelUnencrypted(origin: RequestOrigin): boolean {
  return !origin.https && !isLoopbackHost(origin.hostname);
}
