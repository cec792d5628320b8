// `npm start`: build the production bundle when there is none or it is older than the sources,
// then serve it with the custom server compiled by the build (scripts/build.mjs). Everything a
// newcomer needs, nothing to configure. Nothing here imports TypeScript: this process becomes
// the server, and Node's type stripping would stay in its memory (scripts/build.mjs says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CUSTOM_SERVER_DIR, CUSTOM_SERVER_ENTRY } from './custom-server-path.mjs';
import { ensureSessionSecret } from './ensure-secret.mjs';

const root = process.cwd();
const buildId = path.join(root, '.next', 'BUILD_ID');
const sources = [
  'app',
  'lib',
  'components',
  'server',
  'scripts/build.mjs',
  'scripts/one-byte-chunks.mjs',
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
  if (!fs.existsSync(buildId) || !fs.existsSync(path.join(root, CUSTOM_SERVER_ENTRY))) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}

const secret = ensureSessionSecret();

if (buildIsStale()) {
  console.log('Building the production bundle (first start, or the sources changed)…');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const compiled = (file) => import(pathToFileURL(path.join(root, CUSTOM_SERVER_DIR, file)).href);
// The process replaces itself here, before it loads anything else (server/malloc-arenas.ts).
await compiled('server/cap-malloc-arenas.js');
const { emptyDatabaseTemplate } = await compiled('lib/db/pglite-template.js');

// The embedded database starts a new data folder from a copy of an empty one, made once by a
// process of its own: made here, before the server loads, so the two never hold memory together.
if (!process.env.DATABASE_URL) await emptyDatabaseTemplate((message) => console.warn(message));

process.env.SESSION_SECRET = secret;
process.env.NODE_ENV = 'production';
await compiled('server/index.js');
