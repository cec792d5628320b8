import 'server-only';
import path from 'node:path';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';

/** What drizzle-orm/pglite asks of a PGlite client, answered by lib/db/pglite-worker.mjs. */
interface QueryOptions {
  rowMode?: 'array' | 'object';
  /** Drizzle passes the identity function for the date and time types, to map them itself. */
  parsers?: Record<number, unknown>;
}
interface Results {
  rows: unknown[];
  affectedRows?: number;
  fields: { name: string; dataTypeID: number }[];
}
interface ThreadClient {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
  exec(sql: string): Promise<Results[]>;
}

type Message =
  | { op: 'query'; sql: string; params?: unknown[]; options?: object; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };
interface Reply {
  id?: number;
  ready?: true;
  fromCopy?: boolean;
  copyProblem?: string;
  result?: unknown;
  error?: { message: string; name?: string };
}

/**
 * The database thread's young generation, in MB per semi-space. The thread keeps little alive
 * (SQL in, rows out), yet under the process's --max-semi-space-size (16 then; ADR 008) it grew
 * a 32 MB young generation, as large as the renderer's: 28 MB of memory for nothing, measured
 * with V8's heap statistics under the list's load.
 */
const THREAD_SEMI_SPACE_MB = 2;

/**
 * Makes the thread with a small young generation. Worker's resourceLimits set one, but V8 lets a
 * --max-semi-space-size given to the process override it, and reads the flag when the thread's
 * heap is made: so the flag is lowered for that moment and given back once the thread runs (or
 * fails). The main thread's heap was sized at start and keeps its own.
 * @public (its test imports it into a process of its own, under the server's flag)
 */
export function withSmallYoungGeneration(start: () => Worker): Worker {
  const processFlag = process.execArgv.find((a) => a.startsWith('--max-semi-space-size='));
  if (!processFlag) return start();
  v8.setFlagsFromString(`--max-semi-space-size=${THREAD_SEMI_SPACE_MB}`);
  let worker: Worker;
  try {
    worker = start();
  } catch (error) {
    v8.setFlagsFromString(processFlag);
    throw error;
  }
  let restored = false;
  const restore = () => {
    if (!restored) v8.setFlagsFromString(processFlag);
    restored = true;
  };
  worker.once('online', restore).once('error', restore).once('exit', restore);
  return worker;
}

const workerFile = path.join(process.cwd(), 'lib', 'db', 'pglite-worker.mjs');

function errorFrom(plain: NonNullable<Reply['error']>): Error {
  const { message, ...fields } = plain;
  return Object.assign(new Error(message), fields);
}

/**
 * The embedded database on a worker thread: the same interface as a PGlite client for the
 * subset Drizzle uses, so queries no longer hold up rendering on the main thread. Semantics are
 * PGlite's own (the worker calls it): one connection, and a transaction holds it until it ends.
 */
export class PGliteThread implements ThreadClient {
  #worker: Worker;
  #pending = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  /** Set once the thread has died or closed: every call then fails with it. */
  #failure: Error | undefined;
  /** True when a new folder was unpacked from the empty database's copy (not PGlite's initdb). */
  fromCopy = false;
  /** Why a copy given was not used (unreadable), for the log. */
  copyProblem: string | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /**
   * Starts the thread and resolves once the database is open (or rejects with why not).
   * `template`, for a folder with no database yet: the empty database to unpack into it.
   */
  static start(
    dataDir: string,
    sharedBuffers: string,
    onDeath: (error: Error) => void,
    template?: string,
  ): Promise<PGliteThread> {
    const worker = withSmallYoungGeneration(
      () =>
        new Worker(workerFile, {
          workerData: { dataDir, sharedBuffers, template },
          resourceLimits: { maxYoungGenerationSizeMb: THREAD_SEMI_SPACE_MB * 3 },
        }),
    );
    const thread = new PGliteThread(worker);
    return new Promise((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if (reply.ready) {
          thread.fromCopy = reply.fromCopy === true;
          thread.copyProblem = reply.copyProblem;
          return resolve(thread);
        }
        const waiting = thread.#pending.get(reply.id!);
        thread.#pending.delete(reply.id!);
        if (reply.error) waiting?.reject(errorFrom(reply.error));
        else waiting?.resolve(reply.result as never);
      });
      const fail = (error: Error) => {
        if (!thread.#failure) onDeath(error);
        thread.#failure ??= error;
        for (const waiting of thread.#pending.values()) waiting.reject(error);
        thread.#pending.clear();
        reject(error);
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the embedded database stopped (exit ${code})`)));
    });
  }

  #call<T>(message: Message): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: never) => void, reject });
      this.#worker.postMessage({ ...message, id });
    });
  }

  #client(tx?: number): ThreadClient {
    return {
      query: (sql, params, options) =>
        this.#call({ op: 'query', sql, params, options: wireOptions(options), tx }),
      exec: (sql) => this.#call({ op: 'exec', sql, tx }),
    };
  }

  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results> {
    return this.#client().query(sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.#client().exec(sql);
  }

  /** Commits when `work` resolves, rolls back when it throws, as PGlite's own transaction(). */
  async transaction<T>(work: (tx: ThreadClient) => Promise<T>): Promise<T> {
    const tx = await this.#call<number>({ op: 'begin' });
    let result: T;
    try {
      result = await work(this.#client(tx));
    } catch (error) {
      await this.#call({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.#call({ op: 'end', tx, commit: true });
    return result;
  }

  /** Checkpoints and closes the database, then ends the thread. */
  async close(): Promise<void> {
    await this.#call({ op: 'close' });
    this.#failure = new Error('the embedded database is closed');
    await this.#worker.terminate();
  }
}

/** Functions cannot cross threads: the worker rebuilds the identity parsers from their types. */
function wireOptions(options: QueryOptions | undefined) {
  if (!options) return undefined;
  return {
    rowMode: options.rowMode,
    identityTypes: Object.keys(options.parsers ?? {}).map(Number),
  };
}
