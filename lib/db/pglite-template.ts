import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// A new data folder starts as a copy of an empty database instead of by PostgreSQL's initdb in
// the server. PGlite's initdb runs a second, temporary PostgreSQL beside the first, plus initdb's
// own WebAssembly, and the server kept that memory: 655 MB by the time it was ready on an empty
// folder against 265 MB on one that exists. Unpacking the copy and opening it peaks at 184 MB
// against 552 MB, in 2 s against 3 to 8 (PGlite alone, measured: ADR 008). The copy is made
// once per PGlite version by a process of its own (660 to 680 MB at its peak) that exits before
// the database opens: `npm start` makes it before the server loads, so the server never holds
// that memory. lib/db/pglite-worker.mjs unpacks it.

/** PGlite's version names the copy: another version may lay out its files differently. */
function pgliteVersion(root: string): string {
  const manifest = path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Beside Next's build cache, which a rebuild keeps and a new clone does not have. */
export function templateFile(root = process.cwd()): string {
  return path.join(root, '.next', 'cache', `pglite-${pgliteVersion(root)}-empty.tar.gz`);
}

function writeTemplate(root: string, file: string): Promise<void> {
  const writer = path.join(root, 'lib', 'db', 'pglite-template-writer.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--liftoff-only', writer, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`exit ${code ?? signal}: ${stderr.trim()}`)),
    );
  });
}

/**
 * The copy's path, made first if there is none. Undefined when it cannot be made (a read-only
 * install, say): PGlite then runs initdb itself, as it always did, and `log` says why.
 */
export async function emptyDatabaseTemplate(
  log: (message: string) => void,
  root = process.cwd(),
): Promise<string | undefined> {
  try {
    const file = templateFile(root);
    if (!fs.existsSync(file)) await writeTemplate(root, file);
    return file;
  } catch (error) {
    log(`no copy of an empty database (${(error as Error).message}): PGlite runs initdb itself`);
    return undefined;
  }
}
