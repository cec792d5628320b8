/**
 * Support for the CardDAV protocol tests (lib/dav/*.protocol.test.ts): an in-process server, a
 * raw HTTP client, test users with app passwords, and namespace-aware reading of multistatus
 * bodies. The tests are written from the RFCs and docs/notes contracts, not from the handler.
 *
 * The client is node:http rather than fetch on purpose: fetch's URL parser removes `..` segments
 * (the path-traversal tests need them sent as they are) and it cannot send a non-UTF-8 body as
 * bytes without a copy; node:http also lets each test user come from its own loopback address,
 * so the per-address sign-in throttle of one test (or of another file on the shared PostgreSQL
 * database) never refuses another's requests.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { createUser } from '../auth/accounts';
import { usernameKey } from '../auth/username';
import { getDb } from '../db/client';
import { appPasswords, contacts } from '../db/schema';
import { handleDav } from './handler';

export const NS = {
  D: 'DAV:',
  C: 'urn:ietf:params:xml:ns:carddav',
  CS: 'http://calendarserver.org/ns/',
} as const;

// ---------------------------------------------------------------------------------------------
// The server

export interface DavServer {
  port: number;
  origin: string;
}

/**
 * One in-process server for the whole file (started in beforeAll, closed in afterAll). The
 * returned object is filled in when the server listens.
 */
export function startDavServer(): DavServer {
  const server = http.createServer((req, res) => void handleDav(req, res));
  const state: DavServer = { port: 0, origin: '' };
  beforeAll(async () => {
    // Opening and migrating the database takes seconds: in the hook (60 s), not the first test.
    await getDb();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.port = (server.address() as AddressInfo).port;
    state.origin = `http://127.0.0.1:${state.port}`;
    // PGlite's first open runs every migration; on a busy two-core machine that passed 60 s.
  }, 180_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return state;
}

// ---------------------------------------------------------------------------------------------
// Users and app passwords (the contract in docs: /work/notes13/contracts.md)

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** SHA-256 hex of the normalised secret: dashes and whitespace removed, lower case. */
const hashSecret = (typed: string) =>
  createHash('sha256').update(typed.replace(/[-\s]/g, '').toLowerCase(), 'utf8').digest('hex');

/** A secret as the account page shows it: 30 base32 characters in 6 groups of 5. */
function newSecret(): string {
  const bytes = randomBytes(30);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** Inserts an app password row directly (the app-passwords module is not needed for this). */
export async function addAppPassword(userId: string, name = 'test phone') {
  const secret = newSecret();
  const db = await getDb();
  const [row] = await db
    .insert(appPasswords)
    .values({ userId, name, secretHash: hashSecret(secret) })
    .returning({ id: appPasswords.id });
  return { id: row!.id, secret };
}

export async function revokeAppPasswordRow(id: string): Promise<void> {
  await (await getDb()).delete(appPasswords).where(eq(appPasswords.id, id));
}

export interface Credentials {
  username: string;
  password: string;
  /** The loopback address the request comes from (its own throttle bucket). */
  address?: string;
}

export interface DavUser extends Credentials {
  id: string;
  key: string;
  /** The account (web sign-in) password: never valid for DAV. */
  accountPassword: string;
  appPasswordId: string;
  address: string;
  principal: string;
  home: string;
  book: string;
}

let serial = 0;
/** A 127.x.y.z address of its own (Linux routes all of 127/8 to the loopback interface). */
export const loopback = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;

/** A new account with one app password; unique names, so files can share a PostgreSQL database. */
export async function newDavUser(prefix = 'dav'): Promise<DavUser> {
  serial += 1;
  const username = `${prefix}${serial}_${randomBytes(5).toString('hex')}`.slice(0, 32);
  const accountPassword = `account password ${randomBytes(6).toString('hex')}`;
  const user = await createUser(username, accountPassword);
  if (!user) throw new Error('could not create a test user');
  const { id: appPasswordId, secret } = await addAppPassword(user.id);
  const key = usernameKey(username);
  const seg = encodeURIComponent(key);
  return {
    id: user.id,
    username,
    key,
    password: secret,
    accountPassword,
    appPasswordId,
    address: loopback(),
    principal: `/dav/principals/${seg}/`,
    home: `/dav/addressbooks/${seg}/`,
    book: `/dav/addressbooks/${seg}/contacts/`,
  };
}

/** The contact id behind a card (for the web-side data layer), by its DAV name. */
export async function contactIdByHref(ownerId: string, name: string): Promise<string | undefined> {
  const db = await getDb();
  const rows = await db
    .select({ id: contacts.id, href: contacts.href })
    .from(contacts)
    .where(eq(contacts.ownerId, ownerId));
  return rows.find((r) => r.href === name)?.id;
}

// ---------------------------------------------------------------------------------------------
// The client

export interface DavResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  header(name: string): string | undefined;
  /** The body as XML (throws when it is not well-formed). */
  xml(): Document;
}

export interface DavRequest {
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Credentials for Basic auth; null sends none. */
  auth?: Credentials | null;
  /** The Depth header, a shortcut. */
  depth?: '0' | '1' | 'infinity';
  /** The loopback address to send from when there are no credentials to take it from. */
  from?: string;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
}

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

/** Sends one request; `path` goes on the request line as it is (no normalisation). */
export function dav(
  server: DavServer,
  method: string,
  path: string,
  opts: DavRequest = {},
): Promise<DavResponse> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.auth) headers.authorization ??= basic(opts.auth.username, opts.auth.password);
  if (opts.depth) headers.depth = opts.depth;
  const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
  if (body) {
    if (!opts.chunked) headers['content-length'] = String(body.length);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/xml; charset=utf-8';
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers,
        agent: false,
        localAddress: opts.auth?.address ?? opts.from,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: buf,
            text,
            header: (name) => {
              const v = res.headers[name.toLowerCase()];
              return Array.isArray(v) ? v.join(', ') : v;
            },
            xml: () => parseXml(text),
          });
        });
      },
    );
    // A server that answers (413, 400) before reading the whole body may reset the socket while
    // we still write: the answer already arrived, so a write error is not the test's failure.
    req.on('error', reject);
    if (body && opts.chunked) {
      // Several writes, so the body goes out in chunks.
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    } else if (body) req.end(body);
    else req.end();
  });
}

/** A client bound to one server and one user: `c.propfind(path, xml, '0')` and so on. */
export function client(server: DavServer, user: Credentials) {
  const send = (method: string, path: string, opts: DavRequest = {}) =>
    dav(server, method, path, { auth: user, ...opts });
  return {
    send,
    propfind: (path: string, body: string | undefined, depth: '0' | '1' | 'infinity' = '0') =>
      send('PROPFIND', path, { body, depth }),
    report: (path: string, body: string, depth: '0' | '1' = '0') =>
      send('REPORT', path, { body, depth }),
    get: (path: string, headers: Record<string, string> = {}) => send('GET', path, { headers }),
    put: (path: string, card: string | Buffer, headers: Record<string, string> = {}) =>
      send('PUT', path, {
        body: card,
        headers: { 'content-type': 'text/vcard; charset=utf-8', ...headers },
      }),
    del: (path: string, headers: Record<string, string> = {}) => send('DELETE', path, { headers }),
  };
}

// ---------------------------------------------------------------------------------------------
// XML

export function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML (${message}): ${text}`);
    },
  }).parseFromString(text, 'text/xml');
}

const elements = (parent: Element | Document, ns: string, local: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS(ns, local));

/** Direct children in a namespace (any local name when `local` is omitted). */
export function children(parent: Element, ns?: string, local?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (n): n is Element =>
      n.nodeType === 1 &&
      (ns === undefined || (n as Element).namespaceURI === ns) &&
      (local === undefined || (n as Element).localName === local),
  );
}

const child = (parent: Element, ns: string, local: string): Element | undefined =>
  children(parent, ns, local)[0];

export const textOf = (el: Element | undefined): string => (el?.textContent ?? '').trim();

/** "HTTP/1.1 404 Not Found" → 404. */
function statusCode(line: string): number {
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(line.trim());
  if (!m) throw new Error(`not a status line: ${JSON.stringify(line)}`);
  return Number(m[1]);
}

interface PropStat {
  status: number;
  props: Element[];
}

export interface MultiResponse {
  /** The href as a decoded absolute path (an absolute URL's host dropped). */
  href: string;
  rawHref: string;
  /** The response's own DAV:status (members removed, 404 in a multiget, a 507 truncation). */
  status?: number;
  propstats: PropStat[];
  error?: Element;
  el: Element;
}

/** An href → its path, percent-decoded, for comparing with the paths the tests build. */
function hrefPath(href: string): string {
  const path = /^https?:/i.test(href) ? new URL(href).pathname : href;
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape: compared as it is
  }
}

export interface MultiStatus {
  responses: MultiResponse[];
  syncToken?: string;
  doc: Document;
}

/** Reads a 207 body; throws when its root is not DAV:multistatus. */
export function multistatus(text: string): MultiStatus {
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.D || root.localName !== 'multistatus')
    throw new Error(`not a DAV:multistatus: ${text.slice(0, 500)}`);
  const responses = children(root, NS.D, 'response').map((el) => {
    const rawHref = textOf(child(el, NS.D, 'href'));
    const st = child(el, NS.D, 'status');
    return {
      href: hrefPath(rawHref),
      rawHref,
      status: st ? statusCode(textOf(st)) : undefined,
      propstats: children(el, NS.D, 'propstat').map((ps) => ({
        status: statusCode(textOf(child(ps, NS.D, 'status'))),
        props: children(child(ps, NS.D, 'prop') ?? ps, undefined),
      })),
      error: child(el, NS.D, 'error'),
      el,
    } satisfies MultiResponse;
  });
  const token = child(root, NS.D, 'sync-token');
  return { responses, syncToken: token ? textOf(token) : undefined, doc };
}

/** The response for one path (trailing slash ignored); throws with the hrefs when there is none. */
export function responseFor(ms: MultiStatus, path: string): MultiResponse {
  const want = decodeURIComponent(path).replace(/\/$/, '');
  const found = ms.responses.find((r) => r.href.replace(/\/$/, '') === want);
  if (!found)
    throw new Error(`no response for ${path}; got ${ms.responses.map((r) => r.href).join(', ')}`);
  return found;
}

/** One property of a response: its element and the status of the propstat it is in. */
export function prop(
  r: MultiResponse,
  ns: string,
  local: string,
): { status: number; el: Element } | undefined {
  for (const ps of r.propstats) {
    const el = ps.props.find((p) => p.namespaceURI === ns && p.localName === local);
    if (el) return { status: ps.status, el };
  }
  return undefined;
}

/** A property that must be there with 200: its element. */
export function okProp(r: MultiResponse, ns: string, local: string): Element {
  const p = prop(r, ns, local);
  if (!p) throw new Error(`${ns}${local} missing from the response for ${r.href}`);
  if (p.status !== 200) throw new Error(`${ns}${local} answered ${p.status} for ${r.href}`);
  return p.el;
}

/** The hrefs inside a property such as DAV:current-user-principal, as paths. */
export const hrefsIn = (el: Element): string[] =>
  elements(el, NS.D, 'href').map((h) => hrefPath(textOf(h)));

/** Reads an error body (RFC 4918 §16): the DAV:error root's child names as `{ns}local`. */
export function errorConditions(text: string): string[] {
  const doc = parseXml(text);
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.D || root.localName !== 'error') return [];
  return children(root).map((c) => `{${c.namespaceURI}}${c.localName}`);
}

// ---------------------------------------------------------------------------------------------
// Request bodies and cards

const XMLNS = `xmlns:D="DAV:" xmlns:C="${NS.C}" xmlns:CS="${NS.CS}"`;

export const propfindBody = (...props: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<D:propfind ${XMLNS}><D:prop>${props
    .map((p) => `<${p}/>`)
    .join('')}</D:prop></D:propfind>`;

export const syncBody = (token: string, opts: { limit?: number; props?: string[] } = {}) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<D:sync-collection ${XMLNS}><D:sync-token>${escapeXml(token)}</D:sync-token><D:sync-level>1</D:sync-level>${
    opts.limit === undefined ? '' : `<D:limit><D:nresults>${opts.limit}</D:nresults></D:limit>`
  }<D:prop>${(opts.props ?? ['D:getetag']).map((p) => `<${p}/>`).join('')}</D:prop></D:sync-collection>`;

export const multigetBody = (hrefs: string[], addressData = '<C:address-data/>') =>
  `<?xml version="1.0" encoding="utf-8"?>\n<C:addressbook-multiget ${XMLNS}><D:prop><D:getetag/>${addressData}</D:prop>${hrefs
    .map((h) => `<D:href>${escapeXml(h)}</D:href>`)
    .join('')}</C:addressbook-multiget>`;

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface CardSpec {
  uid?: string;
  fn?: string;
  n?: string;
  email?: string;
  tel?: string;
  /** Extra content lines, as they are. */
  extra?: string[];
  version?: '3.0' | '4.0';
}

/** A well-formed vCard with CRLF line ends (RFC 6350 §3.2 / RFC 2426), ending in CRLF. */
export function vcard(spec: CardSpec = {}): string {
  const version = spec.version ?? '3.0';
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `UID:${spec.uid ?? `urn:uuid:${randomUUIDish()}`}`,
    `FN:${spec.fn ?? 'Test Person'}`,
    `N:${spec.n ?? 'Person;Test;;;'}`,
    ...(spec.email ? [`EMAIL;TYPE=INTERNET:${spec.email}`] : []),
    ...(spec.tel ? [`TEL;TYPE=CELL:${spec.tel}`] : []),
    ...(spec.extra ?? []),
    'END:VCARD',
  ];
  return lines.join('\r\n') + '\r\n';
}

function randomUUIDish(): string {
  const h = randomBytes(16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A fresh card name a client would choose. */
export const cardName = (stem = 'card') => `${stem}-${randomBytes(6).toString('hex')}.vcf`;

/** A strong entity tag: `"…"`, not `W/"…"` (RFC 9110 §8.8.3). */
export const STRONG_ETAG = /^"[\x21\x23-\x7e\x80-\xff]*"$/;

/** An RFC 9110 IMF-fixdate, as DAV:getlastmodified and Last-Modified carry it. */
export const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
