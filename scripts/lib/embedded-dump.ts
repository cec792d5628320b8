import fs from 'node:fs';
import path from 'node:path';

/**
 * The embedded database's folder and its dumps (PGlite's dumpDataDir: a tarball of the
 * PostgreSQL data folder, taken while no query runs, so a consistent copy).
 */
export function pgdataPath(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export function hasDatabase(dataDir: string): boolean {
  return fs.existsSync(path.join(pgdataPath(dataDir), 'PG_VERSION'));
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }) {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}

type Pglite = Awaited<ReturnType<typeof openPglite>>;

/** What a database holds, for the commands' messages and the restore's self-check. */
export async function describe(db: Pglite): Promise<string> {
  const { rows } = await db.query<{ users: number; contacts: number; sessions: number }>(
    `select (select count(*)::int from users) as users,
            (select count(*)::int from contacts) as contacts,
            (select count(*)::int from sessions) as sessions`,
  );
  const r = rows[0]!;
  return `${r.users} users, ${r.contacts} contacts, ${r.sessions} sessions`;
}

/** Writes a file so that a crash leaves either the old file or the whole new one. */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const tmp = `${file}.partial-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function postgresInstructions(kind: 'backup' | 'restore'): string {
  return kind === 'backup'
    ? [
        'DATABASE_URL is set: the data lives in PostgreSQL, which has its own online backup tools.',
        'Take a consistent backup while the app runs with:',
        '  pg_dump --format=custom --file=contact-cards-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL"',
        "or use your provider's snapshots / point-in-time recovery. No backup was written.",
      ].join('\n')
    : [
        'DATABASE_URL is set: restore a pg_dump into PostgreSQL with its own tools. Stop the app',
        'servers, then restore into an empty database (or add --clean to replace the tables):',
        '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FILE.dump',
        'and start the servers again (they apply any newer migrations at start). Nothing was restored.',
      ].join('\n');
}
