import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread';
import { emptyDatabaseTemplate, templateFile } from './pglite-template';

// A project root of its own, so the copy is written under a temporary .next/cache.
let root: string;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-template-'));
  fs.symlinkSync(path.resolve('node_modules'), path.join(root, 'node_modules'));
  fs.symlinkSync(path.resolve('lib'), path.join(root, 'lib'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the empty database a new data folder starts from', () => {
  it('is made once, by PGlite version, and a folder unpacked from it keeps what is written', async () => {
    const logged: string[] = [];
    const file = await emptyDatabaseTemplate((m) => logged.push(m), root);
    expect(logged).toEqual([]);
    expect(file).toBe(templateFile(root));
    expect(path.basename(file!)).toMatch(/^pglite-\d+\.\d+\.\d+-empty\.tar\.gz$/);
    const made = fs.statSync(file!).mtimeMs;
    expect(await emptyDatabaseTemplate((m) => logged.push(m), root)).toBe(file);
    expect(fs.statSync(file!).mtimeMs).toBe(made);
    expect(fs.readdirSync(path.dirname(file!))).toEqual([path.basename(file!)]);

    // The server has made the data folder (its lock file is there), not the database's folder.
    fs.mkdirSync(path.join(root, 'data'));
    const pgdata = path.join(root, 'data', 'pgdata');
    // What a crash halfway through unpacking would have left: replaced, never opened.
    fs.mkdirSync(`${pgdata}.partial`);
    fs.writeFileSync(path.join(`${pgdata}.partial`, 'PG_VERSION'), 'half');
    const deaths: Error[] = [];
    const fresh = await PGliteThread.start(pgdata, '16MB', (e) => deaths.push(e), file);
    expect(fresh.copyProblem).toBeUndefined();
    expect(fresh.fromCopy).toBe(true);
    expect(fs.readFileSync(path.join(pgdata, 'PG_VERSION'), 'utf8')).toMatch(/^\d+\n$/);
    expect(fs.existsSync(`${pgdata}.partial`)).toBe(false);
    await fresh.exec('create table kept (note text); insert into kept values ($$written$$)');
    await fresh.close();

    // Opened again as the server does for a folder that has a database: no copy given.
    const again = await PGliteThread.start(pgdata, '16MB', (e) => deaths.push(e));
    const { rows } = await again.query('select note from kept');
    const { rows: databases } = await again.query(
      'select datname from pg_database order by datname',
    );
    await again.close();
    expect(rows).toEqual([{ note: 'written' }]);
    expect(databases).toEqual([
      { datname: 'postgres' },
      { datname: 'template0' },
      { datname: 'template1' },
    ]);
    expect(deaths).toEqual([]);
  });

  it.each([
    ['not an archive', () => Buffer.from('not an archive')],
    ['cut short', () => fs.readFileSync(templateFile(root)).subarray(0, 1_000_000)],
  ])(
    'when damaged (%s), is passed over: PGlite creates the database itself',
    async (what, bytes) => {
      const damaged = path.join(root, 'damaged.tar.gz');
      fs.writeFileSync(damaged, bytes());
      const pgdata = path.join(root, `other-data-${what.replaceAll(' ', '-')}`, 'pgdata');
      fs.mkdirSync(path.dirname(pgdata));
      const deaths: Error[] = [];
      const thread = await PGliteThread.start(pgdata, '16MB', (e) => deaths.push(e), damaged);
      const { rows } = await thread.query('select 1 as one');
      await thread.close();
      expect(thread.fromCopy).toBe(false);
      expect(thread.copyProblem).toBeTruthy();
      expect(rows).toEqual([{ one: 1 }]);
      expect(fs.existsSync(path.join(pgdata, 'PG_VERSION'))).toBe(true);
      expect(fs.existsSync(`${pgdata}.partial`)).toBe(false);
      expect(deaths).toEqual([]);
    },
  );

  it('is skipped with a reason when it cannot be made, and PGlite then runs initdb itself', async () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-template-bare-'));
    fs.symlinkSync(path.resolve('node_modules'), path.join(bare, 'node_modules'));
    const reasons: string[] = [];
    try {
      expect(await emptyDatabaseTemplate((m) => reasons.push(m), bare)).toBeUndefined();
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toMatch(/no copy of an empty database \(exit 1: .*Cannot find module/s);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
