import 'server-only';
import { renameDavBook } from '../contacts/store/dav';
import { propstat } from './multistatus';
import { D, type QName } from './names';
import type { DavRequest } from './request';
import { multistatus, sendError } from './respond';
import { childElements, children, nameOf, textOf } from './xml-read';
import { element, href } from './xml-write';

const NAME_MAX = 100;
const DEFAULT_NAME = 'Contacts';

/**
 * PROPPATCH (RFC 4918 §9.2) of the address book's displayname, all or nothing: any other property
 * is refused (403) and then the rest fail with 424, as the RFC asks.
 */
export async function proppatch(r: DavRequest): Promise<void> {
  const target = await r.target();
  if (!target) {
    r.req.resume();
    return r.notFound();
  }
  const root = await r.xmlBody();
  if (!root || nameOf(root) !== D('propertyupdate')) {
    return sendError(r.res, 400, 'PROPPATCH needs a propertyupdate body.');
  }
  const changes: { name: QName; value: string | null }[] = [];
  for (const op of childElements(root)) {
    const remove = nameOf(op) === D('remove');
    if (!remove && nameOf(op) !== D('set')) continue;
    for (const prop of children(op, D('prop'))) {
      for (const el of childElements(prop))
        changes.push({ name: nameOf(el), value: remove ? null : textOf(el) });
    }
  }
  const writable = r.resource.kind === 'book';
  const ok = (c: (typeof changes)[number]) =>
    writable && c.name === D('displayname') && (c.value ?? '').length <= NAME_MAX;
  const allOk = changes.every(ok);
  if (allOk) {
    for (const c of changes) await renameDavBook(r.user.id, c.value || DEFAULT_NAME);
  }
  const stat = (code: number, list: typeof changes) =>
    list.length ? propstat(code, list.map((c) => element(c.name)).join('')) : '';
  const body = allOk
    ? stat(200, changes)
    : stat(
        403,
        changes.filter((c) => !ok(c)),
      ) + stat(424, changes.filter(ok));
  multistatus(r.res, element(D('response'), href(target.path) + body));
}
