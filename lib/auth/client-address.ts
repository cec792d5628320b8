import { getConfig } from '../config';

/**
 * The client's address for throttling. scripts/serve.mjs records it from the connection (or from
 * the proxies TRUST_PROXY names) in a header it always overwrites. Without that server (next dev,
 * Vercel) only a trusted proxy's X-Forwarded-For is believed; otherwise every client shares one
 * bucket, which fails safe.
 */
export function clientAddress(headers: Headers): string {
  // Only believed when our own server runs in this process: it overwrites the header on every request.
  const fromServer = headers.get('x-contact-cards-client');
  if (
    fromServer &&
    (globalThis as Record<symbol, unknown>)[Symbol.for('contact-cards.custom-server')]
  ) {
    return fromServer.slice(0, 64);
  }
  const hops = getConfig().TRUST_PROXY;
  if (hops > 0) {
    const list = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const address = list[Math.max(0, list.length - hops)];
    if (address) return address.slice(0, 64);
  }
  return 'unknown';
}
