import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A production server of the suite's own (the same build, `node server/index.ts`), for cases
 * the shared servers cannot show: other settings (a trusted proxy, short sessions, a database
 * that is down) and the server's own output, which the log checks read. `args` runs something
 * else on the same terms: `['server/index.ts', '--dev']`, or plain `next start`.
 */
export interface LabServer {
  url: string;
  secret: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export const NEXT_START = ['node_modules/next/dist/bin/next', 'start'];

export async function startLabServer(
  env: Record<string, string>,
  { args = ['server/index.ts'], readyWithinMs = 110_000 } = {},
): Promise<LabServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contact-cards-lab-'));
  const secret = `lab-secret-${Math.random().toString(36).slice(2)}-0123456789abcdefghij`;
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  void _ignored;
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: dataDir,
      SESSION_SECRET: secret,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  // Ready when it answers at all (a server whose database is down answers 503). The first
  // answer waits for the new data folder's initdb: seconds, or much longer on a busy machine.
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`lab server exited:\n${output}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`lab server did not start within ${readyWithinMs / 1000} s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { url, secret, output: () => output, stop };
}
