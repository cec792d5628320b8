// `npm run bench -- --heap-snapshot`: what the server's heap holds with 50 clients on the
// signed-in list. The server runs with --heapsnapshot-signal=SIGUSR2; midway through the load
// the bench sends the signal, V8 writes a .heapsnapshot, and this sums it by constructor.
import fs from 'node:fs';
import { newestFile } from './newest-file.mjs';

/**
 * Self size by (node type, name) from a V8 heap snapshot's flat arrays, largest first: strings
 * and arrays by type ("string", "array (code)"), objects by constructor ("Object", "Buffer").
 */
export function heapSummary(snapshot, top = 15) {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const totals = new Map();
  let all = 0;
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    const size = snapshot.nodes[i + sizeAt];
    const name =
      type === 'object' || type === 'closure'
        ? snapshot.strings[snapshot.nodes[i + nameAt]]
        : `(${type})`;
    const key = type === 'closure' ? `closure ${name}` : name;
    const t = totals.get(key) ?? { count: 0, bytes: 0 };
    t.count += 1;
    t.bytes += size;
    totals.set(key, t);
    all += size;
  }
  const rows = [...totals]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, top)
    .map(([name, t]) => ({
      name,
      count: t.count,
      mb: +(t.bytes / 2 ** 20).toFixed(1),
      share: +((t.bytes / all) * 100).toFixed(1),
    }));
  return { totalMb: +(all / 2 ** 20).toFixed(1), rows };
}

/** Waits for the newest .heapsnapshot in `dir` to be complete, then prints its summary. */
export async function printNewestSnapshot(dir, since) {
  // V8 writes the file while the server carries on; it is complete once its size stops growing.
  let file;
  let size = -1;
  for (let waited = 0; waited < 120_000; waited += 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    file = newestFile(dir, '.heapsnapshot', since);
    const now = file ? fs.statSync(file).size : -1;
    if (file && now > 0 && now === size) break;
    size = now;
  }
  if (!file) return console.log(`No heap snapshot in ${dir}`);
  const { totalMb, rows } = heapSummary(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(`\nHeap snapshot ${file}: ${totalMb} MB of live objects\n`);
  console.log('| what | count | MB | share |\n| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${r.count} | ${r.mb} | ${r.share} % |`);
}
