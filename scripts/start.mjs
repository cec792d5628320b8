// `npm start`: build the production bundle when there is none or it is older than the sources,
// then serve it with server/index.ts. Everything a newcomer needs, nothing to configure.
import '../server/cap-malloc-arenas.ts';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureSessionSecret } from './ensure-secret.mjs';
import { emptyDatabaseTemplate } from '../lib/db/pglite-template.ts';

const root = process.cwd();
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = [
  'app',
  'lib',
  'components',
  'middleware.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsStale() {
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}

const secret = ensureSessionSecret();

if (buildIsStale()) {
  console.log('Building the production bundle (first start, or the sources changed)…');
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The embedded database starts a new data folder from a copy of an empty one, made once by a
// process of its own: made here, before the server loads, so the two never hold memory together.
if (!process.env.DATABASE_URL) await emptyDatabaseTemplate((message) => console.warn(message));

process.env.SESSION_SECRET = secret;
process.env.NODE_ENV = 'production';
await import('../server/index.ts');
