// `npm run security:versions`: prints the exact versions of the packages that carry the app's
// security (read from node_modules, not from package.json's ranges), and fails when next is
// below the first release that fixes the newest advisory in docs/security.md's table.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGES = ['next', 'react', 'react-dom', 'iron-session'];

/** [major, minor, patch] of "16.4.6" (pre-release suffixes are ignored: they sort below). */
export function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(String(version).trim());
  if (!match) throw new Error(`not a version: ${version}`);
  return match.slice(1, 4).map(Number);
}

export function compareVersions(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/**
 * The advisories table of docs/security.md: rows whose first cell is a GHSA or CVE id, with the
 * first fixed 16.x release in the column headed "First fixed". Also the declared floor line.
 */
export function readAdvisories(markdown) {
  const lines = markdown.split('\n');
  const header = lines.find((l) => l.startsWith('|') && /first fixed/i.test(l));
  if (!header)
    throw new Error('docs/security.md has no advisory table with a "First fixed" column');
  const cells = (line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const fixedColumn = cells(header).findIndex((c) => /first fixed/i.test(c));
  const rows = lines
    .filter((l) => /^\|\s*(GHSA|CVE)-/.test(l))
    .map((l) => {
      const row = cells(l);
      const fixed = /\d+\.\d+\.\d+/.exec(row[fixedColumn] ?? '')?.[0];
      if (!fixed) throw new Error(`no fixed version in row: ${l}`);
      return { id: row[0], fixed };
    });
  const floor = /next-floor:\s*(\d+\.\d+\.\d+)/.exec(markdown)?.[1];
  return { rows, floor };
}

/** The lowest next release that has every fix the project knows of. */
export function requiredNext({ rows, floor }) {
  const versions = [...rows.map((r) => r.fixed), ...(floor ? [floor] : [])];
  if (versions.length === 0) throw new Error('no advisories and no floor in docs/security.md');
  return versions.sort(compareVersions).at(-1);
}

export function installedVersion(root, name) {
  const file = path.join(root, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

function main() {
  const root = process.cwd();
  const doc = path.join(root, 'docs', 'security.md');
  for (const name of PACKAGES) console.log(`${name.padEnd(13)} ${installedVersion(root, name)}`);
  const advisories = readAdvisories(fs.readFileSync(doc, 'utf8'));
  const needed = requiredNext(advisories);
  const next = installedVersion(root, 'next');
  if (compareVersions(next, needed) < 0) {
    const newer = advisories.rows
      .filter((r) => compareVersions(next, r.fixed) < 0)
      .map((r) => r.id);
    console.error(
      `next ${next} is below ${needed}, the first release with every fix in docs/security.md` +
        (newer.length ? ` (missing: ${newer.join(', ')})` : '') +
        `. Upgrade: npm install --save-exact next@${needed} eslint-config-next@${needed}`,
    );
    process.exit(1);
  }
  console.log(`next ${next} >= ${needed} (${advisories.rows.length} advisories known): ok`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
