// `npm run test:postgres`: the database-touching tests (unit and end-to-end) against PostgreSQL,
// in throwaway databases created here and dropped afterwards. The server comes from DATABASE_URL
// (default: the local server as user postgres).
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { recordTotals, runUnitSuite, totalsLine } from '../test/support/totals.mjs';
import { databaseTestFiles } from './lib/database-tests.mjs';

const admin = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const stamp = `${Date.now().toString(36)}_${process.pid}`;
const names = { main: `contact_cards_test_${stamp}`, strict: `contact_cards_test_${stamp}_strict` };
const urlFor = (name) => {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
};

async function withAdmin(work) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

try {
  await withAdmin(async (c) => {
    for (const name of Object.values(names)) await c.query(`create database "${name}"`);
  });
} catch (error) {
  console.error(
    `test:postgres could not create its databases on ${new URL(admin).host}: ${error.message}`,
  );
  recordTotals('postgres', { failed: 1 });
  process.exit(1);
}

const env = {
  ...process.env,
  DATABASE_URL: urlFor(names.main),
  E2E_STRICT_DATABASE_URL: urlFor(names.strict),
};
const run = (args, extra = {}) =>
  spawnSync('npm', ['run', '--silent', ...args], { stdio: 'inherit', env: { ...env, ...extra } })
    .status ?? 1;

let failed = 0;
// Only the unit files that open a database: the others cannot differ by database.
failed |= runUnitSuite('unit-postgres', run, databaseTestFiles());
// Every form runs with and without JavaScript on PGlite; here the database is what differs.
failed |= run(['test:e2e', '--', '--project=js'], {
  E2E_SUITE_NAME: 'e2e-postgres',
  // Layout, headers and redirects are the same on every database (playwright.config.ts).
  E2E_DATABASE_FOCUS: '1',
  // The sync story's volume (1,000 cards) is PGlite's run; here 100 cover the protocol's queries.
  CARDDAV_SPEC_CARDS: process.env.CARDDAV_SPEC_CARDS ?? '100',
  E2E_SKIP_BUILD: process.env.E2E_SKIP_BUILD ?? '',
});

await withAdmin(async (c) => {
  for (const name of Object.values(names))
    await c.query(`drop database if exists "${name}" with (force)`);
});
console.log(totalsLine());
process.exit(failed ? 1 : 0);
