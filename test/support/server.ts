import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import {
  ROOT,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
  TEST_SESSION_SECRET,
  freePort,
  sleep,
  tempDir,
} from './env.mjs';

/**
 * The production server (SERVER_ENTRY over the last `next build`) as a child process, the way
 * playwright.config.ts starts it, with its output kept for assertions and failure reports. The
 * e2e lab servers, the reliability scenarios and the benchmark all start it through this.
 */

export interface ServerOptions {
  /** Default: a free one. */
  port?: number;
  /** Default (without databaseUrl): a new temporary folder, removed by stop(). */
  dataDir?: string;
  databaseUrl?: string;
  /** Default TEST_SESSION_SECRET. */
  secret?: string;
  /** Default 'warn'. */
  logLevel?: string;
  /** Extra variables, applied last. */
  env?: Record<string, string>;
  /** 'pipe' keeps the output in `output`; 'inherit' prints it (the benchmark). */
  stdio?: 'pipe' | 'inherit';
  /** What Node runs. Default: npm start's flags and SERVER_ENTRY; e.g. [SERVER_ENTRY, '--dev']. */
  args?: string[];
}

/** Plain `next start`, without the custom server: for what only Next itself shows. */
export const NEXT_START = ['node_modules/next/dist/bin/next', 'start'];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class AppServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly secret: string;
  readonly child: ChildProcess;
  /** Date.now() when the process was spawned. */
  readonly startedAt = Date.now();
  output = '';
  readonly exited: Promise<Exit>;
  exit?: Exit;
  private readonly ownsDataDir: boolean;

  private constructor(options: ServerOptions & { port: number }) {
    this.port = options.port;
    this.url = `http://127.0.0.1:${options.port}`;
    this.secret = options.secret ?? TEST_SESSION_SECRET;
    this.ownsDataDir = !options.dataDir && !options.databaseUrl;
    this.dataDir = options.dataDir ?? (this.ownsDataDir ? tempDir('server') : undefined);
    const env: NodeJS.ProcessEnv = {
      // Only what a server needs: the tests' own variables (DATABASE_URL above all) stay out.
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
      NODE_ENV: 'production',
      PORT: String(options.port),
      HOSTNAME: '127.0.0.1',
      SESSION_SECRET: this.secret,
      LOG_LEVEL: options.logLevel ?? 'warn',
      // Tests and the benchmark sign in hundreds of times from 127.0.0.1; those that test the
      // per-address limit set it.
      THROTTLE_IP_PER_MINUTE: '1000000',
      ...(this.dataDir ? { DATA_DIR: this.dataDir } : {}),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    };
    const stdio = options.stdio ?? 'pipe';
    this.child = spawn(process.execPath, options.args ?? [...SERVER_NODE_FLAGS, SERVER_ENTRY], {
      cwd: ROOT,
      env,
      stdio: ['ignore', stdio, stdio],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The server's error lines (Next prints "⨯ Error…"; our logs have level ≥ 50), for failure messages. */
  errorLines(max = 20): string[] {
    return this.output
      .split('\n')
      .filter((l) => /⨯|Error|"level":(5|6)0/.test(l))
      .slice(-max);
  }

  /** Peak resident memory in MB (Linux VmHWM), or null elsewhere. */
  peakRssMb(): number | null {
    return peakRssMb(this.pid);
  }

  /** One variable of the environment the process runs under now (Linux), or null elsewhere. */
  environmentVariable(name: string): string | null {
    try {
      const entries = fs.readFileSync(`/proc/${this.pid}/environ`, 'utf8').split('\0');
      const entry = entries.find((e) => e.startsWith(`${name}=`));
      return entry === undefined ? null : entry.slice(name.length + 1);
    } catch {
      return null;
    }
  }

  /** Whether the process has a file whose path matches `pattern` mapped (Linux), or null elsewhere. */
  hasMapped(pattern: RegExp): boolean | null {
    try {
      return fs
        .readFileSync(`/proc/${this.pid}/maps`, 'utf8')
        .split('\n')
        .some((l) => pattern.test(l));
    } catch {
      return null;
    }
  }

  /** Spawns a server; does not wait for it (see ready()). */
  static async spawn(options: ServerOptions = {}): Promise<AppServer> {
    return new AppServer({ ...options, port: options.port ?? (await freePort()) });
  }

  /** Spawns a server and waits until it is ready (see ready()). */
  static async start(
    options: ServerOptions = {},
    timeoutMs = 60_000,
    readiness: Readiness = {},
  ): Promise<AppServer> {
    const server = await AppServer.spawn(options);
    try {
      await server.ready(timeoutMs, readiness);
    } catch (error) {
      await server.stop().catch(() => server.crash());
      throw error;
    }
    return server;
  }

  /** Waits until `path` (default /api/health) answers 200, or anything with `anyAnswer`; the ms it took. */
  async ready(timeoutMs = 60_000, { path = '/api/health', anyAnswer = false }: Readiness = {}) {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.exit) {
        throw new Error(
          `server exited (${JSON.stringify(this.exit)}) before ready:\n${this.output}`,
        );
      }
      try {
        const r = await fetch(`${this.url}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(Math.min(30_000, timeoutMs)),
        });
        if (r.status === 200 || anyAnswer) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGTERM and wait for the exit (graceful stop: drain, close the database, release the lock). */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGTERM');
    try {
      return await this.waitExit(timeoutMs);
    } finally {
      this.removeOwnDataDir();
    }
  }

  /** kill -9: no drain, no shutdown hooks. */
  async crash(): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGKILL');
    try {
      return await this.waitExit(5000);
    } finally {
      this.removeOwnDataDir();
    }
  }

  async waitExit(timeoutMs: number): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`server did not exit within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private removeOwnDataDir() {
    if (this.ownsDataDir && this.exit && this.dataDir)
      fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export interface Readiness {
  path?: string;
  /** Ready at any HTTP answer (a server whose database is down answers 503). */
  anyAnswer?: boolean;
}

/** Stops every server given, whatever state it is in; for afterAll/finally blocks. */
export async function stopAll(servers: (AppServer | undefined)[]): Promise<void> {
  await Promise.all(
    servers.map((s) => (s && !s.exit ? s.stop().catch(() => s.crash()) : undefined)),
  );
}

/** Waits until `url` answers 2xx (or, with `anyAnswer`, answers at all); the ms it took. */
export async function waitForAnswer(
  url: string,
  timeoutMs = 60_000,
  { anyAnswer = false } = {},
): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.ok || anyAnswer) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** Peak resident memory of a process in MB (Linux VmHWM), or null elsewhere. */
function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * `npm run <script> -- args` with DATA_DIR, as an operator types it beside a running server.
 * Asynchronous on purpose: a synchronous spawn blocks this process's event loop, and its HTTP
 * client then reuses keep-alive sockets the server closed meanwhile.
 */
export function npmRun(
  script: string,
  dataDir: string,
  ...args: string[]
): Promise<{ status: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])],
      {
        cwd: ROOT,
        timeout: 120_000,
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          SESSION_SECRET: TEST_SESSION_SECRET,
        },
      },
      (error, stdout, stderr) =>
        resolve({
          status: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
          ms: Date.now() - started,
        }),
    );
  });
}
