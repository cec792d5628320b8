// @ts-check
// CommonJS so that next.config.js can run it at build time (it hands the result to the Edge
// middleware through `env`); the unit tests and the route-manifest spec import it too.
const fs = require('node:fs');
const path = require('node:path');

/** Files that make a folder a route (pages and route handlers). */
const ROUTE_FILE = /^(page|route)\.(tsx|ts|jsx|js|mdx)$/;
/** Metadata files that Next serves as routes of their own (app/icon.svg is /icon.svg). */
const METADATA_FILE =
  /^(icon|apple-icon|favicon|opengraph-image|twitter-image|sitemap|robots|manifest)\d*\.\w+$/;

/**
 * The URL patterns of every page and route handler under `appDir`, as Next writes them in
 * `.next/app-path-routes-manifest.json` ("/contacts/[id]"): route groups dropped, private
 * folders (`_x`) and parallel slots (`@x`) skipped. Sorted, without duplicates.
 * @param {string} appDir
 * @returns {string[]}
 */
function appRoutePatterns(appDir) {
  /** @type {Set<string>} */
  const found = new Set();
  /** @param {string} dir @param {string[]} segments */
  const walk = (dir, segments) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        if (name.startsWith('_') || name.startsWith('@')) continue;
        const group = name.startsWith('(') && name.endsWith(')');
        walk(path.join(dir, name), group ? segments : [...segments, name]);
      } else if (ROUTE_FILE.test(entry.name)) {
        found.add(`/${segments.join('/')}`);
      } else if (segments.length === 0 && METADATA_FILE.test(entry.name)) {
        found.add(`/${entry.name}`);
      }
    }
  };
  walk(appDir, []);
  // Next's own routes: the 404 (app/not-found.tsx renders it) and the global error page.
  found.add('/_not-found');
  found.add('/_global-error');
  return [...found].sort();
}

module.exports = { appRoutePatterns };
