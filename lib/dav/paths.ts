/** Where the address book lives: one URL layout, built and read only here. */
export const DAV_ROOT = '/dav/';
export const WELL_KNOWN = '/.well-known/carddav';
/** The one address book each user has. */
const BOOK = 'contacts';

const seg = (s: string) => encodeURIComponent(s);

export const principalPath = (userKey: string) => `${DAV_ROOT}principals/${seg(userKey)}/`;
export const homePath = (userKey: string) => `${DAV_ROOT}addressbooks/${seg(userKey)}/`;
export const bookPath = (userKey: string) => `${homePath(userKey)}${BOOK}/`;
export const cardPath = (userKey: string, name: string) => `${bookPath(userKey)}${seg(name)}`;

export type Resource =
  | { kind: 'root' }
  | { kind: 'principals' }
  | { kind: 'principal'; user: string }
  | { kind: 'home'; user: string }
  | { kind: 'book'; user: string }
  | { kind: 'card'; user: string; name: string }
  | { kind: 'none' };

/** Card names are the client's: anything but a slash, control characters or a dot-only name. */
const CARD_NAME = /^(?!\.{1,2}$)[^/\u0000-\u001f\u007f]{1,255}$/;

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** What a request path names; `none` for anything outside the layout. */
export function resourceAt(pathname: string): Resource {
  if (pathname === '/dav' || pathname === DAV_ROOT) return { kind: 'root' };
  if (!pathname.startsWith(DAV_ROOT)) return { kind: 'none' };
  const raw = pathname.slice(DAV_ROOT.length).split('/');
  // A trailing slash is optional on collections; an empty segment anywhere else is not a name.
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  const parts = raw.map(decode);
  if (parts.some((p) => p === null || p === '')) return { kind: 'none' };
  const [area, user, book, name, ...more] = parts as string[];
  if (more.length > 0) return { kind: 'none' };
  if (area === 'principals') {
    if (user === undefined) return { kind: 'principals' };
    return book === undefined ? { kind: 'principal', user } : { kind: 'none' };
  }
  if (area !== 'addressbooks' || user === undefined) return { kind: 'none' };
  if (book === undefined) return { kind: 'home', user };
  if (book !== BOOK) return { kind: 'none' };
  if (name === undefined) return { kind: 'book', user };
  // A decoded slash would name something else than the path shows.
  return CARD_NAME.test(name) ? { kind: 'card', user, name } : { kind: 'none' };
}

/** The path a multiget `href` names, whether it is absolute (`https://host/dav/…`) or not. */
export function pathOfHref(href: string): string | null {
  try {
    return new URL(href, 'http://localhost').pathname;
  } catch {
    return null;
  }
}
