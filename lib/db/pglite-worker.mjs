// The embedded database on its own thread (lib/db/pglite-thread.ts is the other end). PGlite runs
// PostgreSQL compiled to WebAssembly: on the main thread every query held up rendering. Here a
// query runs beside it, on the machine's other core. Plain JavaScript, loaded by path, so Next
// never bundles it (PGlite finds its WebAssembly and data files beside its own module).
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import * as tar from 'tar';

const { dataDir, sharedBuffers, template } = workerData;

// A new database folder is the empty database's copy unpacked (lib/db/pglite-template.ts), not
// PGlite's initdb. Streamed to disk (PGlite's own loadDataDir holds it all in memory: 283 MB at
// the peak against 184 MB), beside the folder and then renamed, so a crash halfway leaves no
// half a database. A folder that is there without one is left to PGlite, as it always was.
// A copy that cannot be read (damaged on disk) is no reason not to start: PGlite then runs initdb,
// and the server logs why.
let fromCopy = false;
let copyProblem;
if (template && !fs.existsSync(dataDir)) {
  const partial = `${dataDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  try {
    fs.mkdirSync(partial, { mode: 0o700 });
    // PGlite's dump names its entries from the root ("/base/1/…"): tar strips the "/" and says
    // so (TAR_ENTRY_INFO), which is why its strict mode cannot be used. Any other warning, and a
    // truncated or foreign file (thrown), makes the copy unreadable.
    const warnings = [];
    await tar.x({
      file: template,
      cwd: partial,
      // The files belong to whoever runs the server (tar would keep the archive's owner for root).
      preserveOwner: false,
      onwarn: (code, message) => {
        if (code !== 'TAR_ENTRY_INFO') warnings.push(`${code}: ${message}`);
      },
    });
    if (warnings.length > 0) throw new Error(warnings[0]);
    fs.renameSync(partial, dataDir);
    fromCopy = true;
  } catch (error) {
    copyProblem = error instanceof Error ? error.message : String(error);
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

const db = await PGlite.create(dataDir, {
  extensions: { pg_trgm },
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
});

/** Open transactions by id: the queries of one run on its connection, everything else waits. */
const transactions = new Map();
let nextTransaction = 1;

const identity = (value) => value;
function queryOptions(options) {
  if (!options) return undefined;
  const parsers = Object.fromEntries((options.identityTypes ?? []).map((t) => [t, identity]));
  return { rowMode: options.rowMode, parsers };
}

// Errors cross the thread as plain objects: structured cloning keeps an Error's message but drops
// the fields callers read (code, detail, constraint…).
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value;
  }
  return { ...fields, name: error.name, message: error.message, stack: error.stack };
}

function begin() {
  const id = nextTransaction++;
  return new Promise((opened, failed) => {
    const open = {};
    // Settles once COMMIT or ROLLBACK has run; `end` waits for it.
    open.done = db
      .transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            Object.assign(open, { tx, commit, rollback });
            transactions.set(id, open);
            opened(id);
          }),
      )
      .finally(() => transactions.delete(id));
    // BEGIN failing rejects the caller; a later failure is `end`'s to report (this is then a no-op).
    open.done.catch(failed);
  });
}

async function end(id, commit) {
  const open = transactions.get(id);
  if (!open) throw new Error('Transaction is closed');
  if (commit) open.commit();
  else open.rollback(new Error('rolled back'));
  await open.done.catch((error) => {
    if (commit) throw error;
  });
}

function runner(txId) {
  if (txId === undefined) return db;
  const open = transactions.get(txId);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

async function handle(message) {
  switch (message.op) {
    case 'query':
      return runner(message.tx).query(message.sql, message.params, queryOptions(message.options));
    case 'exec':
      return runner(message.tx).exec(message.sql);
    case 'begin':
      return begin();
    case 'end':
      return end(message.tx, message.commit);
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on('message', (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: plainError(error) }),
  );
});
parentPort.postMessage({ ready: true, fromCopy, copyProblem });
