import 'server-only';
import type { Element } from '@xmldom/xmldom';
import { listDavCardsAt } from '../contacts/store/dav';
import { cachedListing, keepListing } from './listing-cache';
import { multistatus } from './respond';
import { propResponse } from './multistatus';
import { D, type QName } from './names';
import {
  ALLPROP,
  bookTarget,
  cardTarget,
  homeTarget,
  principalsTarget,
  principalTarget,
  propertyNames,
  type Target,
} from './properties';
import type { DavRequest } from './request';
import { BadXml, child, childElements, nameOf } from './xml-read';
import { element, href } from './xml-write';
import { propstat } from './multistatus';

type Ask =
  { kind: 'prop'; names: QName[] } | { kind: 'allprop'; include: QName[] } | { kind: 'propname' };

/** What a PROPFIND body asks for; an empty body is allprop (RFC 4918 §9.1). */
export function askOf(root: Element | null): Ask {
  if (!root) return { kind: 'allprop', include: [] };
  if (nameOf(root) !== D('propfind'))
    throw new BadXml('A PROPFIND body is a DAV:propfind element.');
  const prop = child(root, D('prop'));
  if (prop) return { kind: 'prop', names: childElements(prop).map(nameOf) };
  if (child(root, D('propname'))) return { kind: 'propname' };
  const include = child(root, D('include'));
  return { kind: 'allprop', include: include ? childElements(include).map(nameOf) : [] };
}

/** The members a depth-1 PROPFIND lists under `self`, as `<response>`s. */
async function membersOf(self: Target, ask: Ask, r: DavRequest): Promise<string> {
  if (self.kind === 'book') return bookMembers(ask, r);
  const u = r.user;
  const members =
    self.kind === 'root'
      ? [principalsTarget(), principalTarget(u), homeTarget(u)]
      : self.kind === 'principals'
        ? [principalTarget(u)]
        : self.kind === 'home'
          ? [bookTarget(u, await r.book())]
          : [];
  const parts: string[] = [];
  for (const t of members) parts.push(await responseFor(t, ask, r));
  return parts.join('');
}

/** The address book's cards, from the listing cache while the book's revision has not moved. */
async function bookMembers(ask: Ask, r: DavRequest): Promise<string> {
  const key = [r.user.id, r.user.key, r.minimal, JSON.stringify(ask)].join('\n');
  const hit = cachedListing(key, (await r.book()).revision);
  if (hit !== undefined) return hit;
  const { revision, cards } = await listDavCardsAt(r.user.id);
  const parts: string[] = [];
  for (const card of cards) parts.push(await responseFor(cardTarget(r.user, card), ask, r));
  const body = parts.join('');
  keepListing(key, revision, body);
  return body;
}

async function responseFor(t: Target, ask: Ask, r: DavRequest): Promise<string> {
  if (ask.kind === 'propname') {
    const names = propertyNames(t, r.user)
      .map((n) => element(n))
      .join('');
    return element(D('response'), href(t.path) + propstat(200, names));
  }
  const names = ask.kind === 'prop' ? ask.names : [...new Set([...ALLPROP, ...ask.include])];
  if (ask.kind === 'prop') return propResponse(t, names, r);
  // allprop lists what exists; a name this resource lacks is simply left out.
  const present = new Set(propertyNames(t, r.user));
  return propResponse(
    t,
    names.filter((n) => present.has(n) || ask.include.includes(n)),
    r,
  );
}

/** PROPFIND (RFC 4918 §9.1) on any resource: depth 0 or 1 (infinity is answered as 1). */
export async function propfind(r: DavRequest): Promise<void> {
  const depth = r.req.headers.depth === '0' ? 0 : 1;
  const ask = askOf(await r.xmlBody());
  const self = await r.target();
  if (!self) return r.notFound();
  const members = depth === 1 ? await membersOf(self, ask, r) : '';
  multistatus(r.res, (await responseFor(self, ask, r)) + members);
}
