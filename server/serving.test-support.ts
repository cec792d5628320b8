// The unit tests' way to put one of the server's own answerers (static-login.ts,
// sign-in-redirect.ts) behind a real node:http server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/**
 * A server that answers what `answerer` serves and 418 for what it leaves to Next; closed after
 * the test. Returns a GET (or other method) over node:http.
 */
export async function serving(answerer: {
  serve(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}) {
  const server = http.createServer((req, res) => {
    if (!answerer.serve(req, res)) res.writeHead(418).end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return (target: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        // node:http, not fetch: fetch adds headers of its own (sec-fetch-mode, accept-encoding).
        const req = http.request({ port, path: target, method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        });
        req.on('error', reject).end();
      },
    );
}
