// The one server of the app, in production (`npm start`) and in development (`npm run dev`, which
// passes --dev): Next's request handler behind a small node:http server, for what `next start`
// and `next dev` cannot do (docs/decisions/003-custom-server.md):
// 1. the client address from the connection: Next keeps a client-sent X-Forwarded-For as it is;
// 2. a graceful stop: drain requests, then close the embedded database and release its lock;
// 3. proxy headers trusted only when TRUST_PROXY says so;
// 4. request-size limits per path (Next has one body limit for every server action);
// 5. a server-rendered page where the App Router would send an empty one: the error page for a
//    5xx (error-page.ts) and the not-found page for a notFound() (not-found-page.ts);
// 6. CardDAV (PROPFIND and REPORT never reach Next's route handlers) and the birthday feed, by
//    handlers the app registers at start-up (lib/server/handover.mts);
// 7. the prerendered login page for a visitor who brings nothing, sent as a static file server
//    would (static-login.ts): through Next and the middleware it cost thirty times as much;
//    and for such a visitor's page load of a protected page, the middleware's sign-in redirect
//    (sign-in-redirect.ts), by the same rules.
// Erasable TypeScript only, and imports name the file with its extension: `npm run dev` has Node
// run it as it is (type stripping, Node ≥ 22.18), and `npm run build` compiles it to JavaScript
// for production, where the type stripper would cost 17 to 22 MB of memory (scripts/build.mjs).
import './cap-malloc-arenas.ts';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import next from 'next';
import {
  forwardedClientAddress,
  socketClientAddress,
  trustedHopsFrom,
} from '../lib/http/forwarded-for.mts';
import { announceCustomServer, plainHandlerFor, stopApp } from '../lib/server/handover.mts';
import { serveErrorPageFor5xx } from './error-page.ts';
import { bodyProblem, DRAIN_LIMIT, MAX_HEADER_SIZE } from './limits.ts';
import { notFoundPages } from './not-found-page.ts';
import { signInRedirects } from './sign-in-redirect.ts';
import { staticLoginPage } from './static-login.ts';

const dev = process.argv.includes('--dev');
// Before Next loads: the app then trusts the header below (lib/server/handover.mts).
announceCustomServer();

// Validated in full by lib/config.ts during app.prepare(); read here only to bind the socket.
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const trustedHops = trustedHopsFrom(process.env.TRUST_PROXY);
const drainMs = 10_000;
// Requests sent just before the signal may still sit unread in the kernel (a new connection in
// the backlog, or bytes on a keep-alive one) while the event loop is busy: closing at once
// resets them. For this long after the signal the socket stays open and anything new gets a 503.
const graceMs = 1_000;

function normalizeHeaders(req: http.IncomingMessage): void {
  const fromSocket = socketClientAddress(req.socket.remoteAddress);
  const address = forwardedClientAddress(req.headers['x-forwarded-for'], trustedHops) ?? fromSocket;
  req.headers['x-contact-cards-client'] = address;
  if (trustedHops === 0) {
    req.headers['x-forwarded-for'] = address;
    req.headers['x-forwarded-proto'] = 'encrypted' in req.socket ? 'https' : 'http';
    delete req.headers['x-forwarded-host'];
    delete req.headers['x-forwarded-port'];
    delete req.headers['x-real-ip'];
    delete req.headers['forwarded'];
  }
}

function pathnameOf(req: http.IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

const log = (level: number, fields: Record<string, unknown>) =>
  console.log(JSON.stringify({ level, time: Date.now(), app: 'contact-cards', ...fields }));
const logError = (fields: Record<string, unknown>) => log(50, fields);

/** Where sub-requests reach this server (a wildcard address is reached on loopback). */
function loopbackAddress() {
  const { address, port: bound } = server.address() as AddressInfo;
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return { host, port: bound };
}
const serveNotFoundPageFor404 = notFoundPages(loopbackAddress);

let stopping = false;
/** Responses in progress, so a stop can ask them to end their connection when sent. */
const active = new Set<http.ServerResponse>();
const server = http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (req, res) => {
  if (stopping) {
    res.writeHead(503, { 'content-type': 'text/plain', connection: 'close', 'retry-after': '5' });
    res.end('The server is restarting. Please try again in a moment.\n');
    return;
  }
  const plain = plainHandlerFor(pathnameOf(req));
  if (plain) {
    // CardDAV and the birthday feed: their own body limits, their own authentication, no Next.
    active.add(res);
    res.once('close', () => active.delete(res));
    normalizeHeaders(req);
    void plain.handle(req, res);
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
      ...(problem.location ? { location: problem.location } : {}),
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
  normalizeHeaders(req);
  if (staticLogin?.serve(req, res) || signInRedirect?.serve(req, res)) return;
  serveErrorPageFor5xx(req, res, logError);
  serveNotFoundPageFor404(req, res, logError);
  void handle(req, res);
});
// Upgraded connections (the development hot-reload WebSocket) are no longer the HTTP server's to
// close, yet server.close() waits for them: an open browser tab would hold a stop forever.
const upgraded = new Set<Duplex>();
server.on('upgrade', (_req, socket: Duplex) => {
  upgraded.add(socket);
  socket.once('close', () => upgraded.delete(socket));
});
server.keepAliveTimeout = 5_000;
server.headersTimeout = 10_000;
server.requestTimeout = 60_000;

// In production, the prerendered login page: its CSP hashes for the middleware, and the page itself
// for a visitor who brings nothing (server/static-login.ts). Rendered per request in development.
const distDir = path.join(process.cwd(), '.next');
const staticLogin = dev ? null : staticLoginPage(distDir);
const signInRedirect = dev ? null : signInRedirects(distDir);

// httpServer: in development Next attaches its hot-reload WebSocket to this server's upgrades.
// hostname: only for the URLs Next builds inside itself (this server binds the socket). Always
// "localhost", the name the middleware's request URLs carry: with any other, the two disagree
// and Next takes the middleware's rewrite for another site's, proxying it over HTTP (measured:
// a third of the requests per second).
const app = next({
  dev,
  hostname: 'localhost',
  port,
  httpServer: server,
});
await app.prepare();
const handle = app.getRequestHandler();

server.listen(port, hostname, () => log(30, { event: 'listening', port, hostname, dev }));

async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log(30, { event: 'stopping', signal });
  // No new request after these responses: their connections close once they are sent.
  for (const res of active) if (!res.headersSent) res.setHeader('connection', 'close');
  const deadline = setTimeout(() => server.closeAllConnections(), drainMs);
  await new Promise((resolve) => setTimeout(resolve, graceMs));
  // Stop accepting, close idle keep-alive connections, then the ones that become idle.
  for (const socket of upgraded) socket.destroy();
  const closed = new Promise((resolve) => server.close(resolve));
  const sweep = setInterval(() => server.closeIdleConnections(), 250);
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
  await stopApp();
  log(30, { event: 'stopped' });
  process.exit(0);
}
process.once('SIGTERM', () => void stop('SIGTERM'));
process.once('SIGINT', () => void stop('SIGINT'));
