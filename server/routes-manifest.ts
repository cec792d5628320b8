import fs from 'node:fs';
import path from 'node:path';

/** The parts of the build's `routes-manifest.json` the server answers by itself from. */
export interface RoutesManifest {
  headers: {
    regex: string;
    has?: unknown;
    missing?: unknown;
    headers: { key: string; value: string }[];
  }[];
  rsc: { varyHeader: string };
}

export function readRoutesManifest(distDir: string): RoutesManifest {
  return JSON.parse(
    fs.readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8'),
  ) as RoutesManifest;
}

/**
 * The headers the build's own rules (next.config.js `headers()`, compiled into the manifest) give
 * a path, in their order, the way Next would add them; the rules' patterns compiled once, since
 * the sign-in redirect asks on every request it answers. The app's rules have no `has` or
 * `missing` conditions; a rule with one is left out rather than guessed at.
 */
export function headerRules(
  manifest: RoutesManifest,
): (pathname: string) => Record<string, string> {
  const rules = manifest.headers
    .filter((rule) => !rule.has && !rule.missing)
    .map((rule) => ({ pattern: new RegExp(rule.regex), headers: rule.headers }));
  return (pathname) => {
    const headers: Record<string, string> = {};
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
    }
    return headers;
  };
}
