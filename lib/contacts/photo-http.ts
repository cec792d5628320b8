/** How long a photo URL that names the photo's own ETag may be cached: it can never change. */
const FOR_GOOD = 'private, max-age=31536000, immutable';
/** Any other URL: the browser may keep it, but asks (If-None-Match → 304) before using it. */
const REVALIDATE = 'private, max-age=0, must-revalidate';

/** The photo's Cache-Control, for a request whose `v` query parameter is `version`. */
export const photoCacheControl = (version: string | null, etag: string) =>
  version === etag ? FOR_GOOD : REVALIDATE;

/** True when an If-None-Match header names the photo's ETag (weak or strong) or is `*`. */
export function photoMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${etag}"`);
}

/** The URL pages use for a contact's photo: it changes when the photo does. */
export const photoUrl = (contactId: string, etag: string) =>
  `/contacts/${encodeURIComponent(contactId)}/photo?v=${encodeURIComponent(etag)}`;
