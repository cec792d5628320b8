import type { IncomingMessage } from 'node:http';
import { isDocumentRequest } from './document-request.ts';

// Request bodies: the largest form (a contact with every field at its cap, in 4-byte characters)
// is well under 64 KB; only the import page takes a file. Next's own limit (next.config.js) is the
// import's, so this is what holds every other path to the small one.
const BODY_LIMIT = 256 * 1024;
/** Bodies refused for their size but read (and discarded) so the client sees the refusal. */
export const DRAIN_LIMIT = 16 * 1024 * 1024;
const LARGE_BODY_LIMITS = new Map([['/contacts/import', 6 * 1024 * 1024]]);
/** The contact editor takes a photo: the new-contact page and each contact's edit page. */
const PHOTO_BODY_LIMIT = 6 * 1024 * 1024;
const EDITOR_PATH = /^\/contacts\/(new|[0-9a-f-]{36}\/edit)$/;
/** Node answers 431 to anything larger. Our cookies take under 4 KB; browsers send at most 8 KB. */
export const MAX_HEADER_SIZE = 16 * 1024;

/** Where a browser form that posted a file too large to read is sent: the page says why. */
const TOO_LARGE_PAGES = new Map([['/contacts/import', '/contacts/import?error=too-large']]);

export interface BodyProblem {
  status: number;
  text: string;
  /** For a 303: the app's page that explains the refusal. */
  location?: string;
}

/** Why the request's body is refused before anyone reads it, or null. */
export function bodyProblem(req: IncomingMessage): BodyProblem | null {
  // A length we cannot check up front is refused: browsers always send Content-Length, and the
  // body is then never read at all when it is too large.
  if (req.headers['transfer-encoding']) {
    return { status: 411, text: 'Length Required: send the body with a Content-Length.' };
  }
  const length = Number(req.headers['content-length'] ?? 0);
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    // Node already refused request lines it cannot parse; anything else gets the small limit.
  }
  const limit =
    LARGE_BODY_LIMITS.get(pathname) ?? (EDITOR_PATH.test(pathname) ? PHOTO_BODY_LIMIT : BODY_LIMIT);
  if (length > limit) {
    // A form posted without JavaScript (with it, the page refuses the file before sending):
    // the browser would show a bare text answer, so it is sent back to the page instead.
    const page = TOO_LARGE_PAGES.get(pathname);
    if (page && req.method === 'POST' && isDocumentRequest(req)) {
      return { status: 303, text: 'See Other: the file is too large.', location: page };
    }
    return {
      status: 413,
      text: `Payload Too Large: this server accepts at most ${Math.round(limit / 1024)} KB here.`,
    };
  }
  return null;
}
