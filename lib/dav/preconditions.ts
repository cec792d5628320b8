import type { IncomingMessage } from 'node:http';
import type { DavPreconditions } from '../contacts/store/dav';

/**
 * The entity tags of an If-Match or If-None-Match header: `*`, or quoted tags without their quotes.
 * ETags here are strong, so a weak tag (W/"…") never matches and is left out.
 */
function tags(header: string | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return ['*'];
  return [...header.matchAll(/(W\/)?"([^"]*)"/g)].filter((m) => !m[1]).map((m) => m[2]!);
}

export function preconditionsOf(req: IncomingMessage): DavPreconditions {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v.join(',') : v;
  };
  return { ifMatch: tags(header('if-match')), ifNoneMatch: tags(header('if-none-match')) };
}

/** An ETag as HTTP sends it: quoted (strong). */
export const quoted = (etag: string) => `"${etag}"`;
