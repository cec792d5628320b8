import 'server-only';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts } from '../../db/schema';
import { cardColumns, cardPhotoOf, cardText } from './card';
import { newContactIds } from './ids';
import { ensureLabels } from './label-list';
import { readCard } from '../vcard/read';
import { mergeRest } from '../vcard/rest';
import { savePhoto } from './photos';
import { ANALYZE_AFTER, refreshStatistics } from './statistics';
import { addToCount, bumpRevision, type Tx } from './tx';
import type { ImportCard, ImportResult } from './types';
import type { CardRest, ParsedCard } from '../vcard/types';

/**
 * Cards per batch: one lookup by UID and one multi-row insert each. At 1,000 a 20,000-card import
 * peaked 23 MB higher (the server's RSS) and left the embedded database's WebAssembly memory
 * 10 MB larger for good, a second slower (npm run bench, row 11; ADR 008).
 */
export const IMPORT_BATCH = 200;

interface Existing {
  id: string;
  uid: string;
  card: string;
  flags: unknown;
  photoEtag: string | null;
  deletedAt: Date | null;
}

/** True when saving `incoming` over `existing` would change nothing a person could see. */
function sameCard(existing: Existing, stored: ParsedCard, incoming: ImportCard): boolean {
  if (JSON.stringify(existing.flags) !== JSON.stringify(incoming.flags)) return false;
  // A card without a photo keeps the contact's photo (an import never removes one).
  if (incoming.photo && incoming.photo.etag !== existing.photoEtag) return false;
  // Both written by the same writer, so formatting differences in the stored text do not count.
  const before = cardText({ ...stored.model, uid: existing.uid }, stored.rest, stored.photo);
  const after = cardText(
    { ...incoming.model, uid: existing.uid },
    incoming.rest,
    incoming.photo ? cardPhotoOf(incoming.photo) : stored.photo,
  );
  return before === after;
}

/** A partial record (a CSV row) over a stored card: the card's rest stays, the row's extras join it. */
function keepStoredRest(stored: CardRest, record: ImportCard): ImportCard {
  if (!record.partial) return record;
  return { ...record, rest: record.rest ? mergeRest(stored, record.rest) : stored };
}

/** An import's reader: hands each card to `save` as it is read, and says whether the file was fine. */
export type ImportReader<R extends { ok: boolean }> = (
  save: (card: ImportCard) => Promise<void>,
) => Promise<R>;

/** Thrown inside the transaction when the reader finds the file unusable: nothing is kept. */
class ReaderRefused extends Error {}

const noChanges = (): ImportResult => ({ added: 0, updated: 0, unchanged: 0, restored: 0 });

/**
 * New contacts' "date added": the import's start plus one microsecond per card, so sorting by
 * date added keeps the file's order and every card sorts after what the book held before. The
 * whole span is a few milliseconds, while writing each card takes far longer: none is dated after
 * the import ends. Given as text, because a Date holds whole milliseconds only.
 */
function importDate(startMs: number, index: number): SQL {
  const micros = startMs * 1000 + index;
  const whole = new Date(Math.floor(micros / 1000)).toISOString().slice(0, -1);
  return sql`${`${whole}${String(micros % 1000).padStart(3, '0')}Z`}::timestamptz`;
}

/**
 * Saves imported cards by UID as `read` produces them, in one transaction, IMPORT_BATCH at a
 * time: a UID the owner has live updates that contact (unchanged when nothing differs), one in
 * Trash is restored and updated, any other is added. Only a batch is held at once, not the file:
 * holding 20,000 read cards added 23 MB to the server's heap and 30 MB to its peak (ADR 008).
 * When the reader answers `ok: false` (too many cards, say) everything is rolled back.
 */
export async function importCards<R extends { ok: boolean }>(
  ownerId: string,
  read: ImportReader<R>,
): Promise<{ read: R; result: ImportResult }> {
  const result = noChanges();
  const db = await getDb();
  const start = Date.now();
  let outcome: R | undefined;
  try {
    await db.transaction(async (tx) => {
      // Bumped with the first batch: a file whose records were all skipped changes nothing, so
      // sync clients are not sent to look.
      let revision: number | undefined;
      const seen = new Set<string>();
      const labels = new Set<string>();
      let batch: ImportCard[] = [];
      let written = 0;
      const flush = async () => {
        const first = written;
        written += batch.length;
        const cards = batch;
        batch = [];
        revision ??= await bumpRevision(tx, ownerId);
        await applyBatch(tx, ownerId, cards, {
          revision,
          seen,
          result,
          dated: (i) => importDate(start, first + i),
        });
      };
      outcome = await read(async (card) => {
        for (const label of card.model.labels) labels.add(label);
        batch.push(card);
        if (batch.length >= IMPORT_BATCH) await flush();
      });
      if (!outcome.ok) throw new ReaderRefused();
      if (batch.length > 0) await flush();
      await addToCount(tx, ownerId, result.added + result.restored);
      await ensureLabels(tx, ownerId, [...labels]);
    });
  } catch (error) {
    if (!(error instanceof ReaderRefused)) throw error;
    return { read: outcome!, result: noChanges() };
  }
  if (result.added + result.restored >= ANALYZE_AFTER) await refreshStatistics(ownerId);
  return { read: outcome!, result };
}

/** Saves cards already in memory (the seed script, tests): importCards over a list. */
export async function applyImport(ownerId: string, cards: ImportCard[]): Promise<ImportResult> {
  const { result } = await importCards(ownerId, async (save) => {
    for (const card of cards) await save(card);
    return { ok: true };
  });
  return result;
}

async function applyBatch(
  tx: Tx,
  ownerId: string,
  batch: ImportCard[],
  ctx: { revision: number; seen: Set<string>; result: ImportResult; dated: (i: number) => SQL },
): Promise<void> {
  const uids = batch.map((c) => c.model.uid.trim()).filter(Boolean);
  const found = uids.length
    ? await tx
        .select({
          id: contacts.id,
          uid: contacts.uid,
          card: contacts.card,
          flags: contacts.flags,
          photoEtag: contacts.photoEtag,
          deletedAt: contacts.deletedAt,
        })
        .from(contacts)
        .where(and(eq(contacts.ownerId, ownerId), inArray(contacts.uid, uids)))
    : [];
  const byUid = new Map<string, Existing>(found.map((row) => [row.uid, row]));
  const inserts = [];
  const photos: { id: string; photo: ImportCard['photo'] }[] = [];
  for (const [i, record] of batch.entries()) {
    const wanted = record.model.uid.trim();
    // A UID seen earlier in this file: a second card, not an update of the first.
    const existing = wanted && !ctx.seen.has(wanted) ? byUid.get(wanted) : undefined;
    if (!existing) {
      const ids = newContactIds(wanted && !ctx.seen.has(wanted) ? wanted : '');
      ctx.seen.add(ids.uid);
      const model = { ...record.model, uid: ids.uid };
      const photo = record.photo ? cardPhotoOf(record.photo) : null;
      inserts.push({
        ...ids,
        ownerId,
        revision: ctx.revision,
        photoEtag: record.photo?.etag ?? null,
        createdAt: ctx.dated(i),
        ...cardColumns(model, record.rest, photo, record.flags),
      });
      if (record.photo) photos.push({ id: ids.id, photo: record.photo });
      ctx.result.added += 1;
      continue;
    }
    ctx.seen.add(wanted);
    const trashed = existing.deletedAt !== null;
    const stored = readCard(existing.card);
    const incoming = keepStoredRest(stored.rest, record);
    if (!trashed && sameCard(existing, stored, incoming)) {
      ctx.result.unchanged += 1;
      continue;
    }
    const model = { ...incoming.model, uid: existing.uid };
    const photo = incoming.photo ? cardPhotoOf(incoming.photo) : stored.photo;
    await tx
      .update(contacts)
      .set({
        ...cardColumns(model, incoming.rest, photo, incoming.flags),
        photoEtag: incoming.photo?.etag ?? existing.photoEtag,
        revision: ctx.revision,
        deletedAt: null,
        version: sql`${contacts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contacts.id, existing.id), eq(contacts.ownerId, ownerId)));
    if (incoming.photo) photos.push({ id: existing.id, photo: incoming.photo });
    ctx.result[trashed ? 'restored' : 'updated'] += 1;
  }
  if (inserts.length > 0) await tx.insert(contacts).values(inserts);
  for (const { id, photo } of photos) await savePhoto(tx, ownerId, id, photo);
}
