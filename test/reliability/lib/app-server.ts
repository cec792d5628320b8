import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';

/**
 * The production server (server/index.ts over the last `next build`) as a child process, started
 * the way playwright.config.ts starts it, with its output kept for assertions and failure reports.
 */
export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SECRET = 'reliability-secret-not-for-production-0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `contact-cards-rel-${prefix}-`));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ServerOptions {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
  port?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class AppServer {
  readonly url: string;
  output = '';
  readonly exited: Promise<Exit>;
  exit?: Exit;
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string | undefined,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  /** The server's error lines (Next prints "⨯ Error…"; our logs have level ≥ 50), for failure messages. */
  errorLines(max = 20): string[] {
    return this.output
      .split('\n')
      .filter((l) => /⨯|Error|"level":(5|6)0/.test(l))
      .slice(-max);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Spawns a server; does not wait for it (see ready()). */
  static spawn(options: ServerOptions = {}): Promise<AppServer> {
    return (async () => {
      const port = options.port ?? (await freePort());
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        NODE_ENV: 'production',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        SESSION_SECRET: SECRET,
        LOG_LEVEL: 'warn',
        // Load runs sign in hundreds of times from 127.0.0.1; tests that need the limit set it.
        THROTTLE_IP_PER_MINUTE: '1000000',
        ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        ...options.env,
      };
      const child = spawn(process.execPath, ['server/index.ts'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return new AppServer(child, port, options.dataDir);
    })();
  }

  /** Spawns a server and waits until /api/health answers 200. */
  static async start(options: ServerOptions = {}, timeoutMs = 60_000): Promise<AppServer> {
    const server = await AppServer.spawn(options);
    await server.ready(timeoutMs);
    return server;
  }

  async ready(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.exit) {
        throw new Error(
          `server exited (${JSON.stringify(this.exit)}) before ready:\n${this.output}`,
        );
      }
      try {
        const r = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(3000) });
        if (r.status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    throw new Error(`server not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGTERM and wait for the exit (graceful stop: drain, close the database, release the lock). */
  async stop(timeoutMs = 20_000): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGTERM');
    return this.waitExit(timeoutMs);
  }

  /** kill -9: no drain, no shutdown hooks. */
  async crash(): Promise<Exit> {
    if (!this.exit) this.child.kill('SIGKILL');
    return this.waitExit(5000);
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
}

/** Stops every server given, whatever state it is in; for afterAll/finally blocks. */
export async function stopAll(servers: (AppServer | undefined)[]): Promise<void> {
  await Promise.all(
    servers.map((s) => (s && !s.exit ? s.stop().catch(() => s.crash()) : undefined)),
  );
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
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SESSION_SECRET: SECRET },
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
