import { describe, expect, it } from 'vitest';
import { person, type Person } from '../store/test-helpers';
import { findDuplicateGroups, type Candidate } from './find';
import { nameSimilarity } from './similarity';

const REGION = 'GB';
const seeded = (people: Record<string, Person>): Candidate[] =>
  Object.entries(people).map(([id, p]) => ({ id, model: person(p) }));
const groupsOf = (people: Record<string, Person>) =>
  findDuplicateGroups(seeded(people), REGION).map((g) => g.ids.sort());

describe('finding likely duplicates', () => {
  // A seeded address book: each known duplicate and each known look-alike, in one set, so a rule
  // that pairs too eagerly shows up as an extra group.
  const book: Record<string, Person> = {
    adaWork: { given: 'Ada', family: 'Lovelace', emails: ['ada@analytical.example'] },
    adaHome: { given: 'Ada', family: 'King', emails: ['ADA@Analytical.Example'] },
    grace1: { given: 'Grace', family: 'Hopper', phones: ['+44 20 7946 0958'] },
    grace2: { given: 'G.', family: 'Hopper', phones: ['020 7946 0958'] },
    jon: { given: 'Jon', family: 'Smith', emails: ['smith@example.org'] },
    john: { given: 'John', family: 'Smith', emails: ['jsmith@example.net', 'Smith@example.org'] },
    maria1: { given: 'Maria', family: 'Garcia', phones: ['+34 612 345 678'] },
    maria2: { given: 'Maria', family: 'Garcia', phones: ['+34 699 876 543'] },
    zoe1: { given: 'Zoë', family: 'Åström' },
    zoe2: { given: 'Astrom', family: 'Zoe', emails: ['zoe@example.se'] },
    alan: { given: 'Alan', family: 'Turing', emails: ['alan@example.org'] },
    alana: { given: 'Alana', family: 'Turner', emails: ['alana@example.org'] },
  };

  it('pairs the known duplicates and nothing else', () => {
    expect(groupsOf(book).sort()).toEqual(
      [
        ['adaHome', 'adaWork'],
        ['grace1', 'grace2'],
        ['john', 'jon'],
        ['zoe1', 'zoe2'],
      ].sort(),
    );
  });

  it('says why: the shared email, the shared phone in E.164, the similar names', () => {
    const groups = findDuplicateGroups(seeded(book), REGION);
    const reasons = (id: string) => groups.find((g) => g.ids.includes(id))!.reasons;
    expect(reasons('adaWork')).toEqual([{ kind: 'email', detail: 'ada@analytical.example' }]);
    expect(reasons('grace1')).toEqual([{ kind: 'phone', detail: '+442079460958' }]);
    expect(reasons('zoe1')).toEqual([{ kind: 'name', detail: 'Zoë Åström / Astrom Zoe' }]);
  });

  it('never pairs two people with one name whose phones or emails differ', () => {
    expect(
      groupsOf({
        m1: { given: 'Maria', family: 'Garcia', phones: ['+34 612 345 678'] },
        m2: { given: 'Maria', family: 'Garcia', emails: ['maria@example.es'] },
      }),
    ).toEqual([]);
  });

  it('does not let a contact with no phone or email chain two different people together', () => {
    expect(
      groupsOf({
        m1: { given: 'Maria', family: 'Garcia', phones: ['+34 612 345 678'] },
        m2: { given: 'Maria', family: 'Garcia', phones: ['+34 699 876 543'] },
        m3: { given: 'María', family: 'García' },
      }),
    ).toHaveLength(1);
    const [group] = groupsOf({
      m1: { given: 'Maria', family: 'Garcia', phones: ['+34 612 345 678'] },
      m3: { given: 'María', family: 'García' },
      m2: { given: 'Maria', family: 'Garcia', phones: ['+34 699 876 543'] },
    });
    expect(group).toEqual(['m1', 'm3']);
  });

  it('groups transitively: a shares an email with b, b a phone with c', () => {
    expect(
      groupsOf({
        a: { given: 'Ann', family: 'Lee', emails: ['ann@example.org'] },
        b: { organization: 'Lee Studio', emails: ['ann@example.org'], phones: ['07700 900123'] },
        c: { given: 'Annie', phones: ['+447700900123'] },
      }),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('ignores short names, organisation-only cards and numbers that are not numbers', () => {
    expect(
      groupsOf({
        a: { given: 'Al' },
        b: { given: 'Al' },
        c: { organization: 'Acme' },
        d: { organization: 'Acme' },
        e: { given: 'X', phones: ['12'] },
        f: { given: 'Y', phones: ['12'] },
      }),
    ).toEqual([]);
  });

  it('measures the similarity the threshold is set against', () => {
    expect(nameSimilarity('jon smith', 'john smith')).toBeCloseTo(0.9);
    expect(nameSimilarity('ada king', 'ida kong')).toBeLessThan(0.85);
  });

  // Names from syllables (a fixed sequence, so every run compares the same book).
  const syllables = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'sa', 'vi', 'da', 're', 'lu', 'po'];
  const word = (n: number) =>
    [n % 12, Math.floor(n / 12) % 12, Math.floor(n / 144) % 12].map((i) => syllables[i]).join('');
  const book5000 = (withPoints: boolean): Candidate[] =>
    Array.from({ length: 5000 }, (_, i) => ({
      id: `c${i}`,
      model: person({
        given: word(i * 7919),
        family: word(i * 104_729 + 13),
        emails: withPoints ? [`person${i}@example.org`] : [],
        phones: withPoints ? [`+44 7700 9${String(i).padStart(5, '0')}`] : [],
      }),
    }));
  const timed = (book: Candidate[]) => {
    const started = performance.now();
    const groups = findDuplicateGroups(book, REGION);
    return { groups, ms: performance.now() - started };
  };

  it('compares 5,000 contacts with emails and phones in a bounded time (MAX_COMPARED)', () => {
    const { groups, ms } = timed(book5000(true));
    console.info(`findDuplicateGroups, 5,000 contacts with email and phone: ${Math.round(ms)} ms`);
    // Every email and phone differs: names alone never join two reachable people.
    expect(groups).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });

  it('compares 5,000 contacts with names only (every pair of names in a bucket compared)', () => {
    const { groups, ms } = timed(book5000(false));
    console.info(
      `findDuplicateGroups, 5,000 name-only contacts: ${Math.round(ms)} ms, ${groups.length} groups`,
    );
    expect(groups.every((g) => g.reasons.every((r) => r.kind === 'name'))).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});
