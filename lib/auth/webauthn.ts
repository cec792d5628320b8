import 'server-only';
import { isIP } from 'node:net';
import { headers } from 'next/headers';
import { getConfig } from '../config';
import { requestOrigin } from '../http/request-origin';

/**
 * The WebAuthn relying party: who the passkeys belong to. Its id (a domain name) is sealed into
 * every passkey, and the origin is what the browser must report in each signed response.
 * APP_URL names it when set; otherwise the request's own origin (lib/http/request-origin.ts),
 * which is right for a direct deployment but wrong behind a proxy that rewrites Host or ends TLS
 * without TRUST_PROXY: set APP_URL there (docs/security/passkeys.md).
 */
const RP_NAME = 'Contact Cards';

export interface RelyingParty {
  name: string;
  /** "contacts.example.org" */
  id: string;
  /** "https://contacts.example.org" */
  origin: string;
}

/**
 * The relying party for an app URL or, without one, a request; null when the site is reached by
 * an IP address, which browsers refuse as an RP ID ("invalid domain"): no passkeys there.
 */
export function relyingPartyFor(appUrl: string | undefined, request: Headers): RelyingParty | null {
  const origin = appUrl ?? requestOrigin(request).origin;
  const { hostname } = new URL(origin);
  if (isIP(hostname.replace(/^\[|\]$/g, '')) !== 0) return null;
  return { name: RP_NAME, id: hostname, origin };
}

/** The relying party of the current request (server actions and components). */
export async function relyingParty(): Promise<RelyingParty | null> {
  return relyingPartyFor(getConfig().APP_URL, await headers());
}
