import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveErrorPageFor5xx } from './error-page.ts';

/** A server whose "Next" answers with `next`, behind the replacer; closed after each test. */
const servers: http.Server[] = [];
async function serve(next: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const log = vi.fn();
  const server = http.createServer((req, res) => {
    serveErrorPageFor5xx(req, res, log);
    next(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, log };
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const DOCUMENT = { accept: 'text/html,application/xhtml+xml' };
const EMPTY_SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>';
const next500 = (req: http.IncomingMessage, res: http.ServerResponse) => {
  res.setHeader('x-frame-options', 'DENY');
  res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'x-kept': 'yes' });
  res.end(EMPTY_SHELL);
};

describe('serveErrorPageFor5xx', () => {
  it('replaces the empty body of a whole-document 5xx with the error page, keeping headers', async () => {
    const { url, log } = await serve(next500);
    const res = await fetch(`${url}/contacts`, { headers: DOCUMENT });
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).toContain('<h1>Temporarily unavailable</h1>');
    expect(body).not.toContain('__next_error__');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-kept')).toBe('yes');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const reference = /Error reference: <code>([0-9a-f]{10})<\/code>/.exec(body)?.[1];
    expect(reference).toBeDefined();
    expect(log).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'error_page', reference, method: 'GET', path: '/contacts' }),
    );
  });

  it('replaces a compressed 5xx and drops its encoding, length and validators', async () => {
    const { url } = await serve((req, res) => {
      const gzipped = zlib.gzipSync(EMPTY_SHELL);
      res.setHeader('content-type', 'text/html');
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('content-length', gzipped.length);
      res.setHeader('etag', '"abc"');
      res.statusCode = 503;
      res.write(gzipped.subarray(0, 5));
      res.end(gzipped.subarray(5));
    });
    const res = await fetch(url, { headers: DOCUMENT });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.text()).toContain('Temporarily unavailable');
  });

  it('replaces the plain-text 500 of a form posted without JavaScript', async () => {
    const { url } = await serve((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal Server Error');
    });
    const res = await fetch(`${url}/contacts/new`, {
      method: 'POST',
      headers: DOCUMENT,
      body: 'x',
    });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('Temporarily unavailable');
  });

  it.each([
    ['a client navigation (RSC)', '/contacts', { ...DOCUMENT, rsc: '1' }],
    ['a JavaScript action', '/contacts', { ...DOCUMENT, 'next-action': 'abc' }],
    ['a prefetch', '/contacts', { ...DOCUMENT, 'next-router-prefetch': '1' }],
    ['a request that does not take HTML', '/contacts', { accept: 'application/json' }],
    ['an API route', '/api/health', DOCUMENT],
    ['a framework file', '/_next/static/x.js', DOCUMENT],
  ])('leaves the 5xx of %s as Next wrote it', async (_name, path, headers) => {
    const { url, log } = await serve(next500);
    const res = await fetch(`${url}${path}`, { headers });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(EMPTY_SHELL);
    expect(res.headers.get('x-kept')).toBe('yes');
    expect(log).not.toHaveBeenCalled();
  });

  it('leaves answers below 500 and 5xx answers that are not pages alone', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/json') {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end('{"error":"upstream"}');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.write('<p>Page ');
      res.end('not found</p>');
    });
    const notFound = await fetch(url, { headers: DOCUMENT });
    expect([notFound.status, await notFound.text()]).toEqual([404, '<p>Page not found</p>']);
    const json = await fetch(`${url}/json`, { headers: DOCUMENT });
    expect([json.status, await json.text()]).toEqual([502, '{"error":"upstream"}']);
  });
});
