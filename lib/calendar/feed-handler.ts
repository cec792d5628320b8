import 'server-only';
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { concurrencyGate } from '../server/concurrency-gate';
import { getLogger } from '../server/log';
import { buildBirthdayFeed } from './birthday-feed';
import { userIdForCalendarToken } from './feed-token';

export { BIRTHDAY_FEED_PATH } from './feed-path';

/**
 * The URL is a secret: no shared cache may keep the answer, and an app or browser that keeps it
 * asks again (If-None-Match → 304) before using it, so a revoked link stops at once.
 */
const CACHE_CONTROL = 'private, max-age=0, must-revalidate';

/** Feeds built at once: a large one holds megabytes while it is built; the rest wait their turn. */
const building = concurrencyGate(2);

const COMMON = {
  'x-content-type-options': 'nosniff',
  // The token is in the URL: a page linked from a calendar app must not receive it.
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
};

function plain(res: ServerResponse, status: number, text: string, extra = {}): void {
  res.writeHead(status, {
    ...COMMON,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(`${text}\n`);
}

/** True when If-None-Match names this ETag (weak or strong, as a list) or is `*`. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** The `token` query parameter, or null; never logged. */
function tokenOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://feed.invalid').searchParams.get('token');
  } catch {
    return null;
  }
}

/**
 * GET or HEAD /calendar/birthdays.ics?token=…: the owner's birthday calendar. No session (apps
 * that subscribe cannot sign in): the token is the credential. A missing, malformed, unknown or
 * revoked token is the same 404, so the answer says nothing about which tokens once existed.
 */
export async function serveBirthdayFeed(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'Method not allowed.', { allow: 'GET, HEAD' });
    }
    const token = tokenOf(req);
    const ownerId = token ? await userIdForCalendarToken(token) : null;
    if (!ownerId) return plain(res, 404, 'No such calendar. The link may have been turned off.');
    const body = Buffer.from(await building(() => buildBirthdayFeed(ownerId)), 'utf8');
    const etag = `"${crypto.createHash('sha256').update(body).digest('base64url')}"`;
    const headers = { ...COMMON, 'cache-control': CACHE_CONTROL, etag };
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': body.length,
      'content-disposition': 'inline; filename="birthdays.ics"',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    // What failed, never the URL (it holds the token) nor a stack.
    getLogger().error({
      event: 'calendar_feed_error',
      type: error instanceof Error ? error.name : typeof error,
    });
    if (res.headersSent) res.destroy();
    else plain(res, 500, 'The calendar could not be made. Please try again later.');
  }
}
