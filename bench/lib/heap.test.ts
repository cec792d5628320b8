import { expect, it } from 'vitest';
import { heapSummary } from './heap.mjs';

it('sums a heap snapshot by constructor and by type, largest first', () => {
  const snapshot = {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure']],
      },
    },
    // type, name (index into strings), id, self size, edges
    nodes: [3, 0, 1, 2 ** 20, 0, 3, 0, 2, 2 ** 20, 0, 2, 1, 3, 2 ** 19, 0, 5, 2, 4, 2 ** 19, 0],
    strings: ['Buffer', 'hello', 'render'],
  };
  const { totalMb, rows } = heapSummary(snapshot);
  expect(totalMb).toBe(3);
  expect(rows).toEqual([
    { name: 'Buffer', count: 2, mb: 2, share: 66.7 },
    { name: '(string)', count: 1, mb: 0.5, share: 16.7 },
    { name: 'closure render', count: 1, mb: 0.5, share: 16.7 },
  ]);
});
