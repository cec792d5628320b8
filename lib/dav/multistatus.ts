import type { DavUser } from './auth';
import { D, type QName } from './names';
import { propertyOf, type Target } from './properties';
import { element, href } from './xml-write';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  424: 'Failed Dependency',
  507: 'Insufficient Storage',
};
const statusLine = (code: number) =>
  element(D('status'), `HTTP/1.1 ${code} ${STATUS_TEXT[code] ?? ''}`.trim());

/** `<propstat>`: the properties with one status. */
export const propstat = (code: number, props: string) =>
  element(D('propstat'), element(D('prop'), props) + statusLine(code));

/** Who asks: the user, and whether they asked for a minimal answer (no 404 propstat). */
export interface Asker {
  user: DavUser;
  minimal: boolean;
}

/**
 * One `<response>` with the properties found (200) and the names not found (404), unless the
 * client asked to leave those out (`Prefer: return=minimal`, RFC 8144; `Brief: t` from Apple).
 */
export async function propResponse(
  t: Target,
  names: QName[],
  { user, minimal }: Asker,
  extra: Map<QName, string> = new Map(),
): Promise<string> {
  const found: string[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const raw = extra.get(name) ?? propertyOf(t, name, user);
    const value = typeof raw === 'function' ? await raw() : raw;
    if (value === undefined) missing.push(element(name));
    else found.push(element(name, value));
  }
  const stats = [
    found.length ? propstat(200, found.join('')) : '',
    missing.length && !minimal ? propstat(404, missing.join('')) : '',
  ].join('');
  return element(D('response'), href(t.path) + stats);
}

/** A `<response>` with just a status: a removed member in a sync, a multiget href not found. */
export const statusResponse = (path: string, code: number) =>
  element(D('response'), href(path) + statusLine(code));
