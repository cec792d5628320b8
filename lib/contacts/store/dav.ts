import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, contactTombstones, users } from '../../db/schema';
import type { ContactFlag, ContactModel } from '../model';
import { deriveColumns } from '../derive';
import { etagOf } from './card';
import { liveOf } from './columns';
import { newContactIds } from './ids';
import { ensureLabels } from './label-list';
import { savePhoto } from './photos';
import { bumpRevision, type Tx } from './tx';
import type { ProcessedPhoto } from './types';

/**
 * The address book as CardDAV sees it (lib/dav/): cards by their resource name (`href`), their
 * ETags, and changes by revision. Owner-scoped like every store function. A card written here is
 * stored as the client sent it; the columns the app lists and searches are derived from it.
 */

export interface DavBook {
  /** users.sync_revision: the sync token and CS:getctag. */
  revision: number;
  /** Tokens older than this cannot be answered (tombstones were pruned). */
  floor: number;
  name: string;
  count: number;
}

export async function getDavBook(ownerId: string): Promise<DavBook | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      revision: users.syncRevision,
      floor: users.syncFloor,
      name: users.addressBookName,
      count: users.contactCount,
    })
    .from(users)
    .where(eq(users.id, ownerId));
  return row;
}

/** Bytes of the owner's live cards, for quota-used-bytes (asked for rarely: a scan). */
export async function davBytesUsed(ownerId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(octet_length(${contacts.card})), 0)` })
    .from(contacts)
    .where(liveOf(ownerId));
  return Number(row?.bytes ?? 0);
}

export async function renameDavBook(ownerId: string, name: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ addressBookName: name }).where(eq(users.id, ownerId));
}

export interface DavCardMeta {
  href: string;
  etag: string;
  updatedAt: Date;
  size: number;
}

const metaColumns = {
  href: contacts.href,
  etag: contacts.etag,
  updatedAt: contacts.updatedAt,
  size: sql<number>`octet_length(${contacts.card})`.mapWith(Number),
};

/** The live cards with the revision they were read at (one snapshot), for a cached listing. */
export async function listDavCardsAt(
  ownerId: string,
): Promise<{ revision: number; cards: DavCardMeta[] }> {
  const db = await getDb();
  return db.transaction(
    async (tx) => {
      const [book] = await tx
        .select({ revision: users.syncRevision })
        .from(users)
        .where(eq(users.id, ownerId));
      const cards = await tx
        .select(metaColumns)
        .from(contacts)
        .where(liveOf(ownerId))
        .orderBy(asc(contacts.href));
      return { revision: book?.revision ?? 0, cards };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface DavCard extends DavCardMeta {
  card: string;
  cardVersion: string;
}

/** The live cards with these names (any not found are simply missing from the result). */
export async function getDavCards(ownerId: string, hrefs: string[]): Promise<DavCard[]> {
  if (hrefs.length === 0) return [];
  const db = await getDb();
  return db
    .select({ ...metaColumns, card: contacts.card, cardVersion: contacts.cardVersion })
    .from(contacts)
    .where(liveOf(ownerId, inArray(contacts.href, hrefs)));
}

/** Every live card with its text, in batches (addressbook-query reads them all). */
export async function* iterateDavCards(ownerId: string, batch = 500): AsyncGenerator<DavCard> {
  const db = await getDb();
  let after = '';
  for (;;) {
    const rows = await db
      .select({ ...metaColumns, card: contacts.card, cardVersion: contacts.cardVersion })
      .from(contacts)
      .where(liveOf(ownerId, gt(contacts.href, after)))
      .orderBy(asc(contacts.href))
      .limit(batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows.at(-1)!.href;
  }
}

export interface DavChanges {
  /** Live cards changed after the token, in revision order. */
  changed: DavCardMeta[];
  /** Names of cards trashed or deleted after the token. */
  removed: string[];
  /** The revision the answer brings the client to. */
  revision: number;
  /** True when `limit` cut the answer short: the client asks again from `revision`. */
  truncated: boolean;
}

interface Change {
  href: string;
  revision: number;
  meta: DavCardMeta | null;
}

/**
 * What changed after revision `since`, read in one snapshot so that the revision returned covers
 * exactly the rows returned. With a `limit`, the answer ends on a whole revision (an import
 * changes many cards at one revision), so the next request neither skips nor repeats a change.
 * Null when `since` is not a revision this book can answer from.
 */
export async function davChangesSince(
  ownerId: string,
  since: number,
  limit?: number,
): Promise<DavChanges | null> {
  const db = await getDb();
  return db.transaction(
    async (tx) => {
      const [book] = await tx
        .select({ revision: users.syncRevision, floor: users.syncFloor })
        .from(users)
        .where(eq(users.id, ownerId));
      if (!book || since > book.revision || (since > 0 && since < book.floor)) return null;
      const read = (which: Which, cap?: number) => readChanges(tx, ownerId, which, since > 0, cap);
      const all = await read((r) => gt(r, since), limit === undefined ? undefined : limit + 1);
      if (limit === undefined || all.length <= limit) {
        return summarize(all, book.revision, false);
      }
      // End before the revision the limit falls in; when that would return nothing, return that
      // whole revision (read in full: the capped read may hold only part of it).
      const cutRevision = all[limit]!.revision;
      const whole = all.filter((c) => c.revision < cutRevision);
      const kept = whole.length > 0 ? whole : await read((r) => eq(r, cutRevision));
      return summarize(kept, kept.at(-1)!.revision, true);
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Which revisions to read, as a condition on a revision column. */
type Which = (revision: typeof contacts.revision | typeof contactTombstones.revision) => SQL;

/**
 * Changes at the revisions `which` picks, in revision order, at most `cap` from each source:
 * live rows, trashed rows and tombstones.
 */
async function readChanges(
  tx: Tx,
  ownerId: string,
  which: Which,
  withRemoved: boolean,
  cap = Number.MAX_SAFE_INTEGER,
): Promise<Change[]> {
  const owned = and(eq(contacts.ownerId, ownerId), which(contacts.revision));
  const live = await tx
    .select({ ...metaColumns, revision: contacts.revision })
    .from(contacts)
    .where(and(owned, isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.revision))
    .limit(cap);
  const changes: Change[] = live.map(({ revision, ...meta }) => ({
    href: meta.href,
    revision,
    meta,
  }));
  // An initial sync lists what is there; nothing removed needs telling.
  if (withRemoved) {
    const trashed = await tx
      .select({ href: contacts.href, revision: contacts.revision })
      .from(contacts)
      .where(and(owned, isNotNull(contacts.deletedAt)))
      .orderBy(asc(contacts.revision))
      .limit(cap);
    const gone = await tx
      .select({ href: contactTombstones.href, revision: contactTombstones.revision })
      .from(contactTombstones)
      .where(and(eq(contactTombstones.ownerId, ownerId), which(contactTombstones.revision)))
      .orderBy(asc(contactTombstones.revision))
      .limit(cap);
    for (const t of [...trashed, ...gone]) changes.push({ ...t, meta: null });
  }
  return changes.sort((a, b) => a.revision - b.revision);
}

/** The newest state per name: a card deleted and made again at one name is simply changed. */
function summarize(changes: Change[], revision: number, truncated: boolean): DavChanges {
  const latest = new Map<string, Change>();
  for (const c of changes) latest.set(c.href, c);
  const changed: DavCardMeta[] = [];
  const removed: string[] = [];
  for (const c of latest.values()) {
    if (c.meta) changed.push(c.meta);
    else removed.push(c.href);
  }
  return { changed, removed, revision, truncated };
}

/** A card as a client sent it, read and checked by lib/dav/card-input.ts. */
export interface DavCardWrite {
  /** The text to store: the client's own, or a rewrite when it could not be kept as sent. */
  text: string;
  version: '3.0' | '4.0';
  uid: string;
  kind: string;
  model: ContactModel;
  flags: ContactFlag[];
  /** The app's rendition of the card's photo; null = none. */
  photo: ProcessedPhoto | null;
}

export interface DavPreconditions {
  /** If-Match: the stored card's ETag must be one of these ('*' = any existing card). */
  ifMatch?: string[];
  /** If-None-Match: '*' = only if no card is there; or ETags that must not match. */
  ifNoneMatch?: string[];
}

export type DavPutResult =
  | { status: 'created' | 'updated'; etag: string }
  | { status: 'precondition-failed' }
  | { status: 'uid-conflict'; href: string };

const matches = (list: string[] | undefined, etag: string | null) =>
  list !== undefined && list.some((tag) => (tag === '*' ? etag !== null : tag === etag));

/**
 * Stores a card at a name, in one transaction with the checks that guard it: the preconditions
 * against the stored ETag (a web edit changes it too, so a phone's stale write is refused the same
 * way as the web form's), and the UID, which no other live card of the owner may have. A card in
 * Trash at this name, or with this UID, is taken over: the client has it, so it is live again.
 */
export async function putDavCard(
  ownerId: string,
  href: string,
  w: DavCardWrite,
  pre: DavPreconditions,
): Promise<DavPutResult> {
  try {
    return await putOnce(ownerId, href, w, pre);
  } catch (error) {
    // Two new cards at one name or with one UID at once (PostgreSQL runs them side by side, so
    // both found nothing): the loser's insert hits the unique index. Tried again, it finds the
    // winner's row and gets its 412 or 409.
    if (!isUniqueViolation(error)) throw error;
    return putOnce(ownerId, href, w, pre);
  }
}

/** PostgreSQL's unique_violation, whether the driver's error is thrown as is or wrapped. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function putOnce(
  ownerId: string,
  href: string,
  w: DavCardWrite,
  pre: DavPreconditions,
): Promise<DavPutResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const uid = uidColumn(w.uid);
    // One read for both guards: the row at this name, and any other row with this UID.
    const rows = await tx
      .select({
        id: contacts.id,
        href: contacts.href,
        etag: contacts.etag,
        deletedAt: contacts.deletedAt,
        photoEtag: contacts.photoEtag,
      })
      .from(contacts)
      .where(and(eq(contacts.ownerId, ownerId), or(eq(contacts.href, href), eq(contacts.uid, uid))))
      .for('update');
    const atHref = rows.find((r) => r.href === href);
    const sameUid = rows.find((r) => r !== atHref);
    const live = atHref && !atHref.deletedAt ? atHref : undefined;
    const current = live?.etag ?? null;
    if (pre.ifMatch && !matches(pre.ifMatch, current)) return { status: 'precondition-failed' };
    if (pre.ifNoneMatch && matches(pre.ifNoneMatch, current)) {
      return { status: 'precondition-failed' };
    }
    if (sameUid && !sameUid.deletedAt) return { status: 'uid-conflict', href: sameUid.href };
    // The row to write: the one at this name, else a trashed one with this UID, else a new one.
    const target = atHref ?? sameUid;
    const revived = target === undefined || target.deletedAt !== null;
    const revision = await bumpRevision(tx, ownerId, revived ? 1 : 0);
    const columns = {
      uid,
      href,
      card: w.text,
      cardVersion: w.version,
      etag: etagOf(w.text),
      kind: w.kind,
      flags: w.flags,
      photoEtag: w.photo?.etag ?? null,
      revision,
      ...deriveColumns(w.model),
    };
    if (atHref && sameUid) await forget(tx, ownerId, sameUid.id, revision);
    let id: string;
    if (target) {
      id = target.id;
      if (target === sameUid) {
        // Its old name was reported as removed when it went to Trash; keep telling that.
        await tx.insert(contactTombstones).values({ ownerId, href: sameUid.href, uid, revision });
      }
      await tx
        .update(contacts)
        .set({
          ...columns,
          deletedAt: null,
          version: sql`${contacts.version} + 1`,
          updatedAt: sql`now()`,
        })
        .where(eq(contacts.id, id));
    } else {
      id = newContactIds().id;
      await tx.insert(contacts).values({ id, ownerId, ...columns });
    }
    // A card without a photo: only a row that had a rendition has one to remove.
    if (w.photo || target?.photoEtag) await savePhoto(tx, ownerId, id, w.photo);
    if (w.model.labels.length > 0) await ensureLabels(tx, ownerId, w.model.labels);
    return { status: live ? 'updated' : 'created', etag: columns.etag };
  });
}

/** A trashed row replaced by a card at another name: deleted for good, with a tombstone. */
async function forget(tx: Tx, ownerId: string, id: string, revision: number) {
  const gone = await tx
    .delete(contacts)
    .where(and(eq(contacts.id, id), eq(contacts.ownerId, ownerId)))
    .returning({ href: contacts.href, uid: contacts.uid });
  for (const g of gone) {
    await tx.insert(contactTombstones).values({ ownerId, href: g.href, uid: g.uid, revision });
  }
}

/** The UID column holds at most 255 characters; a longer UID (none seen) is kept by its hash. */
const uidColumn = (uid: string) => (uid.length <= 255 ? uid : `sha256:${etagOf(uid)}`);

export type DavDeleteResult = 'deleted' | 'not-found' | 'precondition-failed';

/** A client's DELETE: the card goes to Trash (30 days, restorable), at a new revision. */
export async function deleteDavCard(
  ownerId: string,
  href: string,
  pre: DavPreconditions,
): Promise<DavDeleteResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: contacts.id, etag: contacts.etag })
      .from(contacts)
      .where(liveOf(ownerId, eq(contacts.href, href)))
      .for('update');
    if (!row) return 'not-found';
    if (pre.ifMatch && !matches(pre.ifMatch, row.etag)) return 'precondition-failed';
    if (pre.ifNoneMatch && matches(pre.ifNoneMatch, row.etag)) return 'precondition-failed';
    const revision = await bumpRevision(tx, ownerId, -1);
    await tx
      .update(contacts)
      .set({ deletedAt: sql`now()`, revision })
      .where(eq(contacts.id, row.id));
    return 'deleted';
  });
}
