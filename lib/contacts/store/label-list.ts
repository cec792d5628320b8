import 'server-only';
import { labels } from '../../db/schema';
import { codePointSlice } from '../code-points';
import { labelKey } from '../derive';
import type { DbOrTx } from './tx';

const NAME_MAX = 100;

/** Adds to the owner's label list every label a saved card uses that the list lacks. */
export async function ensureLabels(tx: DbOrTx, ownerId: string, names: string[]): Promise<void> {
  const byKey = new Map<string, string>();
  for (const name of names) {
    const key = labelKey(name);
    if (key && !byKey.has(key)) byKey.set(key, codePointSlice(name.trim(), NAME_MAX));
  }
  if (byKey.size === 0) return;
  await tx
    .insert(labels)
    .values([...byKey].map(([key, name]) => ({ ownerId, key, name })))
    .onConflictDoNothing({ target: [labels.ownerId, labels.key] });
}
