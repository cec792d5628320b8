import { expect, it } from 'vitest';
import { compareRuns, compareTable } from './compare.mjs';

type Row = { row: number; name: string } & Record<string, number | string>;
const run = (rows: Row[]) => ({ date: '', machine: '', short: false, rows });

it('compares the rows both runs have, and says which way each number went', () => {
  const before = run([
    { row: 1, name: '/contacts page 1', rps: 80, p50: 110, p99: 180, errors: 0 },
    { row: 6, name: 'peak memory', peakMb: 673 },
    { row: 4, name: 'scale ratio 100,000 : 100, page 1 (p50 latency)', ratio: 1.1 },
    { row: 2, name: 'ratio app / ceiling (requests/s)', ratio: 0.24 },
    { row: 9, name: 'only before', score: 100 },
  ]);
  const after = run([
    { row: 1, name: '/contacts page 1', rps: 240, p50: 108, p99: 300, errors: 0 },
    { row: 6, name: 'peak memory', peakMb: 340 },
    { row: 4, name: 'scale ratio 100,000 : 100, page 1 (p50 latency)', ratio: 1.5 },
    { row: 2, name: 'ratio app / ceiling (requests/s)', ratio: 0.5 },
    { row: 12, name: 'only after', rps: 1 },
  ]);
  const rows = compareRuns(before, after);
  expect(rows.map((r) => r.name)).toEqual([
    '/contacts page 1',
    'peak memory',
    'scale ratio 100,000 : 100, page 1 (p50 latency)',
    'ratio app / ceiling (requests/s)',
  ]);
  const byKey = Object.fromEntries(rows[0]!.changes.map((c) => [c.key, c]));
  expect(byKey.rps).toMatchObject({ before: 80, after: 240, change: 200, verdict: 'better' });
  expect(byKey.p50).toMatchObject({ change: -1.8, verdict: 'same' });
  expect(byKey.p99).toMatchObject({ change: 66.7, verdict: 'worse' });
  expect(byKey.errors).toMatchObject({ change: 0, verdict: 'same' });
  expect(rows[1]!.changes[0]).toMatchObject({ key: 'peakMb', verdict: 'better' });
  // A latency ratio that grew is worse; a requests-per-second ratio that grew is better.
  expect(rows[2]!.changes[0]).toMatchObject({ key: 'ratio', verdict: 'worse' });
  expect(rows[3]!.changes[0]).toMatchObject({ key: 'ratio', verdict: 'better' });
  expect(compareTable(rows)).toContain(
    '| 1 | /contacts page 1 | p99 | 180 | 300 | +66.7 % | worse |',
  );
});
