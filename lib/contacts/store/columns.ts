import 'server-only';
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { contacts } from '../../db/schema';

/** What list pages select: derived columns only (the card is TOASTed and never read by lists). */
export const listColumns = {
  id: contacts.id,
  displayName: contacts.displayName,
  givenName: contacts.givenName,
  familyName: contacts.familyName,
  organization: contacts.organization,
  primaryEmail: contacts.primaryEmail,
  primaryPhone: contacts.primaryPhone,
  favourite: contacts.favourite,
  photoEtag: contacts.photoEtag,
  labels: contacts.labels,
  birthday: contacts.birthday,
  birthdayMonthDay: contacts.birthdayMonthDay,
  createdAt: contacts.createdAt,
  deletedAt: contacts.deletedAt,
};

/** What a StoredContact is built from. */
export const storedColumns = {
  id: contacts.id,
  uid: contacts.uid,
  version: contacts.version,
  card: contacts.card,
  flags: contacts.flags,
  photoEtag: contacts.photoEtag,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
  deletedAt: contacts.deletedAt,
};

/** The owner's live (not trashed) contacts: the WHERE every list starts from. */
export const liveOf = (ownerId: string, ...more: (SQL | undefined)[]) =>
  and(eq(contacts.ownerId, ownerId), isNull(contacts.deletedAt), ...more);

/** The owner's trashed contacts. */
export const trashedOf = (ownerId: string, ...more: (SQL | undefined)[]) =>
  and(eq(contacts.ownerId, ownerId), isNotNull(contacts.deletedAt), ...more);
