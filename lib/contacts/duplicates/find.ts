import type { ContactModel } from '../model';
import { matchKeys, shownName, type MatchKeys } from './keys';
import { NAME_THRESHOLD, nameSimilarity } from './similarity';

/** One contact as the finder sees it. */
export interface Candidate {
  id: string;
  model: ContactModel;
}

/** Why contacts were put together: what they share. */
export interface MatchReason {
  kind: 'email' | 'phone' | 'name';
  /** The shared email or phone, or "Jon Smith / John Smith". */
  detail: string;
}

/** Likely duplicates: two or more contact ids (in the order given) and why. */
export interface DuplicateGroup {
  ids: string[];
  reasons: MatchReason[];
}

// Past this many names in one bucket (same initials), only equal names are paired: the pairwise
// comparison grows with the square of the bucket.
const MAX_BUCKET = 400;

/** Union-find over indexes, with what each set of contacts is reachable by (emails and phones). */
class Groups {
  private parent: number[];
  private points: Set<string>[];
  constructor(keys: MatchKeys[]) {
    this.parent = keys.map((_, i) => i);
    this.points = keys.map((k) => new Set([...k.emails, ...k.phones]));
  }
  root(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  /** False when both sets are reachable by emails or phones and share none: two people. */
  agree(a: number, b: number): boolean {
    const pa = this.points[this.root(a)]!;
    const pb = this.points[this.root(b)]!;
    if (pa.size === 0 || pb.size === 0) return true;
    for (const p of pa) if (pb.has(p)) return true;
    return false;
  }
  /**
   * Joins two sets. A name alone joins them only when they do not contradict each other: both
   * reachable by emails or phones and none shared means two people with one name.
   */
  join(a: number, b: number, byNameOnly: boolean): boolean {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return false;
    if (byNameOnly && !this.agree(a, b)) return false;
    const pa = this.points[ra]!;
    const pb = this.points[rb]!;
    this.parent[rb] = ra;
    for (const p of pb) pa.add(p);
    return true;
  }
}

function sharedKeys(keys: MatchKeys[], groups: Groups, kind: 'email' | 'phone', out: Reason[]) {
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    for (const value of kind === 'email' ? k.emails : k.phones) {
      const first = seen.get(value);
      if (first === undefined) seen.set(value, i);
      else {
        groups.join(first, i, false);
        out.push({ at: i, reason: { kind, detail: value } });
      }
    }
  });
}

interface Reason {
  at: number;
  reason: MatchReason;
}

function bestNameMatch(a: MatchKeys, b: MatchKeys): boolean {
  return a.names.some((x) => b.names.some((y) => nameSimilarity(x, y) >= NAME_THRESHOLD));
}

function similarNames(keys: MatchKeys[], candidates: Candidate[], groups: Groups, out: Reason[]) {
  const buckets = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (!k.block) return;
    const bucket = buckets.get(k.block);
    if (bucket) bucket.push(i);
    else buckets.set(k.block, [i]);
  });
  for (const bucket of buckets.values()) {
    const equalOnly = bucket.length > MAX_BUCKET;
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        // Checked first: cheaper than comparing names, and most look-alikes end here.
        if (groups.root(bucket[x]!) === groups.root(bucket[y]!)) continue;
        if (!groups.agree(bucket[x]!, bucket[y]!)) continue;
        const a = keys[bucket[x]!]!;
        const b = keys[bucket[y]!]!;
        const match = equalOnly ? a.names[0] === b.names[0] : bestNameMatch(a, b);
        if (match && groups.join(bucket[x]!, bucket[y]!, true)) {
          const detail = `${shownName(candidates[bucket[x]!]!.model)} / ${shownName(candidates[bucket[y]!]!.model)}`;
          out.push({ at: bucket[y]!, reason: { kind: 'name', detail } });
        }
      }
    }
  }
}

/**
 * Likely duplicates among `candidates`: the same email (any case), the same phone in E.164
 * (national numbers read in `region`), or closely matching names (accents folded, normalised
 * Levenshtein ≥ 0.85, given and family either way round) that nothing contradicts. Grouped
 * transitively; never decides anything, only proposes.
 */
export function findDuplicateGroups(candidates: Candidate[], region: string): DuplicateGroup[] {
  const keys = candidates.map((c) => matchKeys(c.model, region));
  const groups = new Groups(keys);
  const reasons: Reason[] = [];
  // Shared emails and phones first: a name then only joins what they have not already told apart.
  sharedKeys(keys, groups, 'email', reasons);
  sharedKeys(keys, groups, 'phone', reasons);
  similarNames(keys, candidates, groups, reasons);

  const byRoot = new Map<number, DuplicateGroup>();
  candidates.forEach((c, i) => {
    const root = groups.root(i);
    const group = byRoot.get(root) ?? { ids: [], reasons: [] };
    group.ids.push(c.id);
    byRoot.set(root, group);
  });
  for (const { at, reason } of reasons) {
    const group = byRoot.get(groups.root(at))!;
    if (!group.reasons.some((r) => r.kind === reason.kind && r.detail === reason.detail)) {
      group.reasons.push(reason);
    }
  }
  return [...byRoot.values()].filter((g) => g.ids.length > 1);
}
