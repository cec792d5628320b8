import 'server-only';
import { getConfig } from '../../config';
import { iterateCards, type StoredContact } from '../store';
import { findDuplicateGroups, type MatchReason } from './find';

/**
 * The most contacts compared in one look: the oldest first, as the store iterates. Reading and
 * comparing 5,000 took 2.0 s (5.4 s under heavy load) on a 2-core machine (list.test.ts), most
 * of it parsing cards and phone numbers; an address book past that is told so on the page.
 */
export const MAX_COMPARED = 5000;

interface StoredDuplicateGroup {
  contacts: StoredContact[];
  reasons: MatchReason[];
}

export interface DuplicateReport {
  groups: StoredDuplicateGroup[];
  compared: number;
  /** True when the owner has more live contacts than MAX_COMPARED: the rest were not looked at. */
  truncated: boolean;
}

/** Likely duplicates among the owner's live contacts (only theirs: the store filters by owner). */
export async function listDuplicateGroups(ownerId: string): Promise<DuplicateReport> {
  const read: StoredContact[] = [];
  let truncated = false;
  for await (const contact of iterateCards(ownerId)) {
    if (read.length === MAX_COMPARED) {
      truncated = true;
      break;
    }
    read.push(contact);
  }
  const byId = new Map(read.map((c) => [c.id, c]));
  const groups = findDuplicateGroups(read, getConfig().DEFAULT_PHONE_REGION).map((g) => ({
    contacts: g.ids.map((id) => byId.get(id)!),
    reasons: g.reasons,
  }));
  return { groups, compared: read.length, truncated };
}
