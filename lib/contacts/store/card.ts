import 'server-only';
import { createHash } from 'node:crypto';
import type { ContactFlag, ContactModel } from '../model';
import { readCard } from '../vcard/read';
import type { CardPhoto, CardRest } from '../vcard/types';
import { writeCard } from '../vcard/write';
import { deriveColumns } from '../derive';
import type { ProcessedPhoto, StoredContact } from './types';

/** SHA-256 hex of the card's UTF-8 bytes: the ETag CardDAV clients compare. */
export const etagOf = (card: string) => createHash('sha256').update(card, 'utf8').digest('hex');

export const cardPhotoOf = (photo: ProcessedPhoto): CardPhoto => ({
  kind: 'data',
  mime: photo.mime,
  bytes: photo.bytes,
});

export type CardVersion = '3.0' | '4.0';

/** The version a stored card keeps when the app rewrites it: a sync client's 3.0 stays 3.0. */
export const keptVersion = (stored: string): CardVersion => (stored === '3.0' ? '3.0' : '4.0');

/** The card text the app writes for a model (vCard 4.0 unless told), with REV when `rev` is given. */
export function cardText(
  model: ContactModel,
  rest: CardRest | null,
  photo: CardPhoto | null,
  rev?: Date,
  version: CardVersion = '4.0',
) {
  return writeCard(model, rest, photo, version, { rev });
}

/** Every column a save writes: the card, its ETag and the columns derived from it. */
export function cardColumns(
  model: ContactModel,
  rest: CardRest | null,
  photo: CardPhoto | null,
  flags: ContactFlag[],
  { rev = new Date(), version = '4.0' }: { rev?: Date; version?: CardVersion } = {},
) {
  const card = cardText(model, rest, photo, rev, version);
  return {
    card,
    cardVersion: version,
    etag: etagOf(card),
    flags,
    ...deriveColumns(model),
  };
}

/** The columns getContact and friends read to build a StoredContact. */
export interface StoredRow {
  id: string;
  uid: string;
  version: number;
  card: string;
  flags: ContactFlag[];
  photoEtag: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** A stored row read back: the card parsed into the model and what the model does not hold. */
export function toStoredContact(row: StoredRow): StoredContact {
  const parsed = readCard(row.card);
  return {
    id: row.id,
    uid: row.uid,
    version: row.version,
    model: { ...parsed.model, uid: row.uid },
    rest: parsed.rest,
    flags: row.flags,
    photoEtag: row.photoEtag,
    card: row.card,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

/** The photo a stored card holds (kept when an update leaves the photo alone). */
export const storedCardPhoto = (card: string): CardPhoto | null => readCard(card).photo;
