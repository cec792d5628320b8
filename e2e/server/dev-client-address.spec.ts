import { expect, test } from '../fixtures';
import { actionFields, multipart, raw } from '../security/http';
import { AppServer, forgedAddressHeaders, randomLoopback, SERVER_ENTRY } from '../../test/support';

/*
 * `npm run dev` runs the production server's code (server/index.ts --dev): the client address
 * comes from the socket, so a forged X-Forwarded-For changes nothing in development either. Shown
 * with the per-address sign-in limit, set to 3: forged headers do not get a fourth try, while
 * another (real) loopback address has its own allowance, so the bucket is the socket's address
 * and not the shared "unknown" one that plain `next dev` would fall back to.
 */
const randomByte = () => 1 + Math.floor(Math.random() * 254);

/** A failed sign-in posted without JavaScript from `from`, claiming to come from `forged`. */
async function failedSignIn(lab: AppServer, login: string, from: string, forged: string) {
  const { body, contentType } = await multipart([
    ...actionFields(login),
    ['username', `nobody_${randomByte()}`],
    ['password', 'not the password'],
  ]);
  const res = await raw(lab.url, '/login', {
    method: 'POST',
    localAddress: from,
    headers: {
      'content-type': contentType,
      accept: 'text/html',
      origin: lab.url,
      ...forgedAddressHeaders(forged),
    },
    body,
    timeoutMs: 120_000,
  });
  return res.body;
}

test('development server: a forged X-Forwarded-For does not change the client address', async ({
  javaScriptEnabled,
}, testInfo) => {
  test.skip(!javaScriptEnabled, 'Raw HTTP against a server of its own: once.');
  // Development compiles each page on first use: slow on a busy machine.
  testInfo.setTimeout(360_000);
  const lab = await AppServer.start(
    {
      args: [SERVER_ENTRY, '--dev'],
      env: { NODE_ENV: 'development', TRUST_PROXY: '0', THROTTLE_IP_PER_MINUTE: '3' },
    },
    // The first start compiles the instrumentation and middleware: a minute or more when busy.
    240_000,
    { anyAnswer: true },
  );
  try {
    const login = (await raw(lab.url, '/login', { timeoutMs: 120_000 })).body;
    const from = randomLoopback();
    for (let i = 0; i < 3; i++) {
      const body = await failedSignIn(lab, login, from, `203.0.113.${i + 1}`);
      expect(body, `attempt ${i + 1}`).toContain('Invalid username or password.');
    }
    const forged = await failedSignIn(lab, login, from, '198.51.100.99');
    expect(forged).toContain('Too many attempts from your network.');
    const elsewhere = await failedSignIn(lab, login, randomLoopback(), '203.0.113.1');
    expect(elsewhere).toContain('Invalid username or password.');
    expect(lab.output, 'the server said it runs in development').toContain('"dev":true');
  } finally {
    await lab.stop();
  }
});
