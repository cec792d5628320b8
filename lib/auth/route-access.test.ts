import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoutePatterns } from '../http/app-routes.js';
import { normalizePath, PUBLIC_PATHS, routeAccess } from './route-access.mts';

// The same list next.config.js hands the middleware; e2e/route-manifest.spec.ts checks it against the build.
const routes = appRoutePatterns(path.join(import.meta.dirname, '../../app'));
const access = (p: string) => routeAccess(p, routes);

describe('routeAccess', () => {
  it('lets anyone reach the named public paths', () => {
    for (const p of PUBLIC_PATHS) expect(access(p), p).toBe('public');
    for (const p of ['/_next/static/chunks/a.js', '/_next/image', '/login?next=/contacts']) {
      expect(access(p.split('?')[0]!), p).toBe('public');
    }
  });

  it('protects every other route of the app, dynamic segments included', () => {
    for (const p of [
      '/',
      '/account',
      '/contacts',
      '/contacts/new',
      '/contacts/import',
      '/contacts/export.csv',
      '/contacts/export.vcf',
      '/contacts/0b5c7a8e-0000-4000-8000-000000000000',
      '/contacts/x/edit',
      '/contacts/x/delete',
      '/contacts/x/vcard',
    ]) {
      expect(access(p), p).toBe('protected');
    }
  });

  it('protects a new page without anyone listing it', () => {
    expect(routeAccess('/settings', [...routes, '/settings'])).toBe('protected');
    expect(routeAccess('/labels/a/b', [...routes, '/labels/[...slug]'])).toBe('protected');
    expect(routeAccess('/tags', [...routes, '/tags/[[...slug]]'])).toBe('protected');
    expect(routeAccess('/tags/a', [...routes, '/tags/[[...slug]]'])).toBe('protected');
  });

  it('ignores trailing and repeated slashes', () => {
    expect(access('/contacts/')).toBe('protected');
    expect(access('/contacts//')).toBe('protected');
    expect(access('//contacts')).toBe('protected');
    expect(access('/contacts//new')).toBe('protected');
    expect(access('/login/')).toBe('public');
  });

  it('decodes escapes and resolves dot segments before it decides', () => {
    expect(access('/%6Cogin')).toBe('public');
    expect(access('/%63ontacts')).toBe('protected');
    expect(access('/login/../contacts')).toBe('protected');
    expect(access('/login/%2e%2e/contacts')).toBe('protected');
    expect(access('/login/..%2Fcontacts')).toBe('protected');
    expect(access('/%2Fcontacts')).toBe('protected');
    expect(access('/_next/../contacts')).toBe('protected');
    expect(access('/_next/static/..%2F..%2Fcontacts')).toBe('protected');
    expect(access('/\\contacts')).toBe('protected');
    expect(access('/./contacts')).toBe('protected');
    expect(access('/favicon.ico/../contacts')).toBe('protected');
  });

  it('treats RSC spellings of a page as the page', () => {
    expect(access('/index.rsc')).toBe('protected');
    expect(access('/contacts.rsc')).toBe('protected');
    expect(access('/contacts.prefetch.rsc')).toBe('protected');
    expect(access('/contacts.segments/_tree.segment.rsc')).toBe('protected');
  });

  it('matches case exactly, as the router does: other spellings are unknown (a 404)', () => {
    expect(access('/LOGIN')).toBe('unknown');
    expect(access('/Contacts')).toBe('unknown');
  });

  it('leaves paths that are no route unknown', () => {
    for (const p of ['/nope', '/contacts-old', '/api/other', '/account/x', '/contacts/x/y/z']) {
      expect(access(p), p).toBe('unknown');
    }
  });

  it('fails closed: undecodable paths and a build without its route list are protected', () => {
    expect(access('/%E0%A4%A')).toBe('protected');
    expect(routeAccess('/nope', [])).toBe('protected');
    expect(routeAccess('/login', [])).toBe('public');
  });
});

describe('normalizePath', () => {
  it('gives the path the router matches', () => {
    expect(normalizePath('/a//b/./c/../d/')).toBe('/a/b/d');
    expect(normalizePath('/../..')).toBe('/');
    expect(normalizePath('/%2e%2e/%6Cogin')).toBe('/login');
  });
});
