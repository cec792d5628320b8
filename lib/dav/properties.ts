import 'server-only';
import type { DavBook, DavCardMeta } from '../contacts/store/dav';
import { davBytesUsed } from '../contacts/store/dav';
import type { DavUser } from './auth';
import { CARD_MAX_BYTES } from './body';
import { C, CS, D, type QName } from './names';
import { bookPath, cardPath, DAV_ROOT, homePath, principalPath } from './paths';
import { quoted } from './preconditions';
import { syncToken } from './sync-token';
import { element, escapeXml, href } from './xml-write';

/** A resource a PROPFIND or REPORT answers for, with what its properties are read from. */
export type Target =
  | { kind: 'root' | 'principals' | 'principal' | 'home'; path: string }
  | { kind: 'book'; path: string; book: DavBook }
  | { kind: 'card'; path: string; card: DavCardMeta };

export const rootTarget = (): Target => ({ kind: 'root', path: DAV_ROOT });
export const principalsTarget = (): Target => ({
  kind: 'principals',
  path: `${DAV_ROOT}principals/`,
});
export const principalTarget = (u: DavUser): Target => ({
  kind: 'principal',
  path: principalPath(u.key),
});
export const homeTarget = (u: DavUser): Target => ({ kind: 'home', path: homePath(u.key) });
export const bookTarget = (u: DavUser, book: DavBook): Target => ({
  kind: 'book',
  path: bookPath(u.key),
  book,
});
export const cardTarget = (u: DavUser, card: DavCardMeta): Target => ({
  kind: 'card',
  path: cardPath(u.key, card.href),
  card,
});

/** What an address book may hold: a quota well above 20,000 cards with photos. */
const QUOTA_BYTES = 1024 * 1024 * 1024;

const privileges = (names: string[]) =>
  names.map((n) => element(D('privilege'), element(D(n)))).join('');
const READ_ONLY = ['read', 'read-current-user-privilege-set'];
const READ_WRITE = [...READ_ONLY, 'write', 'write-properties', 'write-content', 'bind', 'unbind'];

const REPORTS = [D('sync-collection'), C('addressbook-multiget'), C('addressbook-query')];
const supportedReports = (names: QName[]) =>
  names.map((n) => element(D('supported-report'), element(D('report'), element(n)))).join('');

const httpDate = (d: Date) => d.toUTCString();

/** A value, or how to read it when it costs a query (called only when the property is asked for). */
type Value = string | undefined | (() => Promise<string>);

/** The properties allprop returns (RFC 4918 §9.1: the live ones; quotas cost a scan, so not). */
export const ALLPROP: QName[] = [
  D('resourcetype'),
  D('displayname'),
  D('getetag'),
  D('getcontenttype'),
  D('getcontentlength'),
  D('getlastmodified'),
  D('current-user-principal'),
  D('owner'),
  D('sync-token'),
  CS('getctag'),
];

/** The inner XML of one property of `t`, or undefined when `t` has no such property (a 404). */
export function propertyOf(t: Target, name: QName, user: DavUser): Value {
  const book = t.kind === 'book' ? t.book : null;
  const card = t.kind === 'card' ? t.card : null;
  const collection = t.kind !== 'card';
  switch (name) {
    case D('resourcetype'):
      if (t.kind === 'principal') return element(D('collection')) + element(D('principal'));
      if (book) return element(D('collection')) + element(C('addressbook'));
      return collection ? element(D('collection')) : '';
    case D('displayname'):
      if (book) return escapeXml(book.name);
      if (t.kind === 'principal') return escapeXml(user.username);
      if (t.kind === 'root') return 'Contact Cards';
      return undefined;
    case D('current-user-principal'):
      return href(principalPath(user.key));
    case D('principal-URL'):
      return t.kind === 'principal' ? href(t.path) : undefined;
    case D('owner'):
      return t.kind === 'root' || t.kind === 'principals'
        ? undefined
        : href(principalPath(user.key));
    case D('principal-collection-set'):
      return href(`${DAV_ROOT}principals/`);
    case C('addressbook-home-set'):
      return t.kind === 'principal' ? href(homePath(user.key)) : undefined;
    case D('current-user-privilege-set'):
      return privileges(book || card ? READ_WRITE : READ_ONLY);
    case D('supported-report-set'):
      return book ? supportedReports(REPORTS) : card ? '' : undefined;
    case D('sync-token'):
      return book ? escapeXml(syncToken(book.revision)) : undefined;
    case CS('getctag'):
      return book ? escapeXml(syncToken(book.revision)) : undefined;
    case C('supported-address-data'):
      return book
        ? ['3.0', '4.0']
            .map((v) => `<card:address-data-type content-type="text/vcard" version="${v}"/>`)
            .join('')
        : undefined;
    case C('max-resource-size'):
      return book ? String(CARD_MAX_BYTES) : undefined;
    case C('addressbook-description'):
      return book ? 'Contacts kept by Contact Cards' : undefined;
    case D('quota-used-bytes'):
      return book ? () => davBytesUsed(user.id).then(String) : undefined;
    case D('quota-available-bytes'):
      return book
        ? () => davBytesUsed(user.id).then((used) => String(Math.max(0, QUOTA_BYTES - used)))
        : undefined;
    case D('getetag'):
      return card ? escapeXml(quoted(card.etag)) : undefined;
    case D('getcontenttype'):
      return card ? 'text/vcard; charset=utf-8' : undefined;
    case D('getcontentlength'):
      return card ? String(card.size) : undefined;
    case D('getlastmodified'):
      return card ? httpDate(card.updatedAt) : undefined;
    default:
      return undefined;
  }
}

/** Every property name `t` has (a PROPFIND propname). */
export function propertyNames(t: Target, user: DavUser): QName[] {
  const all = [
    ...ALLPROP,
    D('principal-URL'),
    D('principal-collection-set'),
    C('addressbook-home-set'),
    D('current-user-privilege-set'),
    D('supported-report-set'),
    C('supported-address-data'),
    C('max-resource-size'),
    C('addressbook-description'),
    D('quota-used-bytes'),
    D('quota-available-bytes'),
  ];
  return all.filter((n) => propertyOf(t, n, user) !== undefined);
}
