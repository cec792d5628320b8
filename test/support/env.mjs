// The test support module's plain-JavaScript part: what scripts/*.mjs, playwright.config.ts and
// .ci/run import before any TypeScript loader runs. Everything else is in the .ts files beside it;
// suites import the lot from test/support/index.ts.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CUSTOM_SERVER_ENTRY } from '../../scripts/custom-server-path.mjs';

/**
 * The repository's root folder: the nearest with a package.json, from where the runner started.
 * (Not import.meta: Playwright loads this file as CommonJS.)
 */
export const ROOT = (() => {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) return process.cwd();
  }
})();

/**
 * The production server's entry file, relative to the repository root: the one place to change it.
 * `npm run build` compiles server/index.ts there (scripts/build.mjs), and `npm start` serves it.
 */
export const SERVER_ENTRY = CUSTOM_SERVER_ENTRY;

/**
 * The Node flags `npm start` gives the server (package.json), for every server the suites and the
 * benchmark start (why each, measured: docs/decisions/008-performance.md).
 * --liftoff-only: PGlite's WebAssembly stays on V8's baseline compiler, whose optimising tier took
 * 550 MB for a moment at each start.
 * --max-semi-space-size=8 and --heap-growing-percent=30: under load V8 let the young generation
 * reach 128 MB and the old one 270 MB around 60 MB of live objects; these collect sooner (peak
 * 700 → 430 MB at 10 clients, 830 → 470 MB at 50, with a 16 MB semi-space; 8 MB instead of 16
 * took 13 MB more off the 50-client peak for 7 % of the list's requests per second).
 * Neither is a limit: a heap that needs more still gets it (a hard cap crashed the server once).
 * --no-sparkplug: V8's baseline compiler made machine code of every warm function, beside the
 * optimising tiers that still compile the hot ones: without it the 50-client peak is 15 MB lower,
 * the list within the machine's noise (74, 75 req/s against 75, 83).
 * --no-maglev: V8's mid-tier compiler; without it the pages' peak was 30 to 45 MB lower and no
 * longer varied by ±20 MB from run to run (317 to 325 MB against 334 to 371 on one machine, 278
 * to 294 against 325 to 330 on another). TurboFan still optimises the hot functions; the list's
 * requests per second were 15 % lower on the first machine and the same on the second.
 */
export const SERVER_NODE_FLAGS = [
  '--liftoff-only',
  '--max-semi-space-size=8',
  '--heap-growing-percent=30',
  '--no-sparkplug',
  '--no-maglev',
];

/** The password of every user the suites create (long and uncommon enough to be accepted). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** SESSION_SECRET of every server the suites start: e2e seals cookies with it. */
export const TEST_SESSION_SECRET = 'e2e-secret-not-for-production-0123456789abcdef';

/** A TCP port free on 127.0.0.1 right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** A new empty folder under the system's temporary folder. @param {string} prefix */
export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `contact-cards-${prefix}-`));
}

/** @param {number} ms @returns {Promise<void>} */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The system Chromium the e2e suite drives, if there is one. The old headless shell first (Debian's
 * chromium-headless-shell, what Playwright itself runs headless): on two cores the suite's time is
 * Chromium's (80 % of the CPU it used; the two servers 5 %), and the full browser in its new
 * headless mode spent twice the shell's CPU on the same tests (543 against 262 s over three spec
 * files; the whole suite 22.3 against 11.8 minutes).
 */
export function chromiumPath() {
  const candidates = [
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE,
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((c) => c && fs.existsSync(c));
}
