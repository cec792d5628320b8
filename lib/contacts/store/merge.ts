import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contactPhotos, contacts } from '../../db/schema';
import { mergeModels, type Choices, type MergeSource } from '../duplicates/merge-model';
import { mergeRest } from '../vcard/rest';
import { cardColumns, keptVersion, storedCardPhoto, toStoredContact } from './card';
import { liveOf, storedColumns } from './columns';
import { isContactId } from './ids';
import { ensureLabels } from './label-list';
import { savePhoto } from './photos';
import { addToCount, bumpRevision } from './tx';
import type { StoredContact } from './types';

export interface MergeRequest {
  /** The contact that stays (its UID, so phones keep recognising it). */
  keepId: string;
  /** Every contact merged, the kept one included, with the version the person saw. */
  versions: Record<string, number>;
  choices: Choices;
  /** The region national phone numbers are read in (to tell one number written two ways). */
  region: string;
}

export type MergeResult =
  | { status: 'merged'; contact: StoredContact; trashed: string[] }
  /** One of them changed since the page was opened: nothing was written. */
  | { status: 'conflict' }
  /** One of them is not the owner's live contact (another owner's, trashed, gone). */
  | { status: 'not-found' };

/**
 * Merges the owner's contacts into the kept one, in one transaction: the kept contact takes the
 * chosen values, every list value of all of them and the card properties the app does not model;
 * the others go to Trash (never deleted), where Restore brings them back.
 */
export async function mergeContacts(ownerId: string, request: MergeRequest): Promise<MergeResult> {
  const ids = Object.keys(request.versions);
  if (ids.length < 2 || !ids.includes(request.keepId) || !ids.every(isContactId)) {
    return { status: 'not-found' };
  }
  const db = await getDb();
  return db.transaction(async (tx): Promise<MergeResult> => {
    const rows = await tx
      .select({ ...storedColumns, cardVersion: contacts.cardVersion })
      .from(contacts)
      .where(liveOf(ownerId, inArray(contacts.id, ids)))
      .orderBy(contacts.createdAt, contacts.id)
      .for('update');
    if (rows.length !== ids.length) return { status: 'not-found' };
    if (rows.some((r) => r.version !== request.versions[r.id])) return { status: 'conflict' };

    const stored = rows.map(toStoredContact);
    const sources: MergeSource[] = stored.map((c) => ({
      id: c.id,
      model: c.model,
      flags: c.flags,
      hasPhoto: c.photoEtag !== null,
    }));
    const keep = sources.find((s) => s.id === request.keepId)!;
    const kept = stored.find((c) => c.id === request.keepId)!;
    const { model, flags } = mergeModels(sources, keep, request.choices, request.region);
    const rest = stored.reduce((all, c) => (c === kept ? all : mergeRest(all, c.rest)), kept.rest);

    const photoFrom = stored.find((c) => c.id === request.choices.photo) ?? kept;
    const [photoRow] = await tx
      .select({ mime: contactPhotos.mime, bytes: contactPhotos.bytes, etag: contactPhotos.etag })
      .from(contactPhotos)
      .where(eq(contactPhotos.contactId, photoFrom.id))
      .limit(1);

    const revision = await bumpRevision(tx, ownerId);
    const keptRow = rows.find((r) => r.id === kept.id)!;
    const [row] = await tx
      .update(contacts)
      .set({
        ...cardColumns(model, rest, storedCardPhoto(photoFrom.card), flags, {
          version: keptVersion(keptRow.cardVersion),
        }),
        photoEtag: photoRow?.etag ?? null,
        revision,
        version: sql`${contacts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contacts.id, kept.id), eq(contacts.ownerId, ownerId)))
      .returning(storedColumns);
    if (photoFrom !== kept) {
      await savePhoto(
        tx,
        ownerId,
        kept.id,
        photoRow
          ? { mime: 'image/jpeg', bytes: new Uint8Array(photoRow.bytes), etag: photoRow.etag }
          : null,
      );
    }
    await ensureLabels(tx, ownerId, model.labels);

    const trashed = ids.filter((id) => id !== kept.id);
    await tx
      .update(contacts)
      .set({ deletedAt: sql`now()`, revision })
      .where(liveOf(ownerId, inArray(contacts.id, trashed)));
    await addToCount(tx, ownerId, -trashed.length);
    return { status: 'merged', contact: toStoredContact(row!), trashed };
  });
}
