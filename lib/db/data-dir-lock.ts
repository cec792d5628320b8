import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one folder silently lose rows. This lock file
 * makes a second process fail at once, naming the holder, before it opens (or changes) anything.
 */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, 'contact-cards.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Takes the folder's lock for this process (idempotent), or throws DataDirLockedError. */
export function acquireDataDirLock(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const me: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner?.pid === process.pid && owner.host === me.host) return;
    const stale = owner && owner.host === me.host && !isAlive(owner.pid);
    if (!stale || attempt > 0) {
      const who = owner
        ? `process ${owner.pid} on ${owner.host} (started ${owner.startedAt}: ${owner.command})`
        : 'another process';
      throw new DataDirLockedError(
        `The data folder ${path.resolve(dataDir)} is in use by ${who}. ` +
          'Only one Contact Cards process may use an embedded database at a time: stop the other ' +
          'process, or point this one at another DATA_DIR. ' +
          `If no such process exists, delete ${file}.`,
      );
    }
    // The holder died without cleaning up (kill -9, power loss): take the lock over.
    fs.rmSync(file, { force: true });
  }
}

/** Releases the lock if this process holds it. */
export function releaseDataDirLock(dataDir: string): void {
  const file = lockFilePath(dataDir);
  if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
