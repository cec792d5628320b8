import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contactPhotos, contacts } from '../../db/schema';
import { isContactId } from './ids';
import type { DbOrTx } from './tx';
import type { ProcessedPhoto } from './types';

/** The app's rendition of a live or trashed contact's photo, for the photo route. */
export async function getContactPhoto(
  ownerId: string,
  id: string,
): Promise<{ mime: string; bytes: Uint8Array; etag: string } | undefined> {
  if (!isContactId(id)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ mime: contactPhotos.mime, bytes: contactPhotos.bytes, etag: contactPhotos.etag })
    .from(contactPhotos)
    .innerJoin(contacts, eq(contacts.id, contactPhotos.contactId))
    .where(and(eq(contacts.ownerId, ownerId), eq(contactPhotos.contactId, id)))
    .limit(1);
  return row ? { ...row, bytes: new Uint8Array(row.bytes) } : undefined;
}

/** Stores (photo) or removes (null) a contact's rendition; undefined leaves it as it is. */
export async function savePhoto(
  tx: DbOrTx,
  ownerId: string,
  contactId: string,
  photo: ProcessedPhoto | null | undefined,
): Promise<void> {
  if (photo === undefined) return;
  if (photo === null) {
    await tx.delete(contactPhotos).where(eq(contactPhotos.contactId, contactId));
    return;
  }
  const values = { ownerId, etag: photo.etag, mime: photo.mime, bytes: photo.bytes };
  await tx
    .insert(contactPhotos)
    .values({ contactId, ...values })
    .onConflictDoUpdate({ target: contactPhotos.contactId, set: values });
}
