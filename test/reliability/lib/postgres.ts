import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../support';

/**
 * PostgreSQL for the scenarios: throwaway databases on the machine's server (DATABASE_URL's, or
 * 127.0.0.1:5432 as postgres), and a private instance made with initdb that a test may stop,
 * freeze and restart without touching anything else.
 */
const ADMIN_URL =
  process.env.RELIABILITY_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(
  connectionString: string,
  work: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(
  connectionString: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withClient(connectionString, async (c) => (await c.query<T>(text, params)).rows);
}

/** A new empty database on the shared server; drop() removes it (connections and all). */
export async function throwawayDatabase(label: string) {
  const name = `contact_cards_rel_${label}_${Date.now().toString(36)}_${process.pid}`;
  await withClient(ADMIN_URL, (c) => c.query(`create database "${name}"`));
  return {
    name,
    url: databaseUrl(ADMIN_URL, name),
    drop: () =>
      withClient(ADMIN_URL, (c) => c.query(`drop database if exists "${name}" with (force)`)),
  };
}

/** The directory holding initdb, pg_ctl and postgres: PATH, /usr/local/bin, then Debian's layout. */
function findPostgresBin(): string {
  const candidates = [
    ...(process.env.PG_BIN ? [process.env.PG_BIN] : []),
    ...(process.env.PATH ?? '').split(':'),
    '/usr/local/bin',
    '/usr/local/pgsql/bin',
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const dir = candidates.find(
    (d) => d && ['initdb', 'pg_ctl', 'postgres'].every((b) => fs.existsSync(path.join(d, b))),
  );
  if (!dir)
    throw new Error(
      'PostgreSQL binaries (initdb, pg_ctl, postgres) not found; install the postgresql package',
    );
  return dir;
}

/**
 * initdb refuses to run as root; as root (CI containers) the instance belongs to the `postgres`
 * OS user, run through runuser (or su where runuser is missing).
 */
function asOwner(argv: string[]): [string, string[]] {
  if (os.userInfo().uid !== 0) return [argv[0]!, argv.slice(1)];
  // By its full path: PATH may leave out the sbin folders (it did on a CI runner).
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => fs.existsSync(p));
  if (runuser) return [runuser, ['-u', 'postgres', '--', ...argv]];
  const quoted = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

function run(argv: string[]): string {
  const [cmd, args] = asOwner(argv);
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) {
    const why = r.error ? String(r.error) : `${r.stderr}${r.stdout}`;
    throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status ?? r.signal}): ${why}`);
  }
  return r.stdout;
}

export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly bin: string,
  ) {}

  get dataDir() {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async create(): Promise<PrivatePostgres> {
    const bin = findPostgresBin();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-cards-rel-pg-'));
    fs.chmodSync(dir, 0o755);
    if (os.userInfo().uid === 0) execFileSync('chown', ['postgres:', dir]);
    const instance = new PrivatePostgres(dir, await freePort(), bin);
    run([
      path.join(bin, 'initdb'),
      '-D',
      instance.dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    return instance;
  }

  start(): void {
    run([
      path.join(this.bin, 'pg_ctl'),
      '-D',
      this.dataDir,
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** A fast stop: sessions are ended, as when an administrator restarts the server. */
  stop(): void {
    run([
      path.join(this.bin, 'pg_ctl'),
      '-D',
      this.dataDir,
      '-m',
      'fast',
      '-w',
      '-t',
      '30',
      'stop',
    ]);
  }

  /** The postmaster and its children: to freeze the server (SIGSTOP) as a hung host would. */
  pids(): number[] {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return [];
    const main = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(main)], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    return [main, ...children];
  }

  signal(sig: NodeJS.Signals): void {
    for (const pid of this.pids()) {
      try {
        process.kill(pid, sig);
      } catch {
        // a backend that just ended
      }
    }
  }

  /** Stops (if running) and deletes the instance. */
  destroy(): void {
    try {
      this.signal('SIGCONT');
      if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) {
        run([path.join(this.bin, 'pg_ctl'), '-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
      }
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
