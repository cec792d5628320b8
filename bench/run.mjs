// `npm run bench`: build, start on a free port with a fresh data folder, seed, load on loopback,
// print one table and write it as JSON (bench/results/latest.json). Numbers only: no test asserts
// a time. Runs under `node --import tsx`, for the TypeScript test support module. Options:
//   --short            a quick look (< 2 minutes): shorter runs, no 100,000-contact user, no Lighthouse
//   --row=1,4          only these rows (1 contacts page, 2 ceiling, 3 redirect, 4 scale, 5 sign-in
//                      under load, 6 memory, 7 start-up, 8 browser weight, 9 Lighthouse,
//                      10 sign-in time: unknown user vs wrong password, 11 import 20,000 contacts,
//                      12 CardDAV with vdirsyncer: 1,000 cards, Radicale beside when installed;
//                      10,000 cards except with --short; also alone: bench/carddav.mjs),
//                      13 the static ceiling: a 2 KB page from bare node:http, and rows 1–3 as a
//                      share of it (issue 16's yardstick)
//   --db=postgres      use PostgreSQL (DATABASE_URL, default the local server) in a throwaway database
//   --no-build         reuse the existing production build
//   --cpu-prof         profile the server (V8 CPU profile in bench/results/profiles) and print
//                      where its time went (bench/lib/profile.mjs); best with one row, e.g. --row=1
//   --heap-snapshot    50 clients on the signed-in list; midway the server writes a V8 heap
//                      snapshot, summed by constructor after the table (bench/lib/heap.mjs)
//   --compare OLD.json after the table, the change of each row against an earlier run's JSON
// Each run is kept as bench/results/<date and time>.json (and latest.json, a copy of the newest).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  AppServer,
  freePort,
  multipart,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
  parseForms,
  pickForm,
  signInCookie,
  tempDir,
  TEST_PASSWORD,
  TEST_SESSION_SECRET,
  waitForAnswer,
} from '../test/support/index.ts';
import { carddavRows, measureOurs, measureRadicale, seedDavAccount } from './lib/carddav.ts';
import { lighthouseScores } from './lib/lighthouse.mjs';
import { load } from './lib/load.mjs';
import { importTime, signInTimes } from './lib/timings.mjs';
import { compareRuns, compareTable } from './lib/compare.mjs';
import { printNewestSnapshot } from './lib/heap.mjs';
import { printNewestProfile } from './lib/profile.mjs';
import { browserWeight } from './lib/weight.mjs';

const args = process.argv.slice(2);
const short = args.includes('--short');
const rowsArg = args.find((a) => a.startsWith('--row='));
const wanted = new Set(
  rowsArg ? rowsArg.slice(6).split(',').map(Number) : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
);
if (short) wanted.delete(9);
const usePostgres = args.includes('--db=postgres');
const compareArg = args.findIndex((a) => a === '--compare' || a.startsWith('--compare='));
const compareWith =
  compareArg === -1
    ? null
    : args[compareArg].includes('=')
      ? args[compareArg].slice('--compare='.length)
      : args[compareArg + 1];
// Read before the long run starts, so a wrong path fails at once.
const previous = compareWith ? JSON.parse(fs.readFileSync(compareWith, 'utf8')) : null;
const duration = short ? 2 : 10;
const warmUp = short ? 1 : 3;
const connections = 10;

const table = [];
const record = (row, name, values) => {
  table.push({ row, name, ...values });
  const cols = Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`[bench] ${row} ${name}: ${cols}`);
};

// ---- database -------------------------------------------------------------------------------
let databaseUrl;
let dropDatabase = async () => {};
if (usePostgres) {
  const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `contact_cards_bench_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.end();
  };
}
const dataDir = tempDir('bench');
const baseEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  SESSION_SECRET: TEST_SESSION_SECRET,
  LOG_LEVEL: 'warn',
  // The seeds must write where the server reads: never a DATABASE_URL the shell happens to have.
  DATABASE_URL: databaseUrl ?? '',
};

function run(cmd, cmdArgs, env = baseEnv) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed`);
}

if (!args.includes('--no-build')) run(process.execPath, ['scripts/build.mjs'], process.env);

/**
 * Row 4's deep page: 40, or the last page of a smaller book. Page 40 of 100 contacts is the empty
 * "nothing on this page", half the work of 25 rows, which made the deep-page ratio look worse.
 */
const deepPage = (contacts) => Math.min(40, Math.ceil(contacts / 25));

// ---- seed (before the server starts: the embedded database allows one process) -------------------
const users = { main: { name: 'bench_1k', contacts: 1000 } };
if (wanted.has(4)) {
  users.s100 = { name: 'bench_100', contacts: 100 };
  users.s10k = { name: 'bench_10k', contacts: 10_000 };
  if (!short) users.s100k = { name: 'bench_100k', contacts: 100_000 };
}
for (const user of Object.values(users)) {
  const t = Date.now();
  run(process.execPath, [
    '--conditions=react-server',
    '--import',
    'tsx',
    'scripts/db-seed.ts',
    '--user',
    user.name,
    '--password',
    TEST_PASSWORD,
    '--contacts',
    String(user.contacts),
  ]);
  console.log(`[bench] seeded ${user.name} with ${user.contacts} contacts in ${Date.now() - t} ms`);
}

// Row 12: empty accounts with an app password each, for vdirsyncer.
const dav = wanted.has(12)
  ? {
      main: seedDavAccount(baseEnv, 'bench_dav'),
      big: short ? undefined : seedDavAccount(baseEnv, 'bench_dav10k'),
    }
  : undefined;
let davOurs;
let snapshotSince = 0;

// ---- the app ---------------------------------------------------------------------------------
const profileDir = path.resolve('bench', 'results', 'profiles');
fs.mkdirSync(profileDir, { recursive: true });
const heapSnapshot = args.includes('--heap-snapshot');
const app = await AppServer.spawn({
  dataDir,
  databaseUrl,
  stdio: 'inherit',
  args: [
    ...(args.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(heapSnapshot ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${profileDir}`] : []),
    ...SERVER_NODE_FLAGS,
    SERVER_ENTRY,
  ],
  // Row 10 signs in with a wrong password dozens of times: no lock or delay may answer first.
  env: { THROTTLE_PAIR_FAILURES: '1000000', THROTTLE_ACCOUNT_FAILURES: '1000000' },
});
const origin = app.url;
const startupMs = await waitForAnswer(`${origin}/login`);
if (wanted.has(7))
  record(7, 'start-up to first 200 on /login (existing data folder)', {
    ms: Date.now() - app.startedAt,
    pollMs: startupMs,
  });

const cookies = {};
for (const [key, user] of Object.entries(users))
  cookies[key] = await signInCookie(origin, user.name, TEST_PASSWORD);

try {
  if (wanted.has(1) || wanted.has(2)) {
    // A few seconds first, unrecorded, so the JIT has compiled the hot paths (the ceiling too).
    await load(`${origin}/contacts`, {
      duration: warmUp,
      connections,
      headers: { cookie: cookies.main },
    });
    const r = await load(`${origin}/contacts`, {
      duration,
      connections,
      headers: { cookie: cookies.main },
    });
    record(1, '/contacts page 1, 1,000 contacts', r);
  }
  if (heapSnapshot) {
    // The reliability suite's 50 clients, on the heaviest page: what the heap holds meanwhile.
    snapshotSince = Date.now();
    const half = setTimeout(() => process.kill(app.pid, 'SIGUSR2'), (duration * 1000) / 2);
    const r = await load(`${origin}/contacts`, {
      duration,
      connections: 50,
      headers: { cookie: cookies.main },
    });
    clearTimeout(half);
    record(6, '/contacts with 50 clients (heap snapshot midway)', { ...r, mb: app.peakRssMb() });
  }
  if (wanted.has(2)) {
    // The login page as a new visitor gets it: no cookie, so the custom server sends the page
    // prerendered at build time itself (server/static-login.ts).
    const r = await load(`${origin}/login`, { duration, connections });
    record(2, 'anonymous /login, no cookie (sent by the server)', r);
    // What Next costs per page before any contacts work: the same page through Next's router and
    // the middleware, where a cookie of another app on the same host is enough to send it.
    const viaNext = await load(`${origin}/login`, {
      duration,
      connections,
      headers: { cookie: 'another_app=1' },
    });
    record(2, "framework floor: anonymous /login through Next (another app's cookie)", viaNext);
  }
  if (wanted.has(3)) {
    // As a visitor with no cookie at all gets it: from the custom server, by the middleware's
    // rules (server/sign-in-redirect.ts).
    const r = await load(`${origin}/contacts`, { duration, connections });
    record(3, 'anonymous /contacts, no cookie → 307 (sent by the server)', r);
    // The same 307 from the middleware, where an expired session's cookie or another app's sends it.
    const viaNext = await load(`${origin}/contacts`, {
      duration,
      connections,
      headers: { cookie: 'another_app=1' },
    });
    record(
      3,
      "anonymous /contacts → 307 through Next's middleware (another app's cookie)",
      viaNext,
    );
  }
  if (wanted.has(4)) {
    for (const [key, label] of [
      ['s100', '100'],
      ['s10k', '10,000'],
      ['s100k', '100,000'],
    ]) {
      if (!cookies[key]) continue;
      const deep = deepPage(users[key].contacts);
      for (const [what, query] of [
        ['page 1', ''],
        ['search "an"', '?q=an'],
        [`page ${deep}`, `?page=${deep}`],
      ]) {
        const r = await load(`${origin}/contacts${query}`, {
          duration: short ? 1 : 5,
          connections,
          headers: { cookie: cookies[key] },
        });
        record(4, `scale ${label} contacts, ${what}`, r);
      }
    }
  }
  if (wanted.has(5)) {
    const idle = await load(`${origin}/contacts`, {
      duration,
      connections: 4,
      headers: { cookie: cookies.main },
    });
    // Sign-ins at the hasher's pace: a fixed no-JS form body re-posted by autocannon.
    const html = await (await fetch(`${origin}/login`)).text();
    const loginForm = pickForm(parseForms(html), { fields: ['password'] });
    const values = { username: users.main.name, password: TEST_PASSWORD };
    const form = await multipart([
      ...loginForm.fields.filter(([name]) => !(name in values)),
      ...Object.entries(values),
    ]);
    const [busy, signIns] = await Promise.all([
      load(`${origin}/contacts`, { duration, connections: 4, headers: { cookie: cookies.main } }),
      load(`${origin}/login`, {
        duration,
        connections: 4,
        method: 'POST',
        body: form.body,
        headers: { origin, 'content-type': form.contentType },
      }),
    ]);
    record(5, '/contacts p99 with no sign-ins', idle);
    record(5, '/contacts p99 during sign-ins', busy);
    record(5, 'ratio p99 during sign-ins / p99 idle', {
      ratio: +(busy.p99 / Math.max(idle.p99, 1)).toFixed(2),
    });
    record(5, 'sign-ins (POST /login, 303s)', {
      rps: signIns.rps,
      p50: signIns.p50,
      p99: signIns.p99,
      non2xx: signIns.non2xx,
    });
  }
  if (wanted.has(8)) {
    for (const w of await browserWeight(origin, ['/login'], undefined))
      record(8, `browser weight ${w.path} (gzip bytes)`, w);
    for (const w of await browserWeight(origin, ['/contacts', '/contacts/new'], cookies.main))
      record(8, `browser weight ${w.path} (gzip bytes)`, w);
  }
  if (wanted.has(9)) {
    for (const s of await lighthouseScores(origin, ['/login'], undefined))
      record(9, `Lighthouse ${s.path} (${s.preset})`, s);
    for (const s of await lighthouseScores(origin, ['/contacts'], cookies.main))
      record(9, `Lighthouse ${s.path} (${s.preset})`, s);
  }
  if (wanted.has(6))
    record(6, 'peak resident memory of the server, pages and sign-ins', { mb: app.peakRssMb() });
  if (wanted.has(10)) {
    const tries = short ? 15 : 30;
    const t = await signInTimes(origin, users.main.name, tries);
    record(10, `sign-in, wrong password (median of ${tries})`, { ms: t.wrongPassword });
    record(10, `sign-in, unknown user (median of ${tries})`, { ms: t.unknownUser });
    // What an attacker could read from the clock: well under one password check (about 10 ms).
    record(10, 'sign-in gap: wrong password against unknown user', { ms: t.gap });
  }
  if (wanted.has(11)) {
    const { ms, status } = await importTime(origin, 20_000);
    record(11, 'import 20,000 contacts (CSV, one POST, new user)', { ms, status });
  }
  // Last: its memory row is the app's resident memory after every row above and the syncs.
  if (dav) davOurs = await measureOurs(origin, app.pid, dav.main, dav.big);
  // Issue 16 asks for the peak through the whole run: the import and the syncs included.
  if (wanted.has(6) && (wanted.has(11) || dav))
    record(6, 'peak resident memory of the server, whole run (imports and syncs too)', {
      mb: app.peakRssMb(),
    });
} finally {
  await app.stop();
}

// ---- the ceiling and the floor (after the app released the data folder) ---------------------------
async function withProcess(cmdArgs, readyUrl, work) {
  const child = spawn(process.execPath, cmdArgs, {
    // React's development build is several times slower; the app runs the production one.
    env: { ...baseEnv, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    // These servers answer a request without a cookie with a 307: any answer means ready.
    await waitForAnswer(readyUrl, 30_000, { anyAnswer: true });
    return await work();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

if (wanted.has(2)) {
  const cport = await freePort();
  await withProcess(
    // Not --conditions=react-server (react-dom/server refuses it): a preload stubs `server-only`.
    [
      '--require',
      './bench/server-only-off.cjs',
      '--import',
      'tsx',
      'bench/ceiling.tsx',
      String(cport),
    ],
    `http://127.0.0.1:${cport}/`,
    async () => {
      const url = `http://127.0.0.1:${cport}/contacts`;
      await load(url, { duration: warmUp, connections, headers: { cookie: cookies.main } });
      const r = await load(url, { duration, connections, headers: { cookie: cookies.main } });
      record(2, 'ceiling: same work, no framework', r);
    },
  );
  const app1 = table.find((t) => t.row === 1);
  const floor = table.find((t) => t.name.startsWith('framework floor'));
  const ceiling = table.find((t) => t.name.startsWith('ceiling'));
  if (app1 && ceiling)
    record(2, 'ratio app / ceiling (requests/s)', { ratio: +(app1.rps / ceiling.rps).toFixed(2) });
  if (floor && ceiling)
    record(2, 'ratio framework floor / ceiling (requests/s)', {
      ratio: +(floor.rps / ceiling.rps).toFixed(2),
    });
}
if (wanted.has(3)) {
  const bport = await freePort();
  await withProcess(
    ['bench/bare-redirect.mjs', String(bport)],
    `http://127.0.0.1:${bport}/`,
    async () => {
      const r = await load(`http://127.0.0.1:${bport}/contacts`, { duration, connections });
      record(3, 'bare node:http 307', r);
    },
  );
  const [server, mw, bare] = table.filter((t) => t.row === 3);
  record(3, 'ratio server / bare (requests/s)', { ratio: +(server.rps / bare.rps).toFixed(2) });
  record(3, 'ratio middleware / bare (requests/s)', { ratio: +(mw.rps / bare.rps).toFixed(2) });
}
if (wanted.has(13)) {
  const sport = await freePort();
  const staticUrl = `http://127.0.0.1:${sport}/`;
  await withProcess(['bench/static-page.mjs', String(sport)], staticUrl, async () => {
    await load(staticUrl, { duration: warmUp, connections });
    record(
      13,
      'static ceiling: 2 KB page, bare node:http',
      await load(staticUrl, { duration, connections }),
    );
  });
  const ceiling = table.find((t) => t.row === 13);
  const share = (measure, name) => {
    const measured = table.find((t) => t.name.startsWith(measure));
    if (measured)
      record(13, `${name} as a share of the static ceiling (%)`, {
        percent: +((measured.rps / ceiling.rps) * 100).toFixed(2),
      });
  };
  share('anonymous /login, no cookie', 'anonymous /login');
  share('framework floor: anonymous /login', 'anonymous /login through Next');
  share('anonymous /contacts, no cookie → 307', 'anonymous /contacts → 307');
  share(
    'anonymous /contacts → 307 through Next',
    "anonymous /contacts → 307 through Next's middleware",
  );
  share('/contacts page 1', 'signed-in /contacts, 1,000 contacts');
}
if (wanted.has(4)) {
  const bigContacts = users[short ? 's10k' : 's100k'].contacts;
  for (const [what, smallWhat] of [
    ['page 1', 'page 1'],
    ['search "an"', 'search "an"'],
    [`page ${deepPage(bigContacts)}`, `page ${deepPage(users.s100.contacts)}`],
  ]) {
    const small = table.find((t) => t.name === `scale 100 contacts, ${smallWhat}`);
    const big = table.find(
      (t) => t.name === `scale ${short ? '10,000' : '100,000'} contacts, ${what}`,
    );
    const name = what === smallWhat ? what : `${what} : ${smallWhat}`;
    if (small && big)
      record(4, `scale ratio ${short ? '10,000' : '100,000'} : 100, ${name} (p50 latency)`, {
        ratio: +(big.p50 / Math.max(small.p50, 1)).toFixed(2),
        rpsRatio: +(small.rps / big.rps).toFixed(2),
      });
  }
}

if (davOurs) {
  // Radicale after the app has stopped, so the two never share the two cores.
  const radicale = await measureRadicale();
  for (const [name, values] of carddavRows(davOurs, radicale)) record(12, name, values);
}

await dropDatabase();
fs.rmSync(dataDir, { recursive: true, force: true });

// ---- report ------------------------------------------------------------------------------------
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${usePostgres ? 'PostgreSQL' : 'PGlite'}`;
const out = path.join('bench', 'results');
fs.mkdirSync(out, { recursive: true });
const result = { date: new Date().toISOString(), machine, short, rows: table };
const json = JSON.stringify(result, null, 2);
const runFile = path.join(out, `${result.date.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(runFile, json);
fs.writeFileSync(path.join(out, 'latest.json'), json);
console.log(`\nContact Cards benchmark — ${machine}${short ? ' (short mode)' : ''}\n`);
console.log('| row | measure | req/s | p50 ms | p99 ms | other |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const { row, name, rps, p50, p99, ...rest } of table) {
  const other = Object.entries(rest)
    .filter(([k, v]) => !(k === 'non2xx' && !v) && !(k === 'errors' && !v))
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : v}`)
    .join(', ');
  console.log(`| ${row} | ${name} | ${rps ?? ''} | ${p50 ?? ''} | ${p99 ?? ''} | ${other} |`);
}
console.log(`\nThis run: ${runFile}`);
if (args.includes('--cpu-prof')) printNewestProfile(profileDir);
if (heapSnapshot) await printNewestSnapshot(profileDir, snapshotSince);
if (previous) {
  console.log(`\nAgainst ${compareWith} (${previous.date}, ${previous.machine}):\n`);
  console.log(compareTable(compareRuns(previous, result)));
}
