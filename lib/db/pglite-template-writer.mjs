// `node lib/db/pglite-template-writer.mjs FILE`: writes the empty database's copy to FILE, in a
// process of its own (lib/db/pglite-template.ts says why). Loaded by path, never bundled.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const file = process.argv[2];
const db = await PGlite.create();
const dump = await db.dumpDataDir('gzip');
await db.close();
fs.mkdirSync(path.dirname(file), { recursive: true });
// Written aside and renamed: a reader never sees half a file, and two writers end the same.
const partial = `${file}.${process.pid}.partial`;
fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
fs.renameSync(partial, file);
