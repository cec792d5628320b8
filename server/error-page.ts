// A server-rendered "Temporarily unavailable" page for documents Next answers with a 5xx.
//
// When a server component throws (the database is down, a query timed out), the App Router does
// not render app/error.tsx on the server: it sends a 500 with an empty <body> and leaves the
// error boundary to the browser's JavaScript. Without JavaScript (or for curl, or a monitor) that
// is a blank page. For full-document requests only, this replaces such a body with a complete
// page. Client navigations (RSC requests) and JavaScript actions keep Next's own handling, so
// app/error.tsx still shows there.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  applyWriteHeadHeaders,
  callbackOf,
  isDocumentRequest,
  originalMethods,
  type Log,
  type WriteArgs,
} from './document-request.ts';

const page = (reference: string) => `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Temporarily unavailable · Contact Cards</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  main { max-width: 36rem; margin: 4rem auto; padding: 0 1.5rem; }
  code { font-size: 0.95em; }
</style>
</head>
<body>
<main>
<h1>Temporarily unavailable</h1>
<p>Something went wrong on our side, and this page could not be shown. Please try again in a moment.</p>
<p>Error reference: <code>${reference}</code></p>
<p><a href="/">Go to the home page</a></p>
</main>
</body>
</html>
`;

/**
 * Watches `res`; if its headers go out with a 5xx HTML status, the body Next writes is dropped
 * and the page above is sent instead. Installed before Next's handler, so it sits below Next's
 * compression and sees the final headers (Content-Encoding is removed: the page goes out plain).
 */
export function serveErrorPageFor5xx(req: IncomingMessage, res: ServerResponse, log: Log): void {
  if (!isDocumentRequest(req)) return;
  const original = originalMethods(res);
  let replacing = false;

  res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    applyWriteHeadHeaders(res, rest);
    const type = String(res.getHeader('content-type') ?? 'text/html');
    // A no-JavaScript action that throws answers "Internal Server Error" as text/plain.
    if (status >= 500 && (type.startsWith('text/html') || type.startsWith('text/plain'))) {
      replacing = true;
      for (const name of ['content-encoding', 'content-length', 'etag', 'vary'])
        res.removeHeader(name);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
    }
    return original.writeHead(status);
  } as ServerResponse['writeHead'];
  res.write = function write(...args: WriteArgs) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!replacing) return original.write(...args);
    const cb = callbackOf(args);
    if (cb) process.nextTick(cb);
    return true;
  } as ServerResponse['write'];
  res.end = function end(...args: WriteArgs) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!replacing) return original.end(...args);
    const reference = crypto.randomBytes(5).toString('hex');
    log({ event: 'error_page', reference, method: req.method, path: req.url?.split('?')[0] });
    return original.end(page(reference), 'utf8', callbackOf(args));
  } as ServerResponse['end'];
}
