import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInAs, uniqueName } from './lib/accounts';
import { query, throwawayDatabase } from './lib/postgres';
import { note, report } from './lib/stats';
import {
  AppServer,
  formOf,
  pageText,
  Recorder,
  stopAll,
  TEST_PASSWORD,
  WebClient,
  type FormPick,
  type WebResponse,
} from '../support';

/**
 * Two app servers from one build on one PostgreSQL database, requests alternating between them.
 * Neither server has NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: a form served by one is posted to the
 * other, which shows what a single build shares (its action ids and encryption key).
 */
const ACCOUNT_FAILURES = 4;
const PER_MINUTE = 12;
const INVALID = 'Invalid username or password.';
const ACCOUNT_LOCKED = 'Too many attempts for this account';
const TOO_FAST = 'Too many attempts from your network';

describe('scale-out: two servers, one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof throwawayDatabase>>;
  let a: AppServer;
  let b: AppServer;
  const recorder = new Recorder();
  /** Every attempt the per-address throttle counts (valid sign-in and registration posts). */
  let attempts = 0;

  beforeAll(async () => {
    db = await throwawayDatabase('scale');
    const env = {
      // All from 127.0.0.1, where the user registered: the (username, address) pair locks.
      THROTTLE_PAIR_FAILURES: String(ACCOUNT_FAILURES),
      THROTTLE_PAIR_WINDOW: '600',
      THROTTLE_IP_PER_MINUTE: String(PER_MINUTE),
    };
    // Started together: both migrate the empty database; the advisory lock lets one do it.
    [a, b] = await Promise.all([
      AppServer.start({ databaseUrl: db.url, env }),
      AppServer.start({ databaseUrl: db.url, env }),
    ]);
  });
  afterAll(async () => {
    await stopAll([a, b]);
    await db?.drop();
  });

  /** GETs a form from one server and posts it to the other, with one cookie jar for both. */
  async function crossPost(
    from: WebClient,
    to: WebClient,
    path: string,
    pick: FormPick,
    values: Record<string, string>,
  ): Promise<WebResponse> {
    const page = await from.get(path);
    const form = formOf(page, pick);
    for (const [k, v] of from.cookies) to.cookies.set(k, v);
    const r = await to.post(`${to.origin}${path}`, form, { values });
    for (const [k, v] of to.cookies) from.cookies.set(k, v);
    for (const k of from.cookies.keys()) if (!to.cookies.has(k)) from.cookies.delete(k);
    return r;
  }

  it('shares sessions, sign-outs, flashes and throttling, and accepts each other’s form posts', async () => {
    const migrations = await query<{ n: number }>(
      db.url,
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(migrations[0]!.n).toBeGreaterThan(0);
    const onA = new WebClient(a.url, { recorder });
    const onB = onA.withBase(b.url);
    const user = uniqueName('so');

    // Registered through A's form posted to B; the flash B set is shown by A.
    const registered = await crossPost(
      onA,
      onB,
      '/register',
      { button: 'Create account' },
      {
        username: user,
        password: TEST_PASSWORD,
        confirm: TEST_PASSWORD,
      },
    );
    attempts++;
    expect(registered.status).toBe(303);
    const welcome = await onA.get(new URL(registered.location!).pathname);
    expect(pageText(welcome)).toContain(`Welcome, ${user}.`);
    note(
      'a registration form served by A was posted to B (303): one build shares its action ids and key without NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
      `the flash "Welcome, ${user}." set by B was shown by A`,
    );

    // The session made through B works on both, request after request.
    for (let i = 0; i < 6; i++) {
      const client = i % 2 === 0 ? onA : onB;
      for (const [k, v] of onA.cookies) client.cookies.set(k, v);
      expect(await signedInAs(client, user), `request ${i} on ${i % 2 ? 'B' : 'A'}`).toBe(true);
    }
    note('the session made on B was valid on A and B for 6 alternating requests');

    // Signing out on B (with A's form) ends the session for A too, even for a saved copy of the cookie.
    const saved = new Map(onA.cookies);
    const signedOut = await crossPost(onA, onB, '/logout', { button: 'Log out' }, {});
    expect(signedOut.status).toBe(303);
    const loginPage = await onA.visit(new URL(signedOut.location!).pathname);
    expect(pageText(loginPage)).toContain('You have been logged out.');
    const replay = new WebClient(a.url);
    for (const [k, v] of saved) replay.cookies.set(k, v);
    expect(await signedInAs(replay, user)).toBe(false);
    expect(await signedInAs(replay.withBase(b.url), user)).toBe(false);
    note(
      'signed out on B: the saved session cookie no longer works on A nor on B; B’s flash "You have been logged out." shown by A',
    );

    // Pair throttle: failures on A and B add up; the next attempt is refused on both.
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      const server = i % 2 === 0 ? a : b;
      const r = await new WebClient(server.url, { recorder }).submit(
        '/login',
        { button: 'Log in' },
        { values: { username: user, password: 'wrong password, try again' } },
      );
      attempts++;
      expect(pageText(r)).toContain(INVALID);
    }
    for (const server of [a, b]) {
      const r = await new WebClient(server.url, { recorder }).submit(
        '/login',
        { button: 'Log in' },
        { values: { username: user, password: TEST_PASSWORD } },
      );
      attempts++;
      expect(r.status).toBe(200);
      expect(pageText(r)).toContain(ACCOUNT_LOCKED);
    }
    note(
      `${ACCOUNT_FAILURES} failed sign-ins alternating A/B locked the (account, address) pair on both (the right password is refused on A and on B)`,
    );

    // Address throttle: attempts from 127.0.0.1 are counted once across both servers.
    const outcomes: string[] = [];
    while (attempts < PER_MINUTE + 2) {
      const server = attempts % 2 === 0 ? a : b;
      const r = await new WebClient(server.url, { recorder }).submit(
        '/login',
        { button: 'Log in' },
        { values: { username: uniqueName('nobody'), password: 'not a real password' } },
      );
      attempts++;
      const text = pageText(r);
      outcomes.push(
        text.includes(TOO_FAST)
          ? 'throttled'
          : text.includes(INVALID)
            ? 'counted'
            : `unexpected: ${text.slice(0, 80)}`,
      );
    }
    const firstThrottled = PER_MINUTE + 1;
    // attempts numbered from 1; the outcomes list starts after the ones made above.
    const offset = attempts - outcomes.length;
    outcomes.forEach((o, i) =>
      expect(o, `attempt ${offset + i + 1}`).toBe(
        offset + i + 1 >= firstThrottled ? 'throttled' : 'counted',
      ),
    );
    const rows = await query<{ n: number }>(
      db.url,
      `select count(*)::int as n from client_attempts where client_address = '127.0.0.1'`,
    );
    expect(rows[0]!.n).toBe(PER_MINUTE);
    note(
      `per-address limit ${PER_MINUTE}/minute: attempt ${firstThrottled} was refused (on ${firstThrottled % 2 ? 'A' : 'B'}) and so was the next on the other server; ${rows[0]!.n} attempts recorded in the shared table`,
    );
    report('scale-out requests (A and B)', recorder.samples);
    expect(recorder.samples.filter((s) => s.status >= 500 || s.status === 0)).toEqual([]);
  });
});
