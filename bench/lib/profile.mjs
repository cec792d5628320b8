// `npm run bench -- --cpu-prof`: where the server's CPU time went. Node writes a V8 CPU profile
// when the server exits; this sums its self time by where the code lives (the app's bundles,
// Next's runtime with React inside it, the Edge middleware's sandbox, PGlite, Node itself) and
// lists the functions that took most. The breakdown is what ADR 008 reports.
import fs from 'node:fs';
import path from 'node:path';
import { newestFile } from './newest-file.mjs';

/** Where a sampled function lives, from its script's URL (and V8's names for the rest). */
export function categoryOf({ url, functionName }) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    return 'native (hashing, I/O, compiled code)';
  }
  if (url.startsWith('wasm://') || url.includes('pglite')) return 'PGlite (database)';
  if (
    url.includes('/.next/server/edge') ||
    url.includes('/sandbox/') ||
    url.includes('edge-runtime')
  )
    return 'middleware (Edge sandbox)';
  if (url.includes('/.next/server/')) return 'app bundles (pages, lib/, their libraries)';
  if (url.includes('next/dist/compiled/next-server') || url.includes('react'))
    return 'Next app render with React';
  if (url.includes('node_modules/next/')) return 'Next server';
  if (url.includes('node_modules/')) return 'other libraries';
  if (url.startsWith('node:')) return 'Node.js';
  return 'custom server (server/)';
}

/** Self time in ms by category and by function, from a .cpuprofile's samples. */
export function breakdown(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const categories = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id).callFrame;
    const category = categoryOf(frame);
    if (category === 'idle') continue;
    total += micros;
    categories.set(category, (categories.get(category) ?? 0) + micros);
    const name = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url || '')}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const sorted = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 1000),
        share: +((us / total) * 100).toFixed(1),
      }));
  return {
    totalMs: Math.round(total / 1000),
    categories: sorted(categories),
    functions: sorted(functions).slice(0, 20),
  };
}

/** Prints the breakdown of the newest profile in `dir`. */
export function printNewestProfile(dir) {
  const file = newestFile(dir, '.cpuprofile');
  if (!file) return console.log(`No CPU profile in ${dir}`);
  const { totalMs, categories, functions } = breakdown(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(`\nCPU profile ${file}: ${totalMs} ms of busy time\n`);
  console.log('| where | ms | share |\n| --- | ---: | ---: |');
  for (const c of categories) console.log(`| ${c.name} | ${c.ms} | ${c.share} % |`);
  console.log('\n| function (self time) | ms | share |\n| --- | ---: | ---: |');
  for (const f of functions) console.log(`| ${f.name} | ${f.ms} | ${f.share} % |`);
}
