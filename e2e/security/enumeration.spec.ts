import { expect, test } from '../fixtures';
import { freshName, loginRaw, registerRaw, setCookies, type RawResponse } from './http';

/**
 * User enumeration: a wrong password for a real account and any password for an unknown name
 * must be indistinguishable by status, cookies, message and page. Their timing is measured, not
 * asserted: `npm run bench -- --row=10` prints both medians and the gap.
 */
function normalize(res: RawResponse, typed: string): string {
  const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
  let body = res.body;
  if (nonce) body = body.split(nonce).join('NONCE');
  return body
    .split(typed)
    .join('USERNAME')
    .replace(/Try again in \d+ (?:seconds?|minutes?)/g, 'Try again later');
}

function fingerprint(res: RawResponse, typed: string) {
  const cookies = [...setCookies(res).entries()].map(
    ([name, line]) =>
      // Values differ by nature; names and attributes must not.
      `${name}; ${line.split(';').slice(1).join(';').trim()}`,
  );
  return {
    status: res.status,
    cookies,
    location: res.headers.location ?? null,
    body: normalize(res, typed),
  };
}

test.describe('user enumeration (raw HTTP)', () => {
  test('wrong password and unknown user answer alike, before and after the (username, address) lock', async ({
    baseURL,
  }) => {
    test.slow(); // dozens of sign-ins or requests in a row
    const base = baseURL!;
    const known = await registerRaw(base, freshName('known'));
    // The same length, so a length-dependent page would show too.
    const unknown = freshName('known');
    expect(unknown.length).toBe(known.username.length);
    for (let attempt = 1; attempt <= 7; attempt++) {
      const a = await loginRaw(base, known.username, `wrong password ${attempt}`);
      const b = await loginRaw(base, unknown, `wrong password ${attempt}`);
      const fa = fingerprint(a, known.username);
      const fb = fingerprint(b, unknown);
      expect(fa.status, `attempt ${attempt}`).toBe(200);
      expect(fb, `attempt ${attempt}`).toEqual(fa);
      // Locked (this address) from the sixth, unless a slow machine let the six-second window pass.
      expect(a.body).toMatch(
        attempt <= 5
          ? /Invalid username or password\./
          : /Invalid username or password\.|Too many attempts for this account/,
      );
    }
  });

  test('a locked account says nothing about whether the password was right', async ({
    baseURL,
  }) => {
    const base = baseURL!;
    const user = await registerRaw(base);
    for (let i = 0; i < 5; i++) await loginRaw(base, user.username, 'wrong password');
    const right = await loginRaw(base, user.username, user.password);
    const wrong = await loginRaw(base, user.username, 'wrong password');
    expect(right.status).toBe(200);
    expect(fingerprint(right, user.username)).toEqual(fingerprint(wrong, user.username));
    expect([...setCookies(right).keys()].filter((n) => n.endsWith('cc_session'))).toEqual([]);
  });
});
