// Starts the production server (server/index.ts) as a child process and watches its memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export const BENCH_SECRET = 'bench-secret-not-for-production-0123456789abcdef';

/** Waits until `url` answers 2xx (or, with `anyAnswer`, answers at all, redirects included). */
export async function waitFor(url, timeoutMs = 60_000, { anyAnswer = false } = {}) {
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
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Peak resident memory of a process in MB (Linux VmHWM), or null elsewhere. */
export function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export function startServer({ port, dataDir, databaseUrl, script = 'server/index.ts', env = {} }) {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: dataDir,
      SESSION_SECRET: BENCH_SECRET,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // Sign-ins are part of the benchmark: the per-address limit must not cut them off.
      THROTTLE_IP_PER_MINUTE: '1000000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const startedAt = Date.now();
  return {
    child,
    startedAt,
    origin: `http://127.0.0.1:${port}`,
    peakRssMb: () => peakRssMb(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
