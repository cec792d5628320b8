import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notFoundPages, type Address } from './not-found-page.ts';

const EMPTY_SHELL =
  '<!DOCTYPE html><html id="__next_error__"><head><script src="/_next/x.js"></script></head><body></body></html>';
const NOT_FOUND_PAGE = '<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>';
const DOCUMENT = { accept: 'text/html' };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/**
 * A server whose "Next" answers /_not-found with a full page (echoing the cookie it got) and
 * every other path with `next`, behind the replacer, as server/index.ts installs it.
 */
async function serve(
  next: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  address?: () => Address,
) {
  const log = vi.fn();
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    hook(req, res, log);
    if (req.url === '/_not-found') {
      seen.push(req.headers);
      res.writeHead(404, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `script-src 'nonce-${req.headers.cookie ?? 'none'}'`,
        'x-rendered-by': 'not-found',
      });
      res.end(NOT_FOUND_PAGE);
      return;
    }
    next(req, res);
  });
  servers.push(server);
  const hook = notFoundPages(
    address ?? (() => ({ host: '127.0.0.1', port: (server.address() as AddressInfo).port })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log, seen };
}

const shell404 = (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.setHeader('x-from-page', 'contact');
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  res.write(EMPTY_SHELL.slice(0, 20));
  res.end(EMPTY_SHELL.slice(20));
};

describe('serveNotFoundPageFor404', () => {
  it("replaces notFound()'s empty __next_error__ shell with /_not-found, fetched as the visitor", async () => {
    const { url, seen, log } = await serve(shell404);
    const res = await fetch(`${url}/contacts/not-an-id`, {
      headers: { ...DOCUMENT, cookie: 'cc_session=abc', 'accept-language': 'fr' },
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(NOT_FOUND_PAGE);
    // The page's own headers (its CSP nonce matches its scripts), not the shell's.
    expect(res.headers.get('x-rendered-by')).toBe('not-found');
    expect(res.headers.get('content-security-policy')).toBe("script-src 'nonce-cc_session=abc'");
    expect(res.headers.get('x-from-page')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ cookie: 'cc_session=abc', 'accept-language': 'fr' });
    expect(log).not.toHaveBeenCalled();
  });

  it('replaces a compressed shell', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(404, { 'content-type': 'text/html', 'content-encoding': 'br' });
      res.end(zlib.brotliCompressSync(EMPTY_SHELL));
    });
    const res = await fetch(url, { headers: DOCUMENT });
    expect([res.status, await res.text()]).toEqual([404, NOT_FOUND_PAGE]);
  });

  it('sends a real 404 page as Next wrote it, headers and all', async () => {
    const page = '<!DOCTYPE html><html><body><h1>Page not found</h1><p>real</p></body></html>';
    const { url, seen } = await serve((req, res) => {
      res.setHeader('x-from-page', 'unmatched');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    });
    const res = await fetch(`${url}/no-such-page`, { headers: DOCUMENT });
    expect([res.status, await res.text()]).toEqual([404, page]);
    expect(res.headers.get('x-from-page')).toBe('unmatched');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['a client navigation (RSC)', 'GET', { ...DOCUMENT, rsc: '1' }],
    ['a form post', 'POST', DOCUMENT],
    ['a request that does not take HTML', 'GET', { accept: '*/*' }],
  ])('leaves the shell of %s alone', async (_name, method, headers) => {
    const { url, seen } = await serve(shell404);
    const res = await fetch(`${url}/contacts/x`, { method, headers });
    expect([res.status, await res.text()]).toEqual([404, EMPTY_SHELL]);
    expect(seen).toHaveLength(0);
  });

  it('passes other statuses through as they are written', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-kept': 'yes' });
      res.write('<p>one</p>');
      res.end('<p>two</p>');
    });
    const res = await fetch(url, { headers: DOCUMENT });
    expect([res.status, await res.text()]).toEqual([200, '<p>one</p><p>two</p>']);
    expect(res.headers.get('x-kept')).toBe('yes');
  });

  it('sends the shell, and logs, when the not-found page cannot be fetched', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const { url, log } = await serve(shell404, () => ({ host: '127.0.0.1', port }));
    const res = await fetch(`${url}/contacts/x`, { headers: DOCUMENT });
    expect([res.status, await res.text()]).toEqual([404, EMPTY_SHELL]);
    expect(log).toHaveBeenCalledWith({ event: 'not_found_page_failed', path: '/contacts/x' });
  });
});
