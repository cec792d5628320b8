// Imported first by the server's entry files (scripts/start.mjs, server/index.ts): the process
// replaces itself before it loads anything else (why: malloc-arenas.ts).
import { restartWithArenaCap } from './malloc-arenas.ts';

restartWithArenaCap();
