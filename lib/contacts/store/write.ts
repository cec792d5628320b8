import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts } from '../../db/schema';
import type { ContactModel } from '../model';
import { cardColumns, cardPhotoOf, keptVersion, storedCardPhoto, toStoredContact } from './card';
import { storedColumns } from './columns';
import { isContactId, newContactIds } from './ids';
import { ensureLabels } from './label-list';
import { savePhoto } from './photos';
import { getContact } from './read';
import { addToCount, bumpRevision, type DbOrTx } from './tx';
import type { ContactWrite, StoredContact, UpdateResult } from './types';

/** A UID the owner has no contact with (live or trashed): the given one, or a new urn:uuid. */
async function freeIds(tx: DbOrTx, ownerId: string, uid: string) {
  const ids = newContactIds(uid);
  if (ids.uid === `urn:uuid:${ids.id}`) return ids;
  const [taken] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.uid, ids.uid)))
    .limit(1);
  // Two contacts with one UID would merge on the next sync: the new one gets its own.
  return taken ? newContactIds() : ids;
}

/** Adds a contact (its card, derived columns, photo, labels) and counts it, in one transaction. */
export async function createContact(ownerId: string, w: ContactWrite): Promise<StoredContact> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { id, uid, href } = await freeIds(tx, ownerId, w.model.uid);
    const model: ContactModel = { ...w.model, uid };
    const photo = w.photo ? cardPhotoOf(w.photo) : null;
    const revision = await bumpRevision(tx, ownerId);
    const [row] = await tx
      .insert(contacts)
      .values({
        id,
        ownerId,
        uid,
        href,
        revision,
        photoEtag: w.photo?.etag ?? null,
        ...cardColumns(model, w.rest ?? null, photo, w.flags),
      })
      .returning(storedColumns);
    await savePhoto(tx, ownerId, id, w.photo ?? undefined);
    await ensureLabels(tx, ownerId, model.labels);
    await addToCount(tx, ownerId, 1);
    return toStoredContact(row!);
  });
}

/**
 * Saves an edit made from `version` to a live contact. Refused (nothing written) when the
 * contact changed since: the caller gets the current contact to show.
 */
export async function updateContact(
  ownerId: string,
  id: string,
  version: number,
  w: ContactWrite,
): Promise<UpdateResult> {
  if (!isContactId(id)) return { status: 'not-found' };
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        uid: contacts.uid,
        card: contacts.card,
        cardVersion: contacts.cardVersion,
        photoEtag: contacts.photoEtag,
      })
      .from(contacts)
      .where(
        and(
          eq(contacts.id, id),
          eq(contacts.ownerId, ownerId),
          eq(contacts.version, version),
          sql`${contacts.deletedAt} is null`,
        ),
      )
      .for('update');
    if (!current) return undefined;
    // The UID never changes: it is how phones and re-imports recognise the contact.
    const model: ContactModel = { ...w.model, uid: current.uid };
    const photo =
      w.photo === undefined ? storedCardPhoto(current.card) : w.photo && cardPhotoOf(w.photo);
    const revision = await bumpRevision(tx, ownerId);
    const [row] = await tx
      .update(contacts)
      .set({
        ...cardColumns(model, w.rest ?? null, photo, w.flags, {
          version: keptVersion(current.cardVersion),
        }),
        photoEtag: w.photo === undefined ? current.photoEtag : (w.photo?.etag ?? null),
        revision,
        version: sql`${contacts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contacts.id, id), eq(contacts.ownerId, ownerId)))
      .returning(storedColumns);
    await savePhoto(tx, ownerId, id, w.photo);
    await ensureLabels(tx, ownerId, model.labels);
    return toStoredContact(row!);
  });
  if (saved) return { status: 'saved', contact: saved };
  const current = await getContact(ownerId, id);
  return current ? { status: 'conflict', current } : { status: 'not-found' };
}

/** Stars or unstars a live contact; the star is in the card too (it travels with exports). */
export async function setFavourite(
  ownerId: string,
  id: string,
  favourite: boolean,
): Promise<boolean> {
  // A concurrent edit may win the race: star the card as it is then (a few tries, not forever).
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getContact(ownerId, id);
    if (!current) return false;
    if (current.model.favourite === favourite) return true;
    const result = await updateContact(ownerId, id, current.version, {
      model: { ...current.model, favourite },
      rest: current.rest,
      flags: current.flags,
    });
    if (result.status !== 'conflict') return result.status === 'saved';
  }
  return false;
}
