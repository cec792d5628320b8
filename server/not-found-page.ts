// The real "Page not found" page for documents where a page called notFound().
//
// Next 16.4 answers notFound() thrown while a page renders with status 404 and an empty
// `<html id="__next_error__">` document that only the browser's JavaScript fills in
// (vercel/next.js#62228): without JavaScript, or for curl, the page is blank. An unmatched URL is
// not affected: Next renders it through its /_not-found route, inside the root layout. So for a
// full-document GET answered 404, this holds the (small) body back; if it is that empty shell,
// the answer becomes /_not-found's, fetched from this same server with the visitor's own request
// headers (so the header shows who is signed in, and the CSP nonce matches its scripts). Any
// other 404 goes out unchanged. Client navigations (RSC requests) keep Next's own handling.
import crypto from 'node:crypto';
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import zlib from 'node:zlib';
import { isDocumentRequest, replaceBody, type Log } from './document-request.ts';

const NOT_FOUND_PATH = '/_not-found';
const BLANK_SHELL = 'id="__next_error__"';
/** Headers that describe one connection or one body, not the page. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
]);

function decode(body: Buffer, encoding: unknown): Buffer {
  switch (String(encoding ?? '').toLowerCase()) {
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    default:
      return body;
  }
}

/** A write() chunk as bytes (strings in their given encoding); anything else is not body. */
function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return undefined;
}

interface Marker {
  name: string;
  value: string;
}
interface Page {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** GET /_not-found on this server, as the visitor would: their cookies, languages and encodings. */
function fetchNotFoundPage(
  address: Address,
  requestHeaders: IncomingHttpHeaders,
  marker: Marker,
): Promise<Page> {
  return new Promise((resolve, reject) => {
    const headers = { ...requestHeaders, [marker.name]: marker.value };
    const sub = http.get(
      { ...address, path: NOT_FOUND_PATH, headers, agent: false, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    sub.on('timeout', () => sub.destroy(new Error('not-found page timed out')));
    sub.on('error', reject);
  });
}

/** Where this server can be reached from itself. */
export interface Address {
  host: string;
  port: number;
}

/**
 * Returns the per-request hook for server/index.ts. `address()` gives where this server listens;
 * sub-requests carry a per-process marker so they are never intercepted themselves.
 */
export function notFoundPages(address: () => Address) {
  const marker: Marker = { name: 'x-contact-cards-not-found', value: crypto.randomUUID() };

  return function serveNotFoundPageFor404(
    req: IncomingMessage,
    res: ServerResponse,
    log: Log,
  ): void {
    if (req.method !== 'GET' || !isDocumentRequest(req)) return;
    if (req.headers[marker.name] === marker.value) return;
    const requestHeaders = { ...req.headers };
    const chunks: Buffer[] = [];

    replaceBody(res, {
      head(status, original) {
        res.statusCode = status;
        // A 404 page is held back, headers and all, until it is known whether it is the blank shell.
        const holding =
          status === 404 && String(res.getHeader('content-type')).startsWith('text/html');
        if (!holding) original.writeHead(status);
        return holding;
      },
      chunk(chunk, encoding) {
        const bytes = toBuffer(chunk, encoding);
        if (bytes) chunks.push(bytes);
      },
      finish(callback, original) {
        const held = Buffer.concat(chunks);
        const send = (status: number, body: Buffer) => {
          original.writeHead(status);
          original.end(body, callback);
        };
        let blank = false;
        try {
          blank = decode(held, res.getHeader('content-encoding'))
            .toString('utf8')
            .includes(BLANK_SHELL);
        } catch {
          // Not decodable: send it as Next wrote it.
        }
        if (!blank) return send(404, held);
        fetchNotFoundPage(address(), requestHeaders, marker).then(
          (page) => {
            for (const name of res.getHeaderNames()) res.removeHeader(name);
            for (const [name, value] of Object.entries(page.headers)) {
              if (!HOP_BY_HOP.has(name) && value !== undefined) res.setHeader(name, value);
            }
            send(404, page.body);
          },
          () => {
            log({ event: 'not_found_page_failed', path: req.url?.split('?')[0] });
            send(404, held);
          },
        );
      },
    });
  };
}
