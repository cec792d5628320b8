// `npm run bench -- --compare OLD.json`: each row measured in both runs, with the change of every
// number the two share. Higher is better for req/s, ratios and scores; lower for latency, memory,
// time and bytes: the verdict column says which way a change went, so a regression stands out.

/**
 * Whether a smaller number is the better one: latency, time, memory and bytes; the scale row's
 * ratios (big book against small one); a ratio of latencies. Requests per second, the ratios of
 * requests per second and Lighthouse scores are better higher.
 */
function lowerIsBetter(name, key) {
  if (key === 'ratio') return /p50|p99|latency/.test(name);
  return /^(p50|p99|ms|pollMs|mb|peak|rss|rpsRatio|css|errors|non2xx)|Js$| s$| MB$/i.test(key);
}

/** The numbers of a row, keyed by column ("rps", "p99", "ratio", …). */
function numbers(row) {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([k, v]) => k !== 'row' && typeof v === 'number' && Number.isFinite(v),
    ),
  );
}

/**
 * The rows of `after` that `before` also has (matched by row number and name), each with the
 * percentage change per shared number and whether it got better or worse (beyond ±5 %, the
 * run-to-run noise measured on these machines).
 * @param {{ rows: { row: number, name: string }[] }} before
 * @param {{ rows: { row: number, name: string }[] }} after
 * @returns {{ row: number, name: string, changes: { key: string, before: number, after: number, change: number, verdict: 'better' | 'worse' | 'same' }[] }[]}
 */
export function compareRuns(before, after) {
  const old = new Map(before.rows.map((r) => [`${r.row} ${r.name}`, r]));
  return after.rows.flatMap((r) => {
    const was = old.get(`${r.row} ${r.name}`);
    if (!was) return [];
    const a = numbers(r);
    const b = numbers(was);
    const changes = Object.keys(a)
      .filter((k) => k in b)
      .map((k) => {
        const change =
          b[k] === 0 ? (a[k] === 0 ? 0 : Infinity) : ((a[k] - b[k]) / Math.abs(b[k])) * 100;
        const better = lowerIsBetter(r.name, k) ? change < 0 : change > 0;
        const verdict = Math.abs(change) <= 5 ? 'same' : better ? 'better' : 'worse';
        return { key: k, before: b[k], after: a[k], change: +change.toFixed(1), verdict };
      });
    return changes.length > 0 ? [{ row: r.row, name: r.name, changes }] : [];
  });
}

/** The comparison as a Markdown table, a line per number. */
export function compareTable(rows) {
  const lines = [
    '| row | measure | number | before | after | change | verdict |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const { row, name, changes } of rows)
    for (const c of changes)
      lines.push(
        `| ${row} | ${name} | ${c.key} | ${c.before} | ${c.after} | ${c.change > 0 ? '+' : ''}${c.change} % | ${c.verdict} |`,
      );
  return lines.join('\n');
}
