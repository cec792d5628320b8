import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  NO_STORE,
  NOTHING_RUNS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from '../lib/http/security-headers.mts';
import { serving } from './serving.test-support.ts';
import { cookielessPageLoadPath, signInRedirects } from './sign-in-redirect.ts';

const ROUTES = {
  '/(app)/page': '/',
  '/(app)/contacts/page': '/contacts',
  '/(app)/contacts/[id]/page': '/contacts/[id]',
  '/(app)/contacts/[id]/photo/route': '/contacts/[id]/photo',
  '/(auth)/login/page': '/login',
  '/api/health/route': '/api/health',
};
const MANIFEST = {
  headers: [
    { regex: '^(?:/(.*))?$', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
    { regex: '^/contacts(?:/(.*))?$', headers: [{ key: 'X-Contacts', value: '1' }] },
    {
      regex: '^/contacts$',
      missing: [{ type: 'cookie', key: 'x' }],
      headers: [{ key: 'X-No', value: '1' }],
    },
  ],
  rsc: { varyHeader: 'rsc' },
};

/** A build folder with the two manifests (or without the route list), removed after the test. */
function buildFolder(routes: Record<string, string> | null = ROUTES): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-in-redirect-'));
  onTestFinished(() => fs.rmSync(dist, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dist, 'routes-manifest.json'), JSON.stringify(MANIFEST));
  if (routes)
    fs.writeFileSync(path.join(dist, 'app-path-routes-manifest.json'), JSON.stringify(routes));
  return dist;
}

const request = (url: string, headers: http.IncomingHttpHeaders = {}, method = 'GET') =>
  ({ url, headers, method }) as http.IncomingMessage;

describe('cookielessPageLoadPath', () => {
  it('takes a plain GET or HEAD of a path as Next routes it', () => {
    expect(cookielessPageLoadPath(request('/contacts'))).toBe('/contacts');
    expect(cookielessPageLoadPath(request('/'))).toBe('/');
    expect(cookielessPageLoadPath(request('/contacts/abc-1_2.x~'))).toBe('/contacts/abc-1_2.x~');
    expect(cookielessPageLoadPath(request('/contacts', {}, 'HEAD'))).toBe('/contacts');
    expect(cookielessPageLoadPath(request('/contacts', { accept: 'text/html' }))).toBe('/contacts');
  });

  it('leaves to Next and the middleware whatever the visitor brings or Next would rewrite', () => {
    for (const [url, headers, method] of [
      ['/contacts', { cookie: 'another_app=1' }],
      ['/contacts', { cookie: '' }],
      ['/contacts', {}, 'POST'],
      ['/contacts', {}, 'OPTIONS'],
      ['/contacts?q=ada', {}],
      ['/contacts?', {}],
      ['/contacts', { rsc: '1' }],
      ['/contacts', { 'next-router-prefetch': '1' }],
      // Next redirects these first (308) or decodes them; the middleware sees another path.
      ['/contacts/', {}],
      ['//contacts', {}],
      ['/%63ontacts', {}],
      ['/contacts/./x', {}],
      ['/contacts/../account', {}],
      ['/contacts/a.rsc', {}],
      ['/index', {}],
      ['/contacts#top', {}],
      ['http://localhost/contacts', {}],
      ['*', {}],
    ] as [string, http.IncomingHttpHeaders, string?][]) {
      expect(cookielessPageLoadPath(request(url, headers, method)), `${method} ${url}`).toBeNull();
    }
  });
});

describe('signInRedirects', () => {
  it('answers nothing without the build’s list of routes', () => {
    expect(signInRedirects(buildFolder(null))).toBeNull();
    expect(signInRedirects(buildFolder({}))).toBeNull();
  });

  it('sends the middleware’s 307 for a protected page, with its policy and the build’s headers', async () => {
    const get = await serving(signInRedirects(buildFolder())!);
    for (const [target, next] of [
      ['/contacts', '%2Fcontacts'],
      ['/', '%2F'],
      ['/contacts/0000-1', '%2Fcontacts%2F0000-1'],
    ]) {
      const res = await get(target!);
      expect(res.status, target).toBe(307);
      expect(res.headers.location).toBe(`/login?next=${next}`);
      expect(res.body.toString()).toBe(`/login?next=${next}`);
      expect(res.headers['content-security-policy']).toBe(NOTHING_RUNS_POLICY);
      expect(res.headers['cache-control']).toBe(NO_STORE);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-no'], 'a conditional rule is not guessed at').toBeUndefined();
    }
    expect((await get('/contacts')).headers['x-contacts']).toBe('1');
    expect((await get('/')).headers['x-contacts']).toBeUndefined();
    // A photo keeps its own caching, as in the middleware; HEAD has no body; https gets HSTS.
    const photo = await get('/contacts/0000-1/photo');
    expect(photo.status).toBe(307);
    expect(photo.headers['cache-control']).toBeUndefined();
    const head = await get('/contacts', {}, 'HEAD');
    expect([head.status, head.body.length]).toEqual([307, 0]);
    const https = await get('/contacts', { 'x-forwarded-proto': 'https' });
    expect(https.headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('never answers for a public or unknown path, or a visitor with a cookie', async () => {
    const get = await serving(signInRedirects(buildFolder())!);
    for (const [target, headers] of [
      ['/login', {}],
      ['/api/health', {}],
      ['/_next/static/chunks/a.js', {}],
      ['/no-such-page', {}],
      ['/contacts/1/photo/extra', {}],
      ['/contacts', { cookie: 'cc_session=expired' }],
      ['/contacts?page=2', {}],
    ] as [string, Record<string, string>][]) {
      expect((await get(target, headers)).status, target).toBe(418);
    }
  });
});
