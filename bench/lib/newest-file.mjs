import fs from 'node:fs';
import path from 'node:path';

/** The most recently written file in `dir` ending in `ending` (not older than `since`), if any. */
export function newestFile(dir, ending, since = 0) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ending))
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).mtimeMs >= since)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}
