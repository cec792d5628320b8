import { expect } from '@playwright/test';
import { cookieHeader, raw, submitForm, TEST_PASSWORD, type RawRequest } from '../../test/support';

/**
 * The attack suite's helpers over the support module's raw-HTTP client (test/support/raw-http.ts,
 * re-exported here so a spec has one import): accounts made and signed in without a browser, and
 * the checks an attacker's answers must pass.
 */
export {
  actionFields,
  cookieHeader,
  multipart,
  parseForms,
  raw,
  setCookies,
  submitForm,
  type RawRequest,
  type RawResponse,
} from '../../test/support';
export { TEST_PASSWORD };

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
  password = TEST_PASSWORD,
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
