import { BIRTHDAY_FEED_PATH } from './feed-path';

/** A Host header's value: a name or an IPv4/IPv6 address, and an optional port. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The feed's full URL as the browser that asked reaches this app: calendar apps need an
 * absolute URL. The scheme and host come from the request (the custom server sets
 * X-Forwarded-Proto from the connection, and drops X-Forwarded-Host unless a trusted proxy sent
 * it), so the link works wherever the account page was opened.
 */
export function birthdayFeedUrl(headers: Headers, token: string): string {
  const proto =
    headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || '';
  const path = `${BIRTHDAY_FEED_PATH}?token=${encodeURIComponent(token)}`;
  return HOST.test(host) ? `${proto}://${host}${path}` : path;
}
