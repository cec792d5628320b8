import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFilePath } from '@/lib/db/data-dir-lock';
import { login, register, signedInAs, uniqueName } from './lib/accounts';
import { controlState, withEmbedded } from './lib/embedded';
import { note, report } from './lib/stats';
import {
  AppServer,
  RawConnection,
  Recorder,
  sleep,
  stopAll,
  tempDir,
  TEST_PASSWORD,
  WebClient,
  type WebResponse,
} from '../support';

describe('graceful stop (SIGTERM) on the embedded database', () => {
  const dataDir = tempDir('graceful');
  const servers: AppServer[] = [];
  afterAll(async () => {
    await stopAll(servers);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets in-flight requests finish (or answers 503), closes the database cleanly, restarts without repair', async () => {
    const server = await AppServer.start({ dataDir });
    servers.push(server);
    const owner = uniqueName('gs');
    const ownerClient = new WebClient(server.url);
    await register(ownerClient, owner);

    // 30 registrations (argon2 + inserts) and 10 page renders, all sent at once, with the
    // forms fetched beforehand so every POST is on the wire before the signal.
    const recorder = new Recorder();
    const names = Array.from({ length: 30 }, () => uniqueName('gs'));
    const forms = await Promise.all(
      names.map(async (name) => {
        const client = new WebClient(server.url, { recorder });
        return { name, client, page: await client.get('/register') };
      }),
    );
    const pageClient = new WebClient(server.url, { recorder });
    for (const [k, v] of ownerClient.cookies) pageClient.cookies.set(k, v);
    // A keep-alive connection busy with a page when the signal comes, then asked again.
    const raw = await RawConnection.open(server.port);
    raw.send('/login');

    type Outcome = { name?: string; response?: WebResponse; error?: string };
    const started = Date.now();
    const inFlight: Promise<Outcome>[] = [
      ...forms.map(({ name, client, page }) =>
        client
          .submit(
            page,
            { button: 'Create account' },
            {
              values: { username: name, password: TEST_PASSWORD, confirm: TEST_PASSWORD },
              op: 'register (in flight)',
            },
          )
          .then(
            (response) => ({ name, response }),
            (e: Error) => ({ name, error: e.message }),
          ),
      ),
      ...Array.from({ length: 10 }, () =>
        pageClient.get('/', 'GET / (in flight)').then(
          (response) => ({ response }),
          (e: Error) => ({ error: e.message }),
        ),
      ),
    ];
    await sleep(60);
    server.child.kill('SIGTERM');
    const signalledAt = Date.now();
    // The kept-alive connection asks again as soon as its first answer is in, as a browser would
    // (unless that answer said Connection: close, which a client obeys).
    const keepAliveCheck = (async () => {
      const [first] = await raw.waitForResponses(1, 15_000, (d) => d.includes('</html>'));
      const head = raw.received.split('\r\n\r\n')[0] ?? '';
      const closing = /\r\nconnection: close/i.test(head);
      if (closing) return { first, closing, second: undefined, closed: true };
      // Ask only once the server has begun to stop, or the question proves nothing.
      while (!server.output.includes('"event":"stopping"')) await sleep(10);
      raw.send('/api/health');
      let closed = false;
      void raw.closed.then(() => (closed = true));
      const [, second] = await raw.waitForResponses(2, 5_000, () => closed);
      return { first, closing, second, closed };
    })();
    const outcomes = await Promise.all(inFlight);
    const lastAnswer = Date.now();
    const keepAlive = await keepAliveCheck;
    raw.destroy();
    const exit = await server.waitExit(20_000);
    const stoppedAt = Date.now();

    report('in-flight requests during SIGTERM', recorder.samples);
    const errors = outcomes.filter((o) => o.error);
    expect(errors.map((e) => e.error)).toEqual([]);
    const statuses = outcomes.map((o) => o.response!.status);
    expect(
      statuses.every((s) => s === 303 || s === 200 || s === 503),
      `statuses ${statuses}`,
    ).toBe(true);
    const acknowledged = outcomes
      .filter((o) => o.name && o.response!.status === 303)
      .map((o) => o.name!);
    const refused = outcomes
      .filter((o) => o.name && o.response!.status === 503)
      .map((o) => o.name!);
    expect(acknowledged.length + refused.length).toBe(names.length);
    note(
      `SIGTERM ${signalledAt - started} ms after 40 requests were sent: ${statuses.filter((s) => s !== 503).length} finished normally, ${statuses.filter((s) => s === 503).length} answered 503, 0 network errors; last answer ${lastAnswer - signalledAt} ms after the signal`,
      keepAlive.closing
        ? `a keep-alive connection busy at the signal: its answer (${keepAlive.first}) said Connection: close`
        : keepAlive.second
          ? `a keep-alive connection busy at the signal: its answer was ${keepAlive.first}, its next request was answered ${keepAlive.second} with Connection: close`
          : `a keep-alive connection busy at the signal: its answer was ${keepAlive.first}; it was idle after the grace period and the server closed it cleanly`,
    );
    expect(keepAlive.first).toBe(200);
    // The next request on it is refused with a 503, or finds the connection closed: never
    // served as if nothing happened, never left hanging.
    if (!keepAlive.closing)
      expect(keepAlive.second === 503 || (!keepAlive.second && keepAlive.closed)).toBe(true);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output).toContain('"event":"stopped"');
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
    expect(controlState(dataDir)).toBe('shut down');
    note(
      `exited 0 ${stoppedAt - signalledAt} ms after the signal, lock released, pg_control says "${controlState(dataDir)}" (a clean shutdown: no recovery needed)`,
    );

    // The next start opens the folder without recovery, and every acknowledged write is there.
    const again = await AppServer.start({ dataDir });
    servers.push(again);
    expect(again.output).not.toMatch(/not properly shut down|recovery/i);
    expect(await signedInAs(ownerClient.withBase(again.url), owner)).toBe(true);
    await Promise.all(acknowledged.map((name) => login(new WebClient(again.url), name)));
    expect((await again.stop()).code).toBe(0);
    const stored = await withEmbedded(dataDir, (sql) =>
      sql<{ username: string }>('select username from users'),
    );
    const storedNames = new Set(stored.map((r) => r.username));
    expect([...storedNames].sort()).toEqual([owner, ...acknowledged].sort());
    for (const name of refused) expect(storedNames.has(name)).toBe(false);
    note(
      `restart: no recovery; the session made before the stop still works; all ${acknowledged.length} acknowledged registrations sign in; the ${refused.length} refused with 503 were not written`,
    );
  });
});
