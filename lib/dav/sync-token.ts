/**
 * Sync tokens (RFC 6578) are URIs; ours carry the owner's revision. A token this server did not
 * make, or one for a revision the book cannot answer from, is refused by the caller.
 */
const PREFIX = 'https://contact-cards.invalid/sync/';

export const syncToken = (revision: number) => `${PREFIX}${revision}`;

/** The revision in a token, 0 for the empty token of an initial sync, null for anything else. */
export function revisionOf(token: string): number | null {
  if (token === '') return 0;
  if (!token.startsWith(PREFIX)) return null;
  const digits = token.slice(PREFIX.length);
  if (!/^\d{1,15}$/.test(digits)) return null;
  return Number(digits);
}
