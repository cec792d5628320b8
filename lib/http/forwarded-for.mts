// Loaded twice: by Next's bundle (lib/auth/client-address.ts) and directly by Node from the custom
// server (server/index.ts), which runs TypeScript by type stripping. So: erasable syntax only, no
// imports, and `.mts` so that Node reads it as an ES module without guessing.

/** How many proxies TRUST_PROXY names: "true" is one, anything unreadable is none. */
export function trustedHopsFrom(value: string | undefined): number {
  if (value === 'true') return 1;
  const hops = Number(value || 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/**
 * The client's address as the trusted proxies recorded it: each of the last `trustedHops` proxies
 * appended the address it saw to X-Forwarded-For, so anything left of those is client-supplied.
 * Undefined when no proxy is trusted or the header is missing.
 */
export function forwardedClientAddress(
  forwardedFor: string | string[] | null | undefined,
  trustedHops: number,
): string | undefined {
  if (trustedHops <= 0 || forwardedFor == null) return undefined;
  const hops = [forwardedFor]
    .flat()
    .join(',')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - trustedHops)]?.slice(0, 64);
}

/** A socket's remote address, with IPv4-mapped IPv6 written as plain IPv4. */
export function socketClientAddress(remoteAddress: string | undefined): string {
  return (remoteAddress || 'unknown').replace(/^::ffff:/, '');
}

/**
 * Whether the request came over https, from its first X-Forwarded-Proto value, as the middleware
 * reads it (`isHttps`): the custom server sets the header from the connection, or keeps a trusted
 * proxy's (server/index.ts).
 */
export function forwardedHttps(forwardedProto: string | string[] | undefined): boolean {
  return String(forwardedProto).split(',')[0]!.trim() === 'https';
}
