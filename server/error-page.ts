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
import { isDocumentRequest, replaceBody, type Log } from './document-request.ts';

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
  replaceBody(res, {
    head(status, original) {
      const type = String(res.getHeader('content-type') ?? 'text/html');
      // A no-JavaScript action that throws answers "Internal Server Error" as text/plain.
      const replacing =
        status >= 500 && (type.startsWith('text/html') || type.startsWith('text/plain'));
      if (replacing) {
        for (const name of ['content-encoding', 'content-length', 'etag', 'vary'])
          res.removeHeader(name);
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
      }
      original.writeHead(status);
      return replacing;
    },
    finish(callback, original) {
      const reference = crypto.randomBytes(5).toString('hex');
      log({ event: 'error_page', reference, method: req.method, path: req.url?.split('?')[0] });
      original.end(page(reference), 'utf8', callback);
    },
  });
}
