import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { contacts, labelCounts, labels } from '../../db/schema';
import { labelKey } from '../derive';
import { readCard } from '../vcard/read';
import { cardColumns, keptVersion } from './card';
import { bumpRevision, type Tx } from './tx';
import type { LabelResult } from './types';

/**
 * The owner's labels (vCard CATEGORIES). The list lives in `labels` (so an empty label can
 * exist); which contact has which label lives in the cards, and contacts.labels mirrors it.
 */

const NAME_MAX = 100;

/** The owner's labels by name, each with how many live contacts have it. */
export async function listLabels(
  ownerId: string,
): Promise<{ key: string; name: string; count: number }[]> {
  const db = await getDb();
  // The counts are kept by a trigger (label_counts): counting here cost a pass over the owner's
  // contacts per label on every list page.
  return db
    .select({
      key: labels.key,
      name: labels.name,
      count: sql<number>`coalesce(${labelCounts.live}, 0)`,
    })
    .from(labels)
    .leftJoin(
      labelCounts,
      and(eq(labelCounts.ownerId, labels.ownerId), eq(labelCounts.key, labels.key)),
    )
    .where(eq(labels.ownerId, ownerId))
    .orderBy(asc(labels.key));
}

function checkName(name: string): { name: string; key: string } | { message: string } {
  const trimmed = name.replace(/[\p{Cc}]+/gu, ' ').trim();
  if (!trimmed) return { message: 'Enter a name for the label.' };
  if (trimmed.length > NAME_MAX) return { message: `Use at most ${NAME_MAX} characters.` };
  const key = labelKey(trimmed);
  if (!key) return { message: 'Enter a name with letters or digits.' };
  return { name: trimmed, key };
}

export async function createLabel(ownerId: string, name: string): Promise<LabelResult> {
  const checked = checkName(name);
  if ('message' in checked) return { ok: false, message: checked.message };
  const db = await getDb();
  const added = await db
    .insert(labels)
    .values({ ownerId, ...checked })
    .onConflictDoNothing({ target: [labels.ownerId, labels.key] })
    .returning({ id: labels.id });
  return added.length > 0 ? { ok: true } : { ok: false, message: 'That label already exists.' };
}

/** Rewrites the CATEGORIES of every card (live or trashed) that has the label `key`. */
async function rewriteCards(
  tx: Tx,
  ownerId: string,
  key: string,
  change: (names: string[]) => string[],
): Promise<void> {
  const rows = await tx
    .select({
      id: contacts.id,
      card: contacts.card,
      cardVersion: contacts.cardVersion,
      flags: contacts.flags,
    })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), sql`${contacts.labels} @> array[${key}]::text[]`));
  if (rows.length === 0) return;
  const revision = await bumpRevision(tx, ownerId);
  for (const row of rows) {
    const parsed = readCard(row.card);
    const model = { ...parsed.model, labels: change(parsed.model.labels) };
    await tx
      .update(contacts)
      .set({
        ...cardColumns(model, parsed.rest, parsed.photo, row.flags, {
          version: keptVersion(row.cardVersion),
        }),
        revision,
        version: sql`${contacts.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(contacts.id, row.id), eq(contacts.ownerId, ownerId)));
  }
}

/** Renames a label in the list and in every card that has it. */
export async function renameLabel(
  ownerId: string,
  key: string,
  name: string,
): Promise<LabelResult> {
  const checked = checkName(name);
  if ('message' in checked) return { ok: false, message: checked.message };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: labels.id })
      .from(labels)
      .where(and(eq(labels.ownerId, ownerId), eq(labels.key, key)))
      .for('update');
    if (!current) return { ok: false, message: 'That label no longer exists.' };
    if (checked.key !== key) {
      const [taken] = await tx
        .select({ id: labels.id })
        .from(labels)
        .where(and(eq(labels.ownerId, ownerId), eq(labels.key, checked.key)));
      if (taken) return { ok: false, message: 'Another label has that name.' };
    }
    await tx.update(labels).set(checked).where(eq(labels.id, current.id));
    await rewriteCards(tx, ownerId, key, (names) => {
      const kept = names.filter((n) => labelKey(n) !== key);
      return [...kept, checked.name];
    });
    return { ok: true } as const;
  });
}

/** Deletes a label from the list and from every card that has it (the contacts stay). */
export async function deleteLabel(ownerId: string, key: string): Promise<LabelResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(labels)
      .where(and(eq(labels.ownerId, ownerId), eq(labels.key, key)))
      .returning({ id: labels.id });
    if (gone.length === 0) return { ok: false, message: 'That label no longer exists.' };
    await rewriteCards(tx, ownerId, key, (names) => names.filter((n) => labelKey(n) !== key));
    return { ok: true } as const;
  });
}
