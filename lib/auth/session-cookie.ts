import 'server-only';
import { unsealData } from 'iron-session';
import { sealPasswords, type Config } from '../config';
import { forwardedHttps } from '../http/forwarded-for.mts';

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
  return forwardedHttps(headers.get('x-forwarded-proto') ?? undefined);
}

/**
 * Seals that opened, by their exact text, so each is opened once rather than on every request:
 * opening one is about a millisecond of WebCrypto jobs on libuv's threads (iron derives two keys,
 * checks an HMAC and decrypts), and every page opens the same cookie twice (the middleware, then
 * the data layer). Only seals that opened are kept, each until the expiry written in it (the HMAC
 * covers it), and at most SEALS_KEPT, oldest out first. Revoking a session is the database's
 * check (lib/auth/session.ts), never this one's.
 */
const opened = new Map<string, { token: string; expires: number }>();
const SEALS_KEPT = 1000;

/** Seals kept open right now, for tests. */
export function openedSealCount(): number {
  return opened.size;
}

/** The expiry iron writes into a seal (ms since 1970), or null when it has none. */
function sealExpiry(value: string): number | null {
  const expiry = Number(value.split('*')[5]);
  return Number.isSafeInteger(expiry) && expiry > 0 ? expiry : null;
}

/** The token inside a sealed cookie value, or null for anything forged, expired, or malformed. */
export async function unsealSessionToken(
  value: string | undefined,
  config: Config,
): Promise<string | null> {
  // A real seal is a few hundred bytes; refuse to spend crypto on anything larger.
  if (!value || value.length > 1024) return null;
  const kept = opened.get(value);
  // Stricter than iron, which allows a minute of clock skew: past its expiry a seal is opened again.
  if (kept && Date.now() < kept.expires) return kept.token;
  opened.delete(value);
  const token = await openSeal(value, config);
  const expires = token ? sealExpiry(value) : null;
  if (token && expires) {
    if (opened.size >= SEALS_KEPT) opened.delete(opened.keys().next().value!);
    opened.set(value, { token, expires });
  }
  return token;
}

async function openSeal(value: string, config: Config): Promise<string | null> {
  try {
    const data = await unsealData<Partial<SessionSeal>>(value, { password: sealPasswords(config) });
    return typeof data.token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(data.token)
      ? data.token
      : null;
  } catch {
    return null;
  }
}
