import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Where a replacer reports what it did (one structured log line). */
export type Log = (fields: Record<string, unknown>) => void;

/** Whether the browser asked for a whole page (not a flight/RSC fetch, not a JavaScript action). */
export function isDocumentRequest(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'POST') return false;
  if (req.headers['rsc'] || req.headers['next-action'] || req.headers['next-router-prefetch'])
    return false;
  if (req.url?.startsWith('/_next/') || req.url?.startsWith('/api/')) return false;
  return String(req.headers.accept ?? '').includes('text/html');
}

/**
 * Applies the headers a writeHead(status, [message], headers) call carries to `res`, so a patched
 * writeHead can look at the final headers before deciding what to send.
 */
function applyWriteHeadHeaders(res: ServerResponse, args: unknown[]): void {
  const headers = args.find(
    (a): a is OutgoingHttpHeaders | [string, string][] => !!a && typeof a === 'object',
  );
  if (!headers) return;
  for (const [k, v] of Array.isArray(headers) ? headers : Object.entries(headers))
    if (v !== undefined) res.setHeader(k, v);
}

/** The arguments of write() and end(): a chunk, an encoding and a callback, each optional. */
type WriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/** The callback among write()/end() arguments, if any. */
function callbackOf(args: WriteArgs): (() => void) | undefined {
  return args.find((a): a is () => void => typeof a === 'function');
}

type Original = ReturnType<typeof originalMethods>;

/** The original writeHead, write and end of `res`, before a replacer patches them. */
function originalMethods(res: ServerResponse) {
  const { writeHead, write, end } = res;
  return {
    writeHead: (status: number) => writeHead.call(res, status),
    write: (...args: WriteArgs) => (write as (...a: WriteArgs) => boolean).apply(res, args),
    end: (...args: WriteArgs) => (end as (...a: WriteArgs) => ServerResponse).apply(res, args),
  };
}

/** What a replacer decides once the status is known, and how it sends its own answer. */
interface Replacer {
  /**
   * Called once the status and headers are final (with `original`, to send them now or later).
   * True takes the body over; false lets Next's answer through untouched.
   */
  head(status: number, original: Original): boolean;
  /** Each chunk of Next's body, once taken over. */
  chunk?(chunk: unknown, encoding: unknown): void;
  /** At Next's end(), once taken over: sends the answer, then calls `callback`, if any. */
  finish(callback: (() => void) | undefined, original: Original): void;
}

/**
 * Patches writeHead, write and end of `res` so that `replacer` can hold back or replace the body
 * Next writes. The status is decided at Next's writeHead, or at its first write or end when it
 * sets only res.statusCode; a taken-over write reports success at once, as a socket would.
 */
export function replaceBody(res: ServerResponse, replacer: Replacer): void {
  const original = originalMethods(res);
  let decided = false;
  let taking = false;
  const decide = () => {
    if (!decided) res.writeHead(res.statusCode);
  };

  res.writeHead = function writeHead(status: number, ...rest: unknown[]) {
    applyWriteHeadHeaders(res, rest);
    decided = true;
    taking = replacer.head(status, original);
    return res;
  } as ServerResponse['writeHead'];
  res.write = function write(...args: WriteArgs) {
    decide();
    if (!taking) return original.write(...args);
    replacer.chunk?.(args[0], args[1]);
    const cb = callbackOf(args);
    if (cb) process.nextTick(cb);
    return true;
  } as ServerResponse['write'];
  res.end = function end(...args: WriteArgs) {
    decide();
    if (!taking) return original.end(...args);
    replacer.chunk?.(args[0], args[1]);
    replacer.finish(callbackOf(args), original);
    return res;
  } as ServerResponse['end'];
}
