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
export function applyWriteHeadHeaders(res: ServerResponse, args: unknown[]): void {
  const headers = args.find(
    (a): a is OutgoingHttpHeaders | [string, string][] => !!a && typeof a === 'object',
  );
  if (!headers) return;
  for (const [k, v] of Array.isArray(headers) ? headers : Object.entries(headers))
    if (v !== undefined) res.setHeader(k, v);
}

/** The arguments of write() and end(): a chunk, an encoding and a callback, each optional. */
export type WriteArgs = [chunk?: unknown, encoding?: unknown, callback?: unknown];

/** The callback among write()/end() arguments, if any. */
export function callbackOf(args: WriteArgs): (() => void) | undefined {
  return args.find((a): a is () => void => typeof a === 'function');
}

/** The original writeHead, write and end of `res`, before a replacer patches them. */
export function originalMethods(res: ServerResponse) {
  const { writeHead, write, end } = res;
  return {
    writeHead: (status: number) => writeHead.call(res, status),
    write: (...args: WriteArgs) => (write as (...a: WriteArgs) => boolean).apply(res, args),
    end: (...args: WriteArgs) => (end as (...a: WriteArgs) => ServerResponse).apply(res, args),
  };
}
