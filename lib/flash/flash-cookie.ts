/**
 * Names and rules of the flash cookies shared by lib/flash/flash.ts (Node) and middleware.ts (Edge).
 * See docs/decisions/004-flash-messages.md for why the cookie is moved into a request header.
 */

/** A message waiting for the next page load (set by an action or route handler without JavaScript). */
export function flashCookieName(https: boolean): string {
  return https ? '__Host-cc_flash' : 'cc_flash';
}

/**
 * A message for the page that a JavaScript action's redirect() renders inside the action's own
 * response. Set with Max-Age=0, so the browser never keeps it: only that render's request (which
 * Next builds from the cookies the action set) ever carries it.
 */
export function flashNowCookieName(https: boolean): string {
  return https ? '__Host-cc_flash_now' : 'cc_flash_now';
}

/** The request header the middleware fills with the sealed messages this render may show. */
export const FLASH_HEADER = 'x-contact-cards-flash';

/**
 * True when the browser will display this response as a whole page: a document load. Not a
 * prefetch, a client-side (RSC) navigation or any other fetch, which must leave a waiting
 * message alone. Next 16 removes its own RSC and prefetch headers from the request the
 * middleware sees, so the browser's Sec-Fetch-Dest and Sec-Purpose headers decide; a client
 * that sends neither (not a browser) counts as a page load.
 */
export function rendersWholePage(method: string, headers: Headers): boolean {
  if (method !== 'GET') return false;
  const purpose = headers.get('sec-purpose') ?? headers.get('purpose') ?? '';
  if (purpose.includes('prefetch')) return false;
  const destination = headers.get('sec-fetch-dest');
  if (destination !== null && destination !== 'document') return false;
  // Only seen if Next stops removing them: checked so that a change there cannot swallow messages.
  if (
    headers.has('rsc') ||
    headers.has('next-router-prefetch') ||
    headers.has('next-router-segment-prefetch')
  ) {
    return false;
  }
  return true;
}
