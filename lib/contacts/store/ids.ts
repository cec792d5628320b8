import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact id is a UUID; anything else (a typo, an injection attempt) is simply not found. */
export const isContactId = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);

/** A new contact's id, and the UID and CardDAV name that follow from it. */
export function newContactIds(uid = '') {
  const id = randomUUID();
  // The column's length; a longer UID (none seen in practice) gets a new one rather than a cut.
  const kept = uid.trim().length <= 255 ? uid.trim() : '';
  return { id, uid: kept || `urn:uuid:${id}`, href: `${id}.vcf` };
}
