import type { Sample } from '../../support';

/** Latency percentiles and error counts of a run, printed as one block per scenario. */
export interface Summary {
  requests: number;
  serverErrors: number;
  failures: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarize(samples: Sample[], seconds?: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const span =
    seconds ??
    (samples.length
      ? (Math.max(...samples.map((s) => s.at)) - Math.min(...samples.map((s) => s.at))) / 1000
      : 0);
  return {
    requests: samples.length,
    serverErrors: samples.filter((s) => s.status >= 500).length,
    failures: samples.filter((s) => s.status === 0).length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
    perSecond: span > 0 ? samples.length / span : 0,
  };
}

const fmt = (n: number) => `${Math.round(n)} ms`;

export function report(title: string, samples: Sample[], seconds?: number): Summary {
  const s = summarize(samples, seconds);
  const lines = [
    `── ${title}`,
    `   requests ${s.requests} (${s.perSecond.toFixed(1)}/s), 5xx ${s.serverErrors}, network errors/timeouts ${s.failures}`,
    `   latency p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}`,
  ];
  const ops = new Map<string, Sample[]>();
  for (const sample of samples) {
    const list = ops.get(sample.op) ?? [];
    list.push(sample);
    ops.set(sample.op, list);
  }
  for (const [op, list] of [...ops].sort((a, b) => b[1].length - a[1].length)) {
    const o = summarize(list, seconds);
    const statuses = [...new Set(list.map((x) => x.status))].sort().join('/');
    lines.push(
      `   ${op.padEnd(34)} ${String(o.requests).padStart(6)}  p50 ${fmt(o.p50).padStart(8)}  p95 ${fmt(o.p95).padStart(8)}  max ${fmt(o.max).padStart(8)}  status ${statuses}`,
    );
  }
  const errors = samples.filter((x) => x.error).slice(0, 5);
  for (const e of errors) lines.push(`   error: ${e.op}: ${e.error}`);
  console.log(lines.join('\n'));
  return s;
}

/** Prints a scenario's checks, one line each, so the log says what was verified. */
export function note(...lines: string[]): void {
  console.log(lines.map((l) => `   ✓ ${l}`).join('\n'));
}
