import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../lib/http/security-headers.ts';
import { STATIC_LOGIN_HASHES_VARIABLE, staticLoginHashes } from '../lib/http/static-login.mts';
import { announceStaticLogin, inlineScriptHashes } from './static-login.ts';

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

describe('the hand-over to the middleware', () => {
  it('announces the hashes of the built page, and nothing when there is no build of it', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'static-login-'));
    announceStaticLogin(dist);
    expect(staticLoginHashes()).toBeNull();
    fs.mkdirSync(path.join(dist, 'server', 'app', 'login'), { recursive: true });
    fs.writeFileSync(
      path.join(dist, 'server', 'app', 'login', 'static.html'),
      '<script>a()</script><script>b()</script>',
    );
    announceStaticLogin(dist);
    expect(staticLoginHashes()).toEqual([sha('a()'), sha('b()')]);
    fs.rmSync(dist, { recursive: true, force: true });
  });

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
