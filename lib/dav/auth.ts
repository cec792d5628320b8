import 'server-only';
import type { IncomingMessage } from 'node:http';
import { verifyBasicCredentials } from '../auth/app-passwords';

export interface DavUser {
  id: string;
  username: string;
  /** The folded username: what the URLs carry. */
  key: string;
}

export type DavAuth = { ok: true; user: DavUser } | { ok: false; throttled: boolean };

/** The address the custom server found for this request (it overwrites any client's header). */
function clientAddressOf(req: IncomingMessage): string {
  const set = req.headers['x-contact-cards-client'];
  return (typeof set === 'string' && set) || req.socket.remoteAddress || 'unknown';
}

/**
 * HTTP Basic with the account's username and one of its app passwords (never the account
 * password: lib/auth/app-passwords.ts). No header, or one that is not Basic, is simply anonymous.
 */
export async function authenticate(req: IncomingMessage): Promise<DavAuth | null> {
  const header = req.headers.authorization;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return { ok: false, throttled: false };
  const result = await verifyBasicCredentials(
    decoded.slice(0, colon),
    decoded.slice(colon + 1),
    clientAddressOf(req),
  );
  if (!result.ok) return { ok: false, throttled: result.reason === 'throttled' };
  return {
    ok: true,
    user: { id: result.userId, username: result.username, key: result.usernameKey },
  };
}
