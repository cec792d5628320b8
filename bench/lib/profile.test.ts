import { expect, it } from 'vitest';
import { breakdown, categoryOf } from './profile.mjs';

const frame = (id: number, functionName: string, url: string) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
});

it('sums self time by where the code lives, leaving idle time out', () => {
  const profile = {
    nodes: [
      frame(1, '(idle)', ''),
      frame(2, 'query', 'file:///app/node_modules/@electric-sql/pglite/dist/index.js'),
      frame(
        3,
        'renderNode',
        'file:///app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js',
      ),
      frame(4, 'ContactsPage', 'file:///app/.next/server/chunks/ssr/app_contacts.js'),
      frame(5, 'middleware', 'file:///app/.next/server/edge/chunks/middleware.js'),
    ],
    samples: [1, 2, 2, 3, 4, 5, 1],
    timeDeltas: [5000, 1000, 1000, 1000, 500, 500, 9000],
  };
  const { totalMs, categories, functions } = breakdown(profile);
  expect(totalMs).toBe(4);
  expect(categories.map((c) => [c.name, c.share])).toEqual([
    ['PGlite (database)', 50],
    ['Next app render with React', 25],
    ['app bundles (pages, lib/, their libraries)', 12.5],
    ['middleware (Edge sandbox)', 12.5],
  ]);
  expect(functions[0]).toMatchObject({ name: 'query index.js:1', ms: 2 });
  expect(categoryOf({ url: 'node:internal/fs', functionName: 'read' })).toBe('Node.js');
  expect(categoryOf({ url: '', functionName: '(garbage collector)' })).toBe('garbage collection');
});
