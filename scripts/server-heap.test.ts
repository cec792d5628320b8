import fs from 'node:fs';
import { expect, it } from 'vitest';
import { SERVER_HEAP_FLAG } from './lib/server-heap.mjs';

it('npm start runs the server with the heap cap the tests and the benchmark use', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.start).toBe(`node ${SERVER_HEAP_FLAG} scripts/start.mjs`);
});
