import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockFilePath } from '@/lib/db/data-dir-lock';
import { login, register, signedInAs, uniqueName } from './lib/accounts';
import { note } from './lib/stats';
import { AppServer, npmRun, ROOT, stopAll, tempDir, WebClient } from '../support';

/** npm run <script> with DATA_DIR, as an operator would type it beside a running server. */

describe('lock: one process per embedded data folder', () => {
  const dataDir = tempDir('lock');
  const servers: (AppServer | undefined)[] = [];
  afterAll(async () => {
    await stopAll(servers);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server and the database commands while the first keeps serving', async () => {
    const first = await AppServer.start({ dataDir });
    servers.push(first);
    const user = uniqueName('lock');
    const client = new WebClient(first.url);
    await register(client, user);
    const holder = JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')) as { pid: number };
    expect(holder.pid).toBe(first.pid);

    // A second server on the same folder: exits 1 at start, naming the folder and the holder.
    const second = await AppServer.spawn({ dataDir });
    servers.push(second);
    const exit = await second.waitExit(60_000);
    expect(exit.code).toBe(1);
    expect(second.output).toContain(
      `The data folder ${path.resolve(dataDir)} is in use by process ${first.pid}`,
    );
    note(
      `second server exited with code ${exit.code}: "${second.output.trim().split('\n').at(-1)!.slice(0, 140)}…"`,
    );

    // The commands that open the database: refused the same way, exit code 1, nothing changed.
    for (const [script, args] of [
      ['db:migrate', []],
      ['db:backup', [path.join(dataDir, 'never.tar.gz')]],
      ['db:restore', [path.join(ROOT, 'package.json')]],
    ] as const) {
      const r = await npmRun(script, dataDir, ...args);
      expect(r.status, r.output).toBe(1);
      expect(r.output).toContain(
        `${script} refused: The data folder ${path.resolve(dataDir)} is in use by process ${first.pid}`,
      );
      note(`npm run ${script} refused in ${r.ms} ms (exit ${r.status})`);
    }
    expect(fs.existsSync(path.join(dataDir, 'never.tar.gz'))).toBe(false);

    // The first server never noticed: it still answers, reads and writes.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(await signedInAs(client, user)).toBe(true);
    const other = uniqueName('lock2');
    await register(new WebClient(first.url), other);
    await login(new WebClient(first.url), user);
    expect(first.exit).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(lockFilePath(dataDir), 'utf8')).pid).toBe(first.pid);
    note(
      'the first server kept serving: health 200, its session valid, a new registration and a sign-in saved',
    );

    // Once it stops, the lock is released and a command may open the folder.
    expect((await first.stop()).code).toBe(0);
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);
    const migrate = await npmRun('db:migrate', dataDir);
    expect(migrate.status, migrate.output).toBe(0);
    note(
      `after a graceful stop the lock is gone and npm run db:migrate succeeds (${migrate.ms} ms)`,
    );
  });
});
