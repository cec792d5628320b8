import http from 'node:http';
import { expect } from '@playwright/test';

/**
 * Raw HTTP for the attack suite: the exact path, method and headers given (Host included), no
 * redirect following, no cookie jar. Browsers and fetch() normalise what an attacker would not.
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending the request to the end of the body. */
  ms: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
  timeoutMs?: number;
}

/** Node sends a body without Content-Length chunked; browsers never do. */
function withLength(init: RawRequest): RawRequest['headers'] {
  const headers = { ...init.headers };
  const names = Object.keys(headers).map((n) => n.toLowerCase());
  if (
    init.body !== undefined &&
    !names.includes('content-length') &&
    !names.includes('transfer-encoding')
  ) {
    headers['content-length'] = String(Buffer.byteLength(init.body));
  }
  return headers;
}

export function raw(base: string, path: string, init: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method ?? 'GET',
        path,
        headers: withLength(init),
        agent: false,
        timeout: init.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${init.timeoutMs ?? 15_000} ms`)),
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** The Set-Cookie headers of a response as name → whole header line. */
export function setCookies(res: RawResponse): Map<string, string> {
  const lines = res.headers['set-cookie'] ?? [];
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** name=value pairs of the cookies a response sets (not deleted ones), for a Cookie header. */
export function cookieHeader(res: RawResponse, only?: (name: string) => boolean): string {
  return [...setCookies(res).entries()]
    .filter(
      ([name, line]) =>
        (only ? only(name) : true) && !/max-age=0|expires=thu, 01 jan 1970/i.test(line),
    )
    .map(([, line]) => line.split(';')[0])
    .join('; ');
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The hidden fields React writes into a server-action form (what makes a no-JS POST an action),
 * of the page's `index`-th such form (the site header's "Log out" form comes first when signed in).
 */
export function actionFields(html: string, index = 0): [string, string][] {
  const forms = html
    .split(/<form\b/)
    .slice(1)
    .filter((form) => form.includes('name="$ACTION'));
  const form = forms[index];
  if (!form) throw new Error(`no server-action form number ${index} on the page`);
  const fields: [string, string][] = [];
  const re = /<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g;
  const body = form.slice(0, form.indexOf('</form>'));
  for (let m = re.exec(body); m; m = re.exec(body)) fields.push([m[1]!, unescapeHtml(m[2] ?? '')]);
  return fields;
}

/** A multipart body as a browser would send it. */
export async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const encoded = new Response(form);
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type')!,
  };
}

/**
 * Submits the server-action form on `path` the way a browser without JavaScript does: the page's
 * hidden action fields, then `fields`; same-origin unless `headers` say otherwise.
 */
export async function submitForm(
  base: string,
  path: string,
  fields: [string, string][],
  headers: Record<string, string> = {},
  formIndex = 0,
): Promise<RawResponse> {
  const page = await raw(base, path, { headers: headers.cookie ? { cookie: headers.cookie } : {} });
  const { body, contentType } = await multipart([...actionFields(page.body, formIndex), ...fields]);
  return raw(base, path, {
    method: 'POST',
    headers: {
      origin: base,
      'sec-fetch-site': 'same-origin',
      'content-type': contentType,
      ...headers,
    },
    body,
  });
}

export const PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A username no other test uses; always the same length for one prefix (enumeration compares). */
export function freshName(prefix = 's'): string {
  counter += 1;
  const unique = [
    Date.now().toString(36),
    (counter % 1296).toString(36).padStart(2, '0'),
    Math.floor(Math.random() * 46656)
      .toString(36)
      .padStart(3, '0'),
  ].join('');
  return `${prefix}_${unique}`.slice(0, 32);
}

export interface RawUser {
  username: string;
  password: string;
  /** The Cookie header of the signed-in browser (session only). */
  cookie: string;
}

/** Registers through the real form (no JavaScript) and returns the session cookie. */
export async function registerRaw(
  base: string,
  username = freshName(),
  password = PASSWORD,
): Promise<RawUser> {
  const res = await submitForm(base, '/register', [
    ['username', username],
    ['password', password],
    ['confirm', password],
  ]);
  expect(res.status, `registering ${username}`).toBe(303);
  const cookie = cookieHeader(res, (name) => name.endsWith('cc_session'));
  expect(cookie).toMatch(/cc_session=Fe26\.2\*/);
  return { username, password, cookie };
}

/** Signs in through the real form; the response (303 on success, 200 with a message otherwise). */
export function loginRaw(
  base: string,
  username: string,
  password: string,
  extra: [string, string][] = [],
) {
  return submitForm(base, '/login', [['username', username], ['password', password], ...extra]);
}

/** Whether a page or RSC payload was rendered for a signed-in user. */
export function showsSignedIn(body: string, username?: string): boolean {
  return (
    /Signed in as|Welcome, |Welcome back, /.test(body) || (!!username && body.includes(username))
  );
}

/** The things no answer may contain: stack frames, file paths, SQL, secrets. */
export function expectNothingLeaks(body: string, secrets: string[] = []): void {
  expect(body, 'a stack frame').not.toMatch(/\n\s+at\s|at [\w$.<>]+ \(/);
  expect(body, 'a file path').not.toMatch(
    /\/(work|home|root|tmp|usr)\/|node_modules|\.next\/server|webpack-internal/,
  );
  expect(body, 'SQL').not.toMatch(
    /\b(select\s.+\sfrom|insert into|update\s.+\sset|delete from)\b|Failed query/i,
  );
  for (const secret of secrets) expect(body, 'a secret').not.toContain(secret);
}

/**
 * Next 16 answers an RSC request whose `_rsc` cache-busting value does not match its headers with
 * a 307 to the right one; a real client follows it, so the attack requests do too (once).
 */
export async function rawFollowingRsc(base: string, path: string, init: RawRequest = {}) {
  const first = await raw(base, path, init);
  const location = first.headers.location;
  if (first.status === 307 && location && /[?&]_rsc(=|&|$)/.test(location) && location !== path) {
    return raw(base, location, init);
  }
  return first;
}
