import type { ContactFlag, ContactModel } from '../model';
import type { CardRest } from '../vcard/types';

/** A photo as lib/contacts/photos.ts re-encoded it: the app's rendition, metadata stripped. */
export interface ProcessedPhoto {
  mime: 'image/jpeg';
  bytes: Uint8Array;
  etag: string;
}

/** What a save gives the data layer: the model, its flags, and what the card keeps besides. */
export interface ContactWrite {
  model: ContactModel;
  flags: ContactFlag[];
  /** Properties the model does not hold; undefined or null = none (an update keeps nothing else). */
  rest?: CardRest | null;
  /** undefined = keep the current photo, null = remove it. */
  photo?: ProcessedPhoto | null;
}

/** One contact as stored: its card, read back into the model and what the model does not hold. */
export interface StoredContact {
  id: string;
  uid: string;
  /** The optimistic lock: an update must name the version it was made from. */
  version: number;
  model: ContactModel;
  rest: CardRest;
  flags: ContactFlag[];
  photoEtag: string | null;
  /** The vCard text, the source of truth. */
  card: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** A row of a list page: derived columns only, never the card. */
export interface ContactListItem {
  id: string;
  displayName: string;
  /** The name's parts, for showing which one the list is sorted by. */
  givenName: string;
  familyName: string;
  organization: string;
  primaryEmail: string;
  primaryPhone: string;
  favourite: boolean;
  photoEtag: string | null;
  /** Label keys (folded); listLabels gives their names. */
  labels: string[];
  /** YYYY-MM-DD, or null (a birthday without a year has only birthdayMonthDay). */
  birthday: string | null;
  /** month * 100 + day. */
  birthdayMonthDay: number | null;
  createdAt: Date;
  deletedAt: Date | null;
}

export interface ContactPage {
  contacts: ContactListItem[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** The list's orders (the page offers them in app/(app)/contacts/list-params.ts). */
export type ContactSort = 'name' | 'birthday' | 'added';
export const NAME_ORDERS = ['first', 'last'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export const PAGE_SIZE = 25;
/** Days a contact stays in Trash before it is deleted for good. */
export const TRASH_DAYS = 30;

export type LabelResult = { ok: true } | { ok: false; message: string };

export type UpdateResult =
  | { status: 'saved'; contact: StoredContact }
  | { status: 'conflict'; current: StoredContact }
  | { status: 'not-found' };

export interface ImportCard {
  model: ContactModel;
  rest: CardRest | null;
  flags: ContactFlag[];
  photo: ProcessedPhoto | null;
  /**
   * True when the record carries only what the model holds (a CSV row): a contact it updates keeps
   * the rest of its stored card (X- properties, groups, keys) instead of losing it.
   */
  partial?: boolean;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  restored: number;
}
