import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread';

// The server's database client, end to end: Drizzle over the worker thread, on a real data folder.
const notes = pgTable('notes', {
  id: integer('id').primaryKey(),
  body: text('body').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
});

let dir: string;
let thread: PGliteThread;
const deaths: Error[] = [];
let db: ReturnType<typeof drizzle>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-thread-'));
  thread = await PGliteThread.start(path.join(dir, 'pgdata'), '16MB', (e) => deaths.push(e));
  db = drizzle({ client: thread as unknown as PGlite });
  await db.execute(
    sql`create table notes (id integer primary key, body text not null, at timestamptz not null)`,
  );
});

afterAll(async () => {
  await thread.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('PGliteThread', () => {
  it('runs Drizzle queries with their types: dates, bytes, nulls', async () => {
    const at = new Date('2026-02-28T12:34:56.789Z');
    await db.insert(notes).values({ id: 1, body: 'first', at });
    const [row] = await db.select().from(notes);
    expect(row).toEqual({ id: 1, body: 'first', at });
    const bytes = await thread.query("select '\\x00ff10'::bytea as b, null::text as n");
    expect(bytes.rows[0]).toEqual({ b: new Uint8Array([0, 255, 16]), n: null });
  });

  it('keeps the fields callers read from a database error (the SQLSTATE code)', async () => {
    type Failure = Error & { cause?: { code?: string; constraint?: string } };
    const failed = (await db
      .insert(notes)
      .values({ id: 1, body: 'again', at: new Date() })
      .then(() => null)
      .catch((e: unknown) => e)) as Failure;
    expect(failed).toBeInstanceOf(Error);
    expect(failed.cause?.code).toBe('23505');
    expect(failed.cause?.constraint).toBe('notes_pkey');
  });

  it('commits a transaction, and rolls back one that throws, savepoints included', async () => {
    await db.transaction(async (tx) => {
      await tx.insert(notes).values({ id: 2, body: 'kept', at: new Date() });
      await tx
        .transaction(async (inner) => {
          await inner.insert(notes).values({ id: 3, body: 'savepoint undone', at: new Date() });
          throw new Error('undo the savepoint');
        })
        .catch(() => {});
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(notes).values({ id: 4, body: 'undone', at: new Date() });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const ids = (await db.select({ id: notes.id }).from(notes).orderBy(notes.id)).map((r) => r.id);
    expect(ids).toEqual([1, 2]);
  });

  it('holds other queries until an open transaction ends, as PGlite itself does', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (t) => {
      await t
        .update(notes)
        .set({ body: 'inside' })
        .where(sql`id = 1`);
      seen.push('tx wrote');
      await gate;
      seen.push('tx ends');
    });
    // Waits for the transaction: it must see the committed value, never run in between.
    await new Promise((r) => setTimeout(r, 50));
    const outside = thread.query('select body from notes where id = 1').then((r) => {
      seen.push(`outside read ${(r.rows[0] as { body: string }).body}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([tx, outside]);
    expect(seen).toEqual(['tx wrote', 'tx ends', 'outside read inside']);
  });

  it('answers many queries at once, each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => thread.query('select $1::int * 2 as n', [i])),
    );
    expect(results.map((r) => (r.rows[0] as { n: number }).n)).toEqual(
      Array.from({ length: 200 }, (_, i) => i * 2),
    );
  });

  it('keeps what was committed across a restart', async () => {
    await thread.close();
    expect(await thread.query('select 1').catch((e: Error) => e.message)).toMatch(/closed/);
    thread = await PGliteThread.start(path.join(dir, 'pgdata'), '16MB', (e) => deaths.push(e));
    const rows = await thread.query('select id, body from notes order by id');
    expect(rows.rows).toEqual([
      { id: 1, body: 'inside' },
      { id: 2, body: 'kept' },
    ]);
    expect(deaths).toEqual([]);
  });

  it('fails with a reason when the folder cannot be opened', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const died: Error[] = [];
    await expect(PGliteThread.start(file, '16MB', (e) => died.push(e))).rejects.toThrow();
    expect(died).toHaveLength(1);
  });

  it("gets a small young generation under the server's --max-semi-space-size, the main thread keeping its own", () => {
    // A process of its own: the flag is the one npm start gives the server (ADR 008).
    const script = path.join(dir, 'young-generation.mts');
    fs.writeFileSync(
      script,
      `import { Worker } from 'node:worker_threads';
import v8 from 'node:v8';
import { withSmallYoungGeneration } from ${JSON.stringify(path.resolve('lib/db/pglite-thread.ts'))};
const churn = \`let kept = [];
for (let i = 0; i < 3e6; i++) { kept.push({ i }); if (kept.length > 2e5) kept = []; }\`;
const newSpace = \`require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size\`;
const worker = withSmallYoungGeneration(() => new Worker(\`\${churn}
require('node:worker_threads').parentPort.postMessage(\${newSpace});\`, { eval: true }));
worker.once('message', (thread) => {
  new Function(churn)();
  const main = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
  console.log(JSON.stringify({ thread, main }));
  worker.terminate();
});
`,
    );
    const out = execFileSync(
      process.execPath,
      ['--no-warnings', '--max-semi-space-size=16', '--conditions=react-server', script],
      { encoding: 'utf8' },
    );
    const { thread, main } = JSON.parse(out) as { thread: number; main: number };
    const MB = 1024 * 1024;
    expect(thread).toBeLessThanOrEqual(4 * MB);
    expect(main).toBeGreaterThan(8 * MB);
  });
});
