/** How long a contact stays in Trash before it is deleted for good (the store purges it then). */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Days (rounded up) until a contact trashed at `deletedAt` is purged: 30 right after deletion,
 * 1 on its last day, 0 once due (the daily purge has not run yet). Never above 30, even when
 * the clock moved back.
 */
export function daysLeft(deletedAt: Date, now: Date): number {
  const left = (deletedAt.getTime() + TRASH_DAYS * DAY_MS - now.getTime()) / DAY_MS;
  return Math.max(0, Math.min(TRASH_DAYS, Math.ceil(left)));
}

/** "Deleted forever in 29 days", "… in 1 day", "… today". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'Deleted forever today';
  if (days === 1) return 'Deleted forever in 1 day';
  return `Deleted forever in ${days} days`;
}
