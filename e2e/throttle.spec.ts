import { forgedAddressHeaders, randomLoopback } from '../test/support';
import { expect, expectAccessible, TEST_PASSWORD, test, uniqueName } from './fixtures';
import { postToStrict, strictHiddenFields } from './strict-server';

/*
 * Against the strict server (default limits: 20 attempts a minute per address; 5 failures lock a
 * (username, address) pair for 15 minutes, e2e/lockout-attack.spec.ts). The forms are posted as a browser without JavaScript posts
 * them, from a random loopback address of our own (127.x.y.z), so the limits these tests use
 * up belong to no other test, with a forged X-Forwarded-For that must change nothing.
 */
const randomByte = () => 1 + Math.floor(Math.random() * 254);
const publicAddress = () => `203.0.113.${randomByte()}`;
/** A forged X-Forwarded-For on every post: it must change nothing. */
const forged = () => forgedAddressHeaders(publicAddress());

test.describe('throttling on the strict server', () => {
  // Raw form posts: the JavaScript-off project would send the same requests again.
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'Raw HTTP: one project is enough');
  test('per address: the 21st sign-in or registration attempt in a minute is refused, whatever X-Forwarded-For says', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const login = await strictHiddenFields(page, '/login');
    await expectAccessible(page);
    const register = await strictHiddenFields(page, '/register');
    const from = randomLoopback();
    const attempt = (username: string) =>
      postToStrict(
        '/login',
        { ...login, username, password: 'not the password', next: '' },
        from,
        forged(),
      );
    for (let i = 0; i < 20; i++) {
      const { body } = await attempt(uniqueName('nobody'));
      expect(body, `attempt ${i + 1}`).toContain('Invalid username or password.');
    }
    const refused = await attempt(uniqueName('nobody'));
    expect(refused.body).toContain('Too many attempts from your network. Try again in a minute.');
    expect(refused.body).not.toContain('Invalid username or password.');
    const name = uniqueName('reg');
    const registration = await postToStrict(
      '/register',
      { ...register, username: name, password: TEST_PASSWORD, confirm: TEST_PASSWORD, company: '' },
      from,
      forged(),
    );
    expect(registration.status).toBe(200);
    expect(registration.body).toContain('Too many attempts from your network');
    // Another address has its own allowance.
    const elsewhere = await postToStrict(
      '/login',
      { ...login, username: uniqueName('nobody'), password: 'not the password', next: '' },
      randomLoopback(),
      forged(),
    );
    expect(elsewhere.body).toContain('Invalid username or password.');
  });
  // Failures per account and per (account, address): e2e/lockout-attack.spec.ts.
});
