import 'server-only';
import { unsealData } from 'iron-session';
import { sealPasswords, type Config } from '../config';

/**
 * The session cookie's name and seal. Edge-safe: the middleware checks the seal, the data layer
 * (lib/auth/session.ts) checks the session it names in the database.
 */
interface SessionSeal {
  /** Random token; the database keeps only its SHA-256. */
  token: string;
}

/** Over https the cookie gets the __Host- prefix: Secure, Path=/, no Domain, so no subdomain can plant it. */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-cc_session' : 'cc_session';
}

/** Served over https, by the request's protocol (proxy headers are normalized by server/index.ts). */
export function isHttps(headers: Headers): boolean {
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** The token inside a sealed cookie value, or null for anything forged, expired, or malformed. */
export async function unsealSessionToken(
  value: string | undefined,
  config: Config,
): Promise<string | null> {
  // A real seal is a few hundred bytes; refuse to spend crypto on anything larger.
  if (!value || value.length > 1024) return null;
  try {
    const data = await unsealData<Partial<SessionSeal>>(value, { password: sealPasswords(config) });
    return typeof data.token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(data.token)
      ? data.token
      : null;
  } catch {
    return null;
  }
}
