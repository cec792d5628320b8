import fs from 'node:fs';
import path from 'node:path';
import { acquireDataDirLock, releaseDataDirLock } from '@/lib/db/data-dir-lock';
import { openPglite } from '@/scripts/lib/embedded-dump';

/**
 * Opens a stopped server's embedded database in the test process, under the data folder's lock
 * (which also proves the server let go of it), to check what it holds.
 */
export async function withEmbedded<T>(
  dataDir: string,
  work: (sql: <R>(text: string, params?: unknown[]) => Promise<R[]>) => Promise<T>,
): Promise<T> {
  acquireDataDirLock(dataDir);
  try {
    const db = await openPglite({ dataDir: path.join(dataDir, 'pgdata') });
    try {
      return await work(
        async <R>(text: string, params: unknown[] = []) => (await db.query<R>(text, params)).rows,
      );
    } finally {
      await db.close();
    }
  } finally {
    releaseDataDirLock(dataDir);
  }
}

/** PostgreSQL's DBState from global/pg_control (offset 16 in ControlFileData). */
const DB_STATES = [
  'starting up',
  'shut down',
  'shut down in recovery',
  'shutting down',
  'in crash recovery',
  'in archive recovery',
  'in production',
] as const;

export function controlState(dataDir: string): string {
  const control = fs.readFileSync(path.join(dataDir, 'pgdata', 'global', 'pg_control'));
  return DB_STATES[control.readUInt32LE(16)] ?? `unknown (${control.readUInt32LE(16)})`;
}
