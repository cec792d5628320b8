export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Contacts brought back from Trash (and updated) by a card with their UID. */
  restored: number;
}

const n = (count: number) => count.toLocaleString('en-US');

/** "3 added, 1 updated, 12 unchanged, 0 skipped" (and how many came back from Trash). */
export function importSummary(counts: ImportCounts, skipped: number): string {
  const line = `${n(counts.added)} added, ${n(counts.updated + counts.restored)} updated, ${n(counts.unchanged)} unchanged, ${n(skipped)} skipped`;
  return counts.restored > 0 ? `${line} (${n(counts.restored)} restored from Trash)` : line;
}
