// The unit test files that open a database: those whose imports reach lib/db/client.ts. The
// PostgreSQL suite runs only these; the rest (parsers, rules, formatting) cannot differ by
// database and have just run on the embedded one.
import fs from 'node:fs';
import path from 'node:path';

const ROOTS = ['lib', 'app', 'server', 'scripts', 'test', 'bench', 'components'];
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];
const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
const DATABASE = path.resolve('lib/db/client.ts');

function resolveImport(from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.resolve(specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file) {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)]
    .map((m) => resolveImport(file, m[1]))
    .filter((f) => f !== null);
}

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') walk(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Test files (relative paths) that reach the database client through their imports. */
export function databaseTestFiles() {
  const reaches = new Map();
  const visit = (file, seen = new Set()) => {
    if (reaches.has(file)) return reaches.get(file);
    if (seen.has(file)) return false;
    seen.add(file);
    const result = file === DATABASE || importsOf(file).some((f) => visit(f, seen));
    reaches.set(file, result);
    return result;
  };
  const tests = ROOTS.filter((r) => fs.existsSync(r)).flatMap((r) => walk(r, []));
  return tests.filter((t) => visit(path.resolve(t))).map((t) => path.relative('.', t));
}
