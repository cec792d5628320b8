import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFilePath } from '@/lib/db/data-dir-lock';
import { login, register, signedInAs, uniqueName } from './lib/accounts';
import { createContact, editContact, type ContactName } from './lib/contacts';
import { controlState, withEmbedded } from './lib/embedded';
import { note, report } from './lib/stats';
import { AppServer, Recorder, sleep, stopAll, tempDir, TEST_PASSWORD, WebClient } from '../support';

/**
 * kill -9 while writes stream in, then a restart on the same folder: every acknowledged write
 * (a 303 fully received) must be there, nothing half-written may be, and sessions keep working.
 */
const WRITERS = 8;
const STREAM_MS = 3000;

interface Cycle {
  server: AppServer;
  dataDir: string;
  recorder: Recorder;
  killedAt: number;
}

/** Starts a server, runs `writer` in WRITERS clients, kills the server mid-stream, restarts it. */
async function crashCycle(
  label: string,
  servers: AppServer[],
  dirs: string[],
  writer: (client: WebClient, index: number, running: () => boolean) => Promise<void>,
  prepare?: (server: AppServer) => Promise<void>,
): Promise<Cycle> {
  const dataDir = tempDir(label);
  dirs.push(dataDir);
  const first = await AppServer.start({ dataDir });
  servers.push(first);
  await prepare?.(first);
  const recorder = new Recorder();
  let running = true;
  const streams = Array.from({ length: WRITERS }, (_, i) =>
    writer(new WebClient(first.url, { recorder, timeoutMs: 20_000 }), i, () => running).catch(
      // Requests cut by the kill fail; that is the point. Anything else fails the test below.
      (error: Error) => (running ? Promise.reject(error) : undefined),
    ),
  );
  await sleep(STREAM_MS);
  const killedAt = Date.now();
  // From here a failed request is expected (the writers stop starting new ones).
  running = false;
  await first.crash();
  await Promise.all(streams);
  expect(first.exit?.signal).toBe('SIGKILL');
  // The crash was real: the database was not shut down, and the lock file was left behind.
  expect(controlState(dataDir)).toBe('in production');
  expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')).pid).toBe(first.pid);
  const restartedAt = Date.now();
  const server = await AppServer.start({ dataDir });
  servers.push(server);
  note(
    `killed with SIGKILL after ${STREAM_MS} ms of writes (pg_control "in production", lock left by pid ${first.pid}); restarted on the same folder in ${Date.now() - restartedAt} ms (stale lock taken over, crash recovery)`,
  );
  return { server, dataDir, recorder, killedAt };
}

describe('crash (kill -9) on the embedded database', () => {
  const servers: AppServer[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await stopAll(servers);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every acknowledged registration and session; no half-written account', async () => {
    // Each writer registers accounts one after another: a user row, then a session row.
    const acknowledged: { name: string; client: WebClient }[] = [];
    const inFlight = new Set<string>();
    const cycle = await crashCycle('crash-accounts', servers, dirs, async (client, i, running) => {
      while (running()) {
        const name = uniqueName(`c${i}`);
        const fresh = client.fresh();
        inFlight.add(name);
        await register(fresh, name);
        inFlight.delete(name);
        acknowledged.push({ name, client: fresh });
      }
    });
    expect(acknowledged.length).toBeGreaterThan(5);

    for (const { name, client } of acknowledged) {
      expect(await signedInAs(client.withBase(cycle.server.url), name), `session of ${name}`).toBe(
        true,
      );
    }
    for (const { name } of acknowledged)
      await login(new WebClient(cycle.server.url), name, TEST_PASSWORD);
    expect((await cycle.server.stop()).code).toBe(0);

    const users = await withEmbedded(cycle.dataDir, (sql) =>
      sql<{ username: string; password_hash: string; sessions: number }>(
        `select username, password_hash, (select count(*)::int from sessions s where s.user_id = u.id) as sessions from users u`,
      ),
    );
    const stored = new Map(users.map((u) => [u.username, u]));
    for (const { name } of acknowledged) expect(stored.has(name), name).toBe(true);
    // Anything else in the table was in flight at the kill; it may or may not have landed.
    const extra = users.filter((u) => !acknowledged.some((a) => a.name === u.username));
    for (const u of extra)
      expect(inFlight.has(u.username), `unexpected user ${u.username}`).toBe(true);
    for (const u of users) expect(u.password_hash).toMatch(/^\$argon2id\$v=19\$m=7168,t=5,p=1\$/);
    report(
      'writes streamed before the kill',
      cycle.recorder.samples.filter((s) => s.at < cycle.killedAt),
    );
    note(
      `${acknowledged.length} acknowledged registrations: all present after the restart, each one's session cookie still signs it in, each password signs in`,
      `${extra.length} of ${inFlight.size} registrations in flight at the kill were written (allowed either way); every stored password hash is complete`,
    );
  });

  it('keeps every acknowledged contact create and edit; contact counts stay consistent', async () => {
    const owners: { name: string; client: WebClient }[] = [];
    const acked = new Map<string, { owner: string; value: ContactName; pending?: ContactName }>();
    const cycle = await crashCycle(
      'crash-contacts',
      servers,
      dirs,
      async (client, i, running) => {
        const owner = owners[i]!;
        for (const [k, v] of owner.client.cookies) client.cookies.set(k, v);
        const mine: string[] = [];
        for (let n = 0; running(); n++) {
          if (mine.length < 2 || n % 2 === 0) {
            const value = { given: `Crash${i}`, family: `Create${n}` };
            const id = await createContact(client, value);
            mine.push(id);
            acked.set(id, { owner: owner.name, value });
          } else {
            const id = mine[n % mine.length]!;
            const value = { given: `Crash${i}`, family: `Edit${n}` };
            acked.get(id)!.pending = value;
            const result = await editContact(client, id, value);
            expect(result).toBe('saved');
            acked.set(id, { owner: owner.name, value });
          }
        }
      },
      async (server) => {
        for (let i = 0; i < WRITERS; i++) {
          const name = uniqueName(`cc${i}`);
          const client = new WebClient(server.url);
          await register(client, name);
          owners.push({ name, client });
        }
      },
    );
    for (const { name, client } of owners) {
      expect(await signedInAs(client.withBase(cycle.server.url), name)).toBe(true);
    }
    expect((await cycle.server.stop()).code).toBe(0);
    const rows = await withEmbedded(cycle.dataDir, (sql) =>
      sql<{ id: string; given_name: string; family_name: string }>(
        'select id, given_name, family_name from contacts',
      ),
    );
    const counts = await withEmbedded(cycle.dataDir, (sql) =>
      sql<{ username: string; contact_count: number; actual: number }>(
        `select username, contact_count, (select count(*)::int from contacts c where c.owner_id = u.id and c.deleted_at is null) as actual from users u`,
      ),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [id, { value, pending }] of acked) {
      const row = byId.get(id);
      expect(row, `acknowledged contact ${id}`).toBeDefined();
      const stored = { given: row!.given_name, family: row!.family_name };
      // The last acknowledged edit, or one sent after it that landed without its answer.
      expect([value, pending]).toContainEqual(stored);
    }
    for (const c of counts) expect(c.contact_count, c.username).toBe(c.actual);
    note(
      `${acked.size} acknowledged contacts all present with their last acknowledged values; ${rows.length - acked.size} unacknowledged creates landed; contact_count matches for ${counts.length} users`,
    );
  });
});
