import 'server-only';
import type { Element } from '@xmldom/xmldom';
import { davChangesSince, getDavCards, iterateDavCards } from '../contacts/store/dav';
import { cardIn, versionOfElement } from './address-data';
import { multistatus, sendError } from './respond';
import { propResponse, statusResponse } from './multistatus';
import { C, D, type QName } from './names';
import { bookPath, cardPath, pathOfHref, resourceAt } from './paths';
import { cardTarget } from './properties';
import { matchesFilter, readFilter } from './query-filter';
import type { DavRequest } from './request';
import { revisionOf, syncToken } from './sync-token';
import { child, childElements, children, nameOf, textOf } from './xml-read';
import { element, escapeXml } from './xml-write';

/** hrefs in one multiget: a client asks in batches (vdirsyncer 100s, DAVx⁵ 10s). */
const MAX_HREFS = 10_000;

/** The names a `<prop>` asks for, and the address-data element among them (with its version). */
function askedProps(root: Element) {
  const prop = child(root, D('prop'));
  const names = prop ? childElements(prop).map(nameOf) : [D('getetag')];
  const addressData = prop ? child(prop, C('address-data')) : undefined;
  return { names, version: versionOfElement(addressData) };
}

/** A card's response: its properties, with address-data from its text when asked for. */
async function cardResponse(
  r: DavRequest,
  card: Awaited<ReturnType<typeof getDavCards>>[number],
  names: QName[],
  version: ReturnType<typeof versionOfElement>,
) {
  const extra = new Map<QName, string>();
  if (names.includes(C('address-data'))) {
    extra.set(C('address-data'), escapeXml(cardIn(card.card, version)));
  }
  return propResponse(cardTarget(r.user, card), names, r, extra);
}

/** RFC 6578: what changed since a token, with trashed and deleted cards as 404 members. */
async function syncCollection(r: DavRequest, root: Element): Promise<void> {
  const depth = r.req.headers.depth;
  if (depth !== undefined && depth !== '0') {
    return sendError(r.res, 400, 'sync-collection is defined for Depth: 0 only (RFC 6578 §3.2).');
  }
  const revision = revisionOf(textOf(child(root, D('sync-token'))));
  if (revision === null) {
    return sendError(
      r.res,
      403,
      'This sync token is unknown: sync again from the start.',
      D('valid-sync-token'),
    );
  }
  const level = textOf(child(root, D('sync-level')));
  if (level && level !== '1') {
    return sendError(
      r.res,
      403,
      'Only sync-level 1 is supported (an address book has no sub-collections).',
      D('supported-report'),
    );
  }
  const nresults = textOf(child(child(root, D('limit')) ?? root, D('nresults')));
  const limit = /^\d{1,9}$/.test(nresults) ? Math.max(1, Number(nresults)) : undefined;
  const changes = await davChangesSince(r.user.id, revision, limit);
  if (!changes) {
    return sendError(
      r.res,
      403,
      'This sync token is too old or unknown: sync again from the start.',
      D('valid-sync-token'),
    );
  }
  const { names, version } = askedProps(root);
  const byHref = names.includes(C('address-data'))
    ? new Map(
        (
          await getDavCards(
            r.user.id,
            changes.changed.map((c) => c.href),
          )
        ).map((c) => [c.href, c]),
      )
    : null;
  const parts: string[] = [];
  for (const meta of changes.changed) {
    const full = byHref?.get(meta.href);
    parts.push(
      full
        ? await cardResponse(r, full, names, version)
        : await propResponse(cardTarget(r.user, meta), names, r),
    );
  }
  for (const name of changes.removed) parts.push(statusResponse(cardPath(r.user.key, name), 404));
  if (changes.truncated) parts.push(statusResponse(bookPath(r.user.key), 507));
  parts.push(element(D('sync-token'), escapeXml(syncToken(changes.revision))));
  multistatus(r.res, parts.join(''));
}

/** RFC 6352 §8.7: the cards named by href; names that are not this book's cards are 404. */
async function multiget(r: DavRequest, root: Element): Promise<void> {
  const hrefs = children(root, D('href')).map(textOf);
  if (hrefs.length > MAX_HREFS) {
    return sendError(r.res, 413, `Ask for at most ${MAX_HREFS} cards at a time.`);
  }
  const { names, version } = askedProps(root);
  const wanted = new Map<string, string>();
  for (const h of hrefs) {
    const path = pathOfHref(h);
    const res = path ? resourceAt(path) : null;
    if (res?.kind === 'card' && res.user === r.user.key) wanted.set(h, res.name);
  }
  const found = new Map(
    (await getDavCards(r.user.id, [...new Set(wanted.values())])).map((c) => [c.href, c]),
  );
  const parts: string[] = [];
  for (const h of hrefs) {
    const card = found.get(wanted.get(h) ?? '');
    parts.push(
      card ? await cardResponse(r, card, names, version) : statusResponse(pathOfHref(h) ?? h, 404),
    );
  }
  multistatus(r.res, parts.join(''));
}

/** RFC 6352 §8.6: the cards whose properties match the filter, at most `limit` of them. */
async function query(r: DavRequest, root: Element): Promise<void> {
  const filter = readFilter(child(root, C('filter')));
  if (!filter.ok) return sendError(r.res, 403, filter.message, filter.condition);
  const nresults = textOf(child(child(root, C('limit')) ?? root, C('nresults')));
  const limit = /^\d{1,9}$/.test(nresults) ? Number(nresults) : Infinity;
  const { names, version } = askedProps(root);
  const parts: string[] = [];
  let truncated = false;
  for await (const card of iterateDavCards(r.user.id)) {
    if (!matchesFilter(filter.filter, card.card)) continue;
    if (parts.length >= limit) {
      truncated = true;
      break;
    }
    parts.push(await cardResponse(r, card, names, version));
  }
  if (truncated) parts.push(statusResponse(bookPath(r.user.key), 507));
  multistatus(r.res, parts.join(''));
}

const REPORTS = new Map([
  [D('sync-collection'), syncCollection],
  [C('addressbook-multiget'), multiget],
  [C('addressbook-query'), query],
]);

/** REPORT on the address book; any other report, or on any other resource, is refused (RFC 3253 §3.6). */
export async function report(r: DavRequest): Promise<void> {
  const root = await r.xmlBody();
  const run = root && REPORTS.get(nameOf(root));
  if (!run || r.resource.kind !== 'book') {
    return sendError(r.res, 403, 'This report is not supported here.', D('supported-report'));
  }
  await run(r, root);
}
