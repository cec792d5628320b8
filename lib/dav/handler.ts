import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getLogger } from '../server/log';
import { authenticate } from './auth';
import { TooLarge } from './body';
import { deleteCard, getCard, putCard } from './cards';
import { C } from './names';
import { DAV_ROOT, homePath, resourceAt, WELL_KNOWN } from './paths';
import { propfind } from './propfind';
import { proppatch } from './proppatch';
import { report } from './reports';
import { DavRequest } from './request';
import { REALM, send, sendError } from './respond';
import { BadXml } from './xml-read';

/** Whether the custom server should give this path to handleDav rather than to Next. */
export const isDavPath = (pathname: string) =>
  pathname === '/dav' ||
  pathname.startsWith(DAV_ROOT) ||
  pathname === WELL_KNOWN ||
  pathname === `${WELL_KNOWN}/`;

const COLLECTION_METHODS = 'OPTIONS, GET, HEAD, PROPFIND, PROPPATCH, REPORT';
const CARD_METHODS = 'OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH';

type Handler = (r: DavRequest) => Promise<void>;

const ON_COLLECTIONS: Record<string, Handler> = {
  PROPFIND: propfind,
  PROPPATCH: proppatch,
  REPORT: report,
  GET: async (r) => send(r.res, 200, 'This is a CardDAV address book: add it to a contacts app.\n'),
};
const ON_CARDS: Record<string, Handler> = {
  PROPFIND: propfind,
  PROPPATCH: proppatch,
  REPORT: report,
  GET: getCard,
  PUT: putCard,
  DELETE: deleteCard,
};

/** Methods that would change the layout: collections made, moved, copied, written or deleted. */
const LAYOUT_METHODS = new Set(['MKCOL', 'PUT', 'DELETE', 'MOVE', 'COPY']);

function layoutIsFixed(res: ServerResponse, mkcol: boolean) {
  sendError(
    res,
    403,
    'This server keeps one address book per user; it cannot be created, moved or deleted.',
    mkcol ? C('addressbook-collection-location-ok') : undefined,
  );
}

function unauthorized(res: ServerResponse, throttled: boolean) {
  send(
    res,
    401,
    throttled
      ? 'Too many failed attempts for this account or from this address. Try again later.\n'
      : 'Sign in with your username and an app password (made on your account page).\n',
    { 'www-authenticate': `Basic realm="${REALM}", charset="UTF-8"` },
  );
}

/**
 * The CardDAV server (RFC 6352): discovery, PROPFIND/PROPPATCH, the three reports, and cards by
 * GET/PUT/DELETE. Plain node:http, reached through the custom server before Next (Next's route
 * handlers refuse PROPFIND and REPORT); it uses the app's data layer, and HTTP Basic with app
 * passwords instead of sessions.
 */
export async function handleDav(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (pathname.startsWith(WELL_KNOWN)) {
      // RFC 6764 §5: the context path, for clients that start from the host name alone.
      return send(res, 301, '', { location: DAV_ROOT });
    }
    if (method === 'OPTIONS') {
      return send(res, 200, '', { allow: `${COLLECTION_METHODS}, PUT, DELETE` });
    }
    const auth = await authenticate(req);
    if (!auth?.ok) {
      req.resume();
      return unauthorized(res, auth?.throttled ?? false);
    }
    const resource = resourceAt(pathname);
    const user = auth.user;
    // A new collection in the user's own home is refused (403), not "not found".
    if (resource.kind === 'none' && method === 'MKCOL' && pathname.startsWith(homePath(user.key))) {
      req.resume();
      return layoutIsFixed(res, true);
    }
    // Another user's principal or address book is not found, not forbidden: nothing tells that it exists.
    if (resource.kind === 'none' || ('user' in resource && resource.user !== user.key)) {
      req.resume();
      return send(res, 404, 'Not Found\n');
    }
    const r = new DavRequest(req, res, user, resource);
    const card = resource.kind === 'card';
    const run = (card ? ON_CARDS : ON_COLLECTIONS)[method === 'HEAD' ? 'GET' : method];
    if (run) return await run(r);
    req.resume();
    if (LAYOUT_METHODS.has(method)) return layoutIsFixed(res, method === 'MKCOL');
    send(res, 405, 'Method Not Allowed\n', { allow: card ? CARD_METHODS : COLLECTION_METHODS });
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof TooLarge)
      return sendError(res, 413, error.message, C('max-resource-size'));
    if (error instanceof BadXml) return sendError(res, error.status, error.message);
    getLogger().error(
      {
        event: 'dav_error',
        method: req.method,
        type: error instanceof Error ? error.name : typeof error,
      },
      'a CardDAV request failed',
    );
    send(res, 500, 'The server could not answer this request. Try again later.\n');
  }
}
