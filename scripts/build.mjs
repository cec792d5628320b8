// `npm run build`: Next's production build, its server chunks made one-byte text
// (scripts/one-byte-chunks.mjs), then the custom server (server/*.ts and what it imports)
// compiled to JavaScript in .next/custom-server. Node can run the TypeScript itself, but
// its type stripping loads a WebAssembly compiler into the process and keeps it: 17 to 22 MB of
// a server's resident memory, measured (docs/decisions/008-performance.md). `npm run dev` still
// runs server/index.ts as it is.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CUSTOM_SERVER_DIR } from './custom-server-path.mjs';
import { oneByteChunks } from './one-byte-chunks.mjs';

// The server, and what scripts/start.mjs runs in the same process before it.
const ENTRIES = ['server/index.ts', 'lib/db/pglite-template.ts'];

/** Compiles the entries and every file of ours they import; throws on a syntax error. */
function compileServer() {
  const root = process.cwd();
  const outDir = path.join(root, CUSTOM_SERVER_DIR);
  fs.rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram(
    ENTRIES.map((entry) => path.join(root, entry)),
    {
      rootDir: root,
      outDir,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2023,
      // The sources import './x.ts' as Node's type stripping requires; the output imports './x.js'.
      rewriteRelativeImportExtensions: true,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      esModuleInterop: true,
      skipLibCheck: true,
      // `npm run typecheck` checks the types; this only emits.
      noCheck: true,
      types: ['node'],
    },
  );
  const { emitSkipped, diagnostics } = program.emit();
  const problems = [...program.getSyntacticDiagnostics(), ...diagnostics];
  if (emitSkipped || problems.length) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    };
    throw new Error(ts.formatDiagnostics(problems, host) || 'the server was not compiled');
  }
  // Every file is an ES module, as server/package.json says of the sources.
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
}

const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
const built = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const { changed, left } = oneByteChunks(path.join('.next', 'server'));
console.log(`Server chunks: ${changed} rewritten as one-byte text, ${left} left as they were`);
compileServer();
console.log(`Custom server compiled to ${CUSTOM_SERVER_DIR}`);
