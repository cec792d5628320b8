import { requestOrigin } from '../http/request-origin';
import { BIRTHDAY_FEED_PATH } from './feed-path';

/**
 * The feed's full URL as the browser that asked reaches this app: calendar apps need an absolute
 * URL, and the link should work wherever the account page was opened (the CardDAV address on the
 * same page is built the same way).
 */
export function birthdayFeedUrl(headers: Headers, token: string): string {
  return `${requestOrigin(headers).origin}${BIRTHDAY_FEED_PATH}?token=${encodeURIComponent(token)}`;
}
