import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { tempDir } from './env.mjs';

/** Debian's litmus 0.13 (WebDAV conformance): runs its suites and reads each test's result. */

type LitmusStatus = 'pass' | 'FAIL' | 'SKIPPED';

interface LitmusTest {
  status: LitmusStatus;
  detail: string;
  /** What litmus printed as WARNING before the test's result. */
  warnings: string[];
}

interface LitmusResult {
  /** `suite/test`, e.g. `basic/options`, in the order run; a name litmus repeats gets `#2`. */
  results: Map<string, LitmusTest>;
  output: string;
  code: number | null;
}

const LITMUS_SUITES = ['basic', 'copymove', 'props', 'locks', 'http'] as const;

/** Reads litmus's report: "-> running `basic':" then " 3. put_get....... FAIL (why)". */
export function parseLitmus(output: string): LitmusResult['results'] {
  const results: LitmusResult['results'] = new Map();
  let suite = '?';
  let last: LitmusTest | undefined;
  // Progress is redrawn with \r before the result: keep what follows the last one.
  for (const raw of output.split('\n')) {
    const line = raw.split('\r').pop()!;
    const running = /^-> running `([^']+)'/.exec(line);
    if (running) {
      suite = running[1]!;
      continue;
    }
    // (Greedy start: a progress line not redrawn holds the test's name twice.)
    const test = /^(?:.*\s)?\d+\.\s+(\S+?)\.+\s+(pass|FAIL|SKIPPED|WARNING)\b:?\s*(.*)$/.exec(line);
    if (test) {
      let key = `${suite}/${test[1]}`;
      for (let n = 2; results.has(key); n++) key = `${suite}/${test[1]}#${n}`;
      const [status, detail] = [test[2]!, test[3]!.trim()];
      last =
        status === 'WARNING'
          ? { status: 'FAIL', detail: 'no result after a warning', warnings: [detail] }
          : { status: status as LitmusStatus, detail, warnings: [] };
      results.set(key, last);
      continue;
    }
    // " ...... WARNING: more" and " ...... pass (with 1 warning)" continue the test above.
    const more = /^\s+\.+\s+(pass|FAIL|SKIPPED|WARNING)\b:?\s*(.*)$/.exec(line);
    if (more && last) {
      if (more[1] === 'WARNING') last.warnings.push(more[2]!.trim());
      else [last.status, last.detail] = [more[1] as LitmusStatus, more[2]!.trim()];
    }
  }
  return results;
}

export function runLitmus(
  url: string,
  username: string,
  password: string,
  suites: readonly string[] = LITMUS_SUITES,
): Promise<LitmusResult> {
  // litmus writes debug.log (a full trace) into its working folder.
  const cwd = tempDir('litmus');
  return new Promise((resolve, reject) => {
    const child = spawn('litmus', ['--keep-going', url, username, password], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TESTS: suites.join(' '),
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code, output, results: parseLitmus(output) });
    });
  });
}
