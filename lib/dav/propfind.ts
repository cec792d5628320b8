import 'server-only';
import type { Element } from '@xmldom/xmldom';
import { listDavCards } from '../contacts/store/dav';
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

/** The targets a PROPFIND of `depth` reaches from the request's resource. */
async function targetsOf(r: DavRequest, depth: 0 | 1): Promise<Target[]> {
  const self = await r.target();
  if (!self) return [];
  if (depth === 0) return [self];
  const u = r.user;
  switch (self.kind) {
    case 'root':
      return [self, principalsTarget(), principalTarget(u), homeTarget(u)];
    case 'principals':
      return [self, principalTarget(u)];
    case 'home':
      return [self, bookTarget(u, await r.book())];
    case 'book':
      return [self, ...(await listDavCards(u.id)).map((c) => cardTarget(u, c))];
    default:
      return [self];
  }
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
  const targets = await targetsOf(r, depth);
  if (targets.length === 0) return r.notFound();
  const parts: string[] = [];
  for (const t of targets) parts.push(await responseFor(t, ask, r));
  multistatus(r.res, parts.join(''));
}
