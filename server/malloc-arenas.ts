// glibc's malloc gives threads that allocate at once arenas of their own (up to eight per core)
// and keeps the memory each arena once held. The server's threads (libuv's pool hashing passwords,
// V8's collector and compiler helpers, the database's worker) kept about 35 MB more resident than
// two arenas do, at the same requests per second (docs/decisions/008-performance.md). glibc reads
// MALLOC_ARENA_MAX only when a process starts, so the server starts once more in place: execve
// keeps the process id, open files, arguments and Node flags, and only the environment gains the
// variable. Nothing happens when the operator set it, off glibc, or on a Node without execve.
import process from 'node:process';

export const ARENA_CAP = '2';

/** The environment to start again with, or null when this process should go on as it is. */
export function arenaCappedEnv<Env extends Record<string, string | undefined>>(
  env: Env,
  glibc: string | undefined,
  canExec: boolean,
): Env | null {
  if (!glibc || !canExec || env.MALLOC_ARENA_MAX !== undefined) return null;
  return { ...env, MALLOC_ARENA_MAX: ARENA_CAP };
}

/** The C library's version when it is glibc (Linux), or undefined. */
export function glibcVersion(): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
  return report.header?.glibcVersionRuntime;
}

/** Replaces this process with itself under MALLOC_ARENA_MAX, when arenaCappedEnv says so. */
export function restartWithArenaCap(): void {
  const env = arenaCappedEnv(process.env, glibcVersion(), typeof process.execve === 'function');
  if (env)
    process.execve!(
      process.execPath,
      [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
      env,
    );
}
