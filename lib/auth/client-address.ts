import { getConfig } from '../config';
import { forwardedClientAddress } from '../http/forwarded-for.mts';
import { behindCustomServer } from '../server/handover.mts';

/**
 * The client's address for throttling. The custom server (server/index.ts) records it from the
 * connection (or from the proxies TRUST_PROXY names) in a header it always overwrites. Without that
 * server (`next start`, Vercel) only a trusted proxy's X-Forwarded-For is believed; otherwise every
 * client shares one bucket, which fails safe.
 */
export function clientAddress(headers: Headers): string {
  const fromServer = headers.get('x-contact-cards-client');
  if (fromServer && behindCustomServer()) return fromServer.slice(0, 64);
  return (
    forwardedClientAddress(headers.get('x-forwarded-for'), getConfig().TRUST_PROXY) ?? 'unknown'
  );
}
