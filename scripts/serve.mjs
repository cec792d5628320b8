// The production server: Next's request handler behind a small node:http server, for four things
// `next start` cannot do (docs/decisions/003-custom-server.md):
// 1. the client address from the connection: Next keeps a client-sent X-Forwarded-For as it is;
// 2. a graceful stop: drain requests, then close the embedded database and release its lock;
// 3. proxy headers trusted only when TRUST_PROXY says so;
// 4. request-size limits per path (Next has one body limit for every server action);
// 5. a server-rendered page where the App Router would send an empty one: the error page for a
//    5xx (lib/error-page.mjs) and the not-found page for a notFound() (lib/not-found-page.mjs).
import http from 'node:http';
import next from 'next';
import { serveErrorPageFor5xx } from './lib/error-page.mjs';
import { notFoundPages } from './lib/not-found-page.mjs';

globalThis[Symbol.for('contact-cards.custom-server')] = true;

// Validated in full by lib/config.ts during app.prepare(); read here only to bind the socket.
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const trustedHops =
  process.env.TRUST_PROXY === 'true' ? 1 : Number(process.env.TRUST_PROXY || 0) || 0;
const drainMs = 10_000;
// Requests sent just before the signal may still sit unread in the kernel (a new connection in
// the backlog, or bytes on a keep-alive one) while the event loop is busy: closing at once
// resets them. For this long after the signal the socket stays open and anything new gets a 503.
const graceMs = 1_000;

// Request bodies: the largest form (a contact with every field at its cap, in 4-byte characters)
// is well under 64 KB; only the import page takes a file. Next's own limit (next.config.js) is the
// import's, so this is what holds every other path to the small one.
const BODY_LIMIT = 256 * 1024;
/** Bodies refused for their size but read (and discarded) so the client sees the refusal. */
const DRAIN_LIMIT = 16 * 1024 * 1024;
const LARGE_BODY_LIMITS = new Map([['/contacts/import', 6 * 1024 * 1024]]);
// Node answers 431 to anything larger. Our cookies take under 4 KB; browsers send at most 8 KB.
const MAX_HEADER_SIZE = 16 * 1024;

/** The address of the client: the socket's, or the one the trusted proxies recorded. */
function clientAddress(req) {
  const socketAddress = (req.socket.remoteAddress || 'unknown').replace(/^::ffff:/, '');
  if (trustedHops === 0) return socketAddress;
  const hops = String(req.headers['x-forwarded-for'] || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; anything left of those is client-supplied.
  return hops[Math.max(0, hops.length - trustedHops)] || socketAddress;
}

function normaliseHeaders(req) {
  const address = clientAddress(req);
  req.headers['x-contact-cards-client'] = address;
  if (trustedHops === 0) {
    req.headers['x-forwarded-for'] = address;
    req.headers['x-forwarded-proto'] = req.socket.encrypted ? 'https' : 'http';
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-port'];
    delete req.headers['x-real-ip'];
    delete req.headers['forwarded'];
  }
}

/** Why the request's body is refused before anyone reads it, or null. */
function bodyProblem(req) {
  // A length we cannot check up front is refused: browsers always send Content-Length, and the
  // body is then never read at all when it is too large.
  if (req.headers['transfer-encoding']) {
    return { status: 411, text: 'Length Required: send the body with a Content-Length.' };
  }
  const length = Number(req.headers['content-length'] ?? 0);
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    // Node already refused request lines it cannot parse; anything else gets the small limit.
  }
  const limit = LARGE_BODY_LIMITS.get(pathname) ?? BODY_LIMIT;
  if (length > limit) {
    return {
      status: 413,
      text: `Payload Too Large: this server accepts at most ${Math.round(limit / 1024)} KB here.`,
    };
  }
  return null;
}

const app = next({ dev: false, hostname: hostname === '0.0.0.0' ? 'localhost' : hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const logError = (fields) =>
  console.log(JSON.stringify({ level: 50, time: Date.now(), app: 'contact-cards', ...fields }));
/** Where sub-requests reach this server (a wildcard address is reached on loopback). */
function loopbackAddress() {
  const { address, port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return { host, port: bound };
}
const serveNotFoundPageFor404 = notFoundPages(loopbackAddress);

let stopping = false;
/** Responses in progress, so a stop can ask them to end their connection when sent. */
const active = new Set();
const server = http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (req, res) => {
  if (stopping) {
    res.writeHead(503, { 'content-type': 'text/plain', connection: 'close', 'retry-after': '5' });
    res.end('The server is restarting. Please try again in a moment.\n');
    return;
  }
  const problem = bodyProblem(req);
  if (problem) {
    // A socket closed with unread data is reset, and the client then sees a broken pipe instead
    // of this answer. So a body of moderate size is read and discarded before the answer ends:
    // ending first is not enough, because a client that asked for `Connection: close` has its
    // connection closed right after the answer, while it is still sending (seen as EPIPE). A
    // huge body is cut off. A slow drain is bounded by requestTimeout below, like any upload.
    const drain = Number(req.headers['content-length'] ?? 0) <= DRAIN_LIMIT;
    res.writeHead(problem.status, {
      'content-type': 'text/plain; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      ...(drain ? {} : { connection: 'close' }),
    });
    const refuse = () => res.end(`${problem.text}\n`);
    if (!drain || req.readableEnded) refuse();
    else {
      req.once('end', refuse);
      req.once('error', () => res.destroy());
      req.resume();
    }
    return;
  }
  active.add(res);
  res.once('close', () => active.delete(res));
  normaliseHeaders(req);
  serveErrorPageFor5xx(req, res, logError);
  serveNotFoundPageFor404(req, res, logError);
  handle(req, res);
});
server.keepAliveTimeout = 5_000;
server.headersTimeout = 10_000;
server.requestTimeout = 60_000;

server.listen(port, hostname, () => {
  console.log(
    JSON.stringify({
      level: 30,
      time: Date.now(),
      app: 'contact-cards',
      event: 'listening',
      port,
      hostname,
    }),
  );
});

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(
    JSON.stringify({
      level: 30,
      time: Date.now(),
      app: 'contact-cards',
      event: 'stopping',
      signal,
    }),
  );
  // No new request after these responses: their connections close once they are sent.
  for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  await new Promise((resolve) => setTimeout(resolve, graceMs));
  // Stop accepting, close idle keep-alive connections, then the ones that become idle.
  const closed = new Promise((resolve) => server.close(resolve));
  const sweep = setInterval(() => server.closeIdleConnections(), 250);
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
  await globalThis[Symbol.for('contact-cards.shutdown')]?.run();
  console.log(
    JSON.stringify({ level: 30, time: Date.now(), app: 'contact-cards', event: 'stopped' }),
  );
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
