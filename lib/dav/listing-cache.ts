/**
 * The card members of an address book's depth-1 PROPFIND, kept per user, request shape and
 * revision. A client with nothing to sync asks exactly this every few minutes, and reading and
 * writing 1,000 rows costs tens of milliseconds in PGlite; any change to a card bumps the
 * revision, so an entry is never served stale (a new revision simply misses). Per process: with
 * several servers each keeps its own, and all read the revision from the database.
 */
interface Entry {
  revision: number;
  body: string;
}

const MAX_BYTES = 32 * 1024 * 1024;
const entries = new Map<string, Entry>();
let bytes = 0;

export function cachedListing(key: string, revision: number): string | undefined {
  const entry = entries.get(key);
  if (!entry || entry.revision !== revision) return undefined;
  // Map order is insertion order: re-inserting makes this the most recently used.
  entries.delete(key);
  entries.set(key, entry);
  return entry.body;
}

export function keepListing(key: string, revision: number, body: string): void {
  const old = entries.get(key);
  if (old) bytes -= old.body.length;
  entries.delete(key);
  if (body.length > MAX_BYTES / 4) return;
  entries.set(key, { revision, body });
  bytes += body.length;
  for (const [k, e] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(k);
    bytes -= e.body.length;
  }
}
