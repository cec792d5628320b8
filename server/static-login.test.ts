import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from '../lib/http/security-headers.mts';
import { STATIC_LOGIN_HASHES_VARIABLE, staticLoginHashes } from '../lib/http/static-login.mts';
import { inlineScriptHashes, staticLoginPage } from './static-login.ts';
import { serving } from './serving.test-support.ts';

const sha = (text: string) =>
  `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`;

afterEach(() => {
  delete process.env[STATIC_LOGIN_HASHES_VARIABLE];
});

describe('inlineScriptHashes', () => {
  it('hashes each inline script exactly as written, once, and skips scripts with a src', () => {
    const first = '(self.__next_f=self.__next_f||[]).push([0])';
    const second = 'self.__next_f.push([1,"é \\u003c/script\\u003e"])';
    const html = [
      '<html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      `<script id="_R_">${first}</script></head><body><script>${second}</script>`,
      `<script>${first}</script><script src='/b.js'></script></body></html>`,
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([sha(first), sha(second)]);
  });

  it('finds none in a page without inline scripts', () => {
    expect(inlineScriptHashes('<p>no scripts</p><script src="/x.js"></script>')).toEqual([]);
  });
});

const MANIFEST = {
  headers: [
    { regex: '^(?:/(.*))?$', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
    {
      regex: '^/login$',
      has: [{ type: 'cookie', key: 'x' }],
      headers: [{ key: 'X-No', value: '1' }],
    },
    { regex: '^/_next/static(?:/(.*))?$', headers: [{ key: 'X-Files', value: '1' }] },
  ],
  rsc: { varyHeader: 'rsc, next-router-state-tree' },
};
const PAGE = '<html><script>a()</script><p>Log in</p><script>b()</script></html>';

/** A build folder holding the prerendered login page (or not), removed after the test. */
function buildFolder(page?: string): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'static-login-'));
  onTestFinished(() => fs.rmSync(dist, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dist, 'routes-manifest.json'), JSON.stringify(MANIFEST));
  if (page !== undefined) {
    fs.mkdirSync(path.join(dist, 'server', 'app', 'login'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'server', 'app', 'login', 'static.html'), page);
  }
  return dist;
}

describe('staticLoginPage', () => {
  it('announces the hashes of the built page, and nothing when there is no build of it', () => {
    expect(staticLoginPage(buildFolder())).toBeNull();
    expect(staticLoginHashes()).toBeNull();
    expect(staticLoginPage(buildFolder(PAGE))?.hashes).toEqual([sha('a()'), sha('b()')]);
    expect(staticLoginHashes()).toEqual([sha('a()'), sha('b()')]);
  });

  it("sends the page with its hash policy and the build's headers to a visitor who brings nothing", async () => {
    const get = await serving(staticLoginPage(buildFolder(PAGE))!);
    const res = await get('/login');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(PAGE);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      contentSecurityPolicy({ scriptHashes: [sha('a()'), sha('b()')], dev: false, https: false }),
    );
    expect(res.headers['x-frame-options']).toBe('DENY');
    // Rules with conditions, and rules for other paths, are Next's to apply.
    expect(res.headers['x-no']).toBeUndefined();
    expect(res.headers['x-files']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['vary']).toBe('rsc, next-router-state-tree, Accept-Encoding');
    expect(res.headers['strict-transport-security']).toBeUndefined();

    const https = await get('/login', { 'x-forwarded-proto': 'https' });
    expect(https.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    expect(https.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('compresses for a client that accepts gzip, answers HEAD and a matching ETag without a body', async () => {
    const get = await serving(staticLoginPage(buildFolder(PAGE))!);
    const gzipped = await get('/login', { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(PAGE);
    const refused = await get('/login', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    const head = await get('/login', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(PAGE));

    const etag = String(gzipped.headers.etag);
    const again = await get('/login', { 'if-none-match': `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['content-security-policy']).toContain("'self'");
    expect((await get('/login', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('leaves to Next every request that brings something or asks for something else', async () => {
    const get = await serving(staticLoginPage(buildFolder(PAGE))!);
    const toNext: [string, Record<string, string>, string?][] = [
      ['/login?next=%2Fcontacts', {}],
      ['/login?', {}],
      ['/login/', {}],
      ['/LOGIN', {}],
      ['/login/static', {}],
      ['/login', { cookie: 'cc_flash=x' }],
      ['/login', { cookie: 'unrelated=1' }],
      ['/login', { rsc: '1' }],
      ['/login', { 'next-router-prefetch': '1' }],
      ['/login', { 'sec-purpose': 'prefetch' }],
      ['/login', { 'sec-fetch-dest': 'empty' }],
      ['/login', {}, 'POST'],
      ['/login', {}, 'OPTIONS'],
    ];
    for (const [target, headers, method] of toNext) {
      const what = `${method ?? 'GET'} ${target} ${JSON.stringify(headers)}`;
      expect((await get(target, headers, method)).status, what).toBe(418);
    }
    expect((await get('/login', { 'sec-fetch-dest': 'document' })).status).toBe(200);
  });
});

describe('the hand-over to the middleware', () => {
  it('refuses a value that is not a list of SHA-256 hashes', () => {
    for (const value of ["sha256-x' 'unsafe-inline", `${sha('a')} 'unsafe-inline'`, '']) {
      process.env[STATIC_LOGIN_HASHES_VARIABLE] = value;
      expect(staticLoginHashes(), value).toBeNull();
    }
  });
});

describe('contentSecurityPolicy for a prerendered page', () => {
  it("lists 'self' and the hashes for scripts: no nonce, no 'strict-dynamic', nothing inline", () => {
    const policy = contentSecurityPolicy({ scriptHashes: [sha('a()')], dev: false, https: true });
    expect(policy).toContain(`script-src 'self' '${sha('a()')}';`);
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/nonce|strict-dynamic|unsafe/);
    expect(policy).toContain('upgrade-insecure-requests');
  });
});
