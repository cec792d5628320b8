import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register, signedInAs, uniqueName } from './lib/accounts';
import { PrivatePostgres, query } from './lib/postgres';
import { note, report } from './lib/stats';
import {
  AppServer,
  pageText,
  Recorder,
  sleep,
  stopAll,
  TEST_PASSWORD,
  WebClient,
  type WebResponse,
} from '../support';

/**
 * The database goes away under a running app: stopped (connections refused) and then frozen
 * (SIGSTOP: connections hang, as with a dead host or a full network queue). The app must answer
 * quickly and clearly, never hang, and recover by itself when the database is back.
 */
const UNAVAILABLE = 'Temporarily unavailable';
// What must never reach a page: driver errors, SQL, stack frames.
const LEAK =
  /ECONNREFUSED|ECONNRESET|timeout exceeded|Connection terminated|\bselect\b[^.]*\bfrom\b|node_modules|at [\w.]+ \(/i;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function health(url: string): Promise<[number, number]> {
  return timed(
    async () => (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(20_000) })).status,
  );
}

async function waitHealthy(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await health(url))[0] === 200) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`not healthy again within ${timeoutMs} ms`);
}

function expectUnavailablePage(r: WebResponse, what: string) {
  const text = pageText(r);
  expect(text, `${what} (status ${r.status})`).toContain(UNAVAILABLE);
  expect(r.html, `${what} leaks internals`).not.toMatch(LEAK);
}

describe('database outage on PostgreSQL (a private instance)', () => {
  let pg: PrivatePostgres;
  let server: AppServer | undefined;
  let user: string;
  let client: WebClient;
  const recorder = new Recorder();

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    pg.start();
    await query(pg.url(), 'create database contact_cards');
    server = await AppServer.start({ databaseUrl: pg.url('contact_cards') });
    user = uniqueName('out');
    client = new WebClient(server.url, { recorder, timeoutMs: 30_000 });
    await register(client, user);
  });
  afterAll(async () => {
    await stopAll([server]);
    pg?.destroy();
  });

  /** Requests of every kind at once; answers how long the slowest took. */
  async function burst(label: string): Promise<{ responses: WebResponse[]; slowest: number }> {
    const anon = client.fresh();
    const loginPage = await anon.get('/login');
    const started = performance.now();
    const responses = await Promise.all([
      ...Array.from({ length: 8 }, () => client.get('/', `${label}: GET / (signed in)`)),
      ...Array.from({ length: 4 }, () => client.get('/logout', `${label}: GET /logout`)),
      ...Array.from({ length: 4 }, () =>
        anon
          .fresh()
          .submit(
            loginPage,
            { button: 'Log in' },
            { values: { username: user, password: TEST_PASSWORD }, op: `${label}: POST sign in` },
          ),
      ),
      ...Array.from({ length: 4 }, () => client.get('/api/health', `${label}: GET /api/health`)),
    ]);
    return { responses, slowest: performance.now() - started };
  }

  it('stopped database: pages say "Temporarily unavailable" and health 503 within seconds; recovers without a restart', async () => {
    const loginPage = await client.fresh().get('/login');
    pg.stop();
    const [status, healthMs] = await health(server!.url);
    expect(status).toBe(503);
    expect(healthMs).toBeLessThan(3000);
    const [home, homeMs] = await timed(() => client.get('/'));
    expectUnavailablePage(home, 'GET / while stopped');
    expect(homeMs).toBeLessThan(5000);
    const [signIn, signInMs] = await timed(() =>
      client
        .fresh()
        .submit(
          loginPage,
          { button: 'Log in' },
          { values: { username: user, password: TEST_PASSWORD } },
        ),
    );
    expectUnavailablePage(signIn, 'POST sign in while stopped');
    expect(signInMs).toBeLessThan(5000);
    const { responses, slowest } = await burst('stopped');
    expect(
      responses.every(
        (r) => r.status === 503 || r.status >= 500 || pageText(r).includes(UNAVAILABLE),
      ),
    ).toBe(true);
    expect(slowest).toBeLessThan(10_000);
    expect(server!.exit).toBeUndefined();
    note(
      `PostgreSQL stopped: /api/health ${status} in ${Math.round(healthMs)} ms; GET / → ${home.status} "${UNAVAILABLE}" in ${Math.round(homeMs)} ms; sign-in POST → ${signIn.status} "${UNAVAILABLE}" in ${Math.round(signInMs)} ms`,
      `a burst of 20 mixed requests all answered within ${Math.round(slowest)} ms (statuses ${[...new Set(responses.map((r) => r.status))].join('/')}), no driver error or SQL in any page; the server kept running`,
    );

    pg.start();
    const recovered = await waitHealthy(server!.url, 20_000);
    expect(await signedInAs(client, user)).toBe(true);
    await register(client.fresh(), uniqueName('out'));
    note(
      `PostgreSQL started again: healthy after ${recovered} ms, the session made before the outage works, a new registration is saved (no app restart)`,
    );
  });

  it('frozen database (SIGSTOP): timeouts answer within seconds instead of hanging; recovers on SIGCONT', async () => {
    pg.signal('SIGSTOP');
    try {
      const [status, healthMs] = await health(server!.url);
      expect(status).toBe(503);
      expect(healthMs).toBeLessThan(3500);
      const [home, homeMs] = await timed(() => client.get('/'));
      expectUnavailablePage(home, 'GET / while frozen');
      const { responses, slowest } = await burst('frozen');
      expect(responses.every((r) => r.status >= 500 || pageText(r).includes(UNAVAILABLE))).toBe(
        true,
      );
      // The bounds: connectionTimeoutMillis 3 s, query_timeout DB_STATEMENT_TIMEOUT + 1 s = 6 s.
      expect(homeMs).toBeLessThan(10_000);
      expect(slowest).toBeLessThan(15_000);
      note(
        `PostgreSQL frozen: /api/health ${status} in ${Math.round(healthMs)} ms; GET / → ${home.status} "${UNAVAILABLE}" in ${Math.round(homeMs)} ms; 20 mixed requests all answered within ${Math.round(slowest)} ms (statuses ${[...new Set(responses.map((r) => r.status))].join('/')})`,
      );
    } finally {
      pg.signal('SIGCONT');
    }
    const recovered = await waitHealthy(server!.url, 20_000);
    expect(await signedInAs(client, user)).toBe(true);
    await register(client.fresh(), uniqueName('out'));
    expect(server!.exit).toBeUndefined();
    note(`PostgreSQL thawed: healthy after ${recovered} ms, session and registration work again`);
    report('all requests of the outage scenario', recorder.samples);
    expect(recorder.samples.filter((s) => s.status === 0)).toEqual([]);
  });
});
