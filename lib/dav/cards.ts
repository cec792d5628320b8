import 'server-only';
import { deleteDavCard, getDavCards, putDavCard } from '../contacts/store/dav';
import { cardIn, versionOfAccept } from './address-data';
import { CARD_MAX_BYTES, readBody } from './body';
import { readCardInput } from './card-input';
import { C } from './names';
import { cardPath } from './paths';
import { preconditionsOf, quoted } from './preconditions';
import type { DavRequest } from './request';
import { send, sendError } from './respond';
import { href } from './xml-write';

const VCARD_TYPES = new Set(['text/vcard', 'text/x-vcard', 'text/directory']);

const cardName = (r: DavRequest) => (r.resource.kind === 'card' ? r.resource.name : '');

/** GET/HEAD: the card as stored, or converted to the version the Accept header names. */
export async function getCard(r: DavRequest): Promise<void> {
  const [card] = await getDavCards(r.user.id, [cardName(r)]);
  if (!card) return r.notFound();
  const accept = r.req.headers.accept;
  const wanted = versionOfAccept(accept);
  const converted = wanted !== null && wanted !== card.cardVersion;
  const body = converted ? cardIn(card.card, wanted) : card.card;
  const etag = quoted(card.etag);
  const headers: Record<string, string> = {
    'content-type': `${accept?.includes('text/x-vcard') ? 'text/x-vcard' : 'text/vcard'}; charset=utf-8`,
    'last-modified': card.updatedAt.toUTCString(),
    vary: 'Accept',
  };
  // The ETag names the stored bytes; a conversion is another representation, sent without one.
  if (!converted) headers.etag = etag;
  const ifNoneMatch = preconditionsOf(r.req).ifNoneMatch;
  if (!converted && ifNoneMatch?.some((t) => t === '*' || t === card.etag)) {
    return send(r.res, 304, '', headers);
  }
  send(r.res, 200, body, headers);
}

/**
 * PUT: stores the card as sent when it can (then the ETag is returned, RFC 6352 §6.3.2.3: only
 * when the stored bytes are the client's), under the preconditions the client gave.
 */
export async function putCard(r: DavRequest): Promise<void> {
  const type = (r.req.headers['content-type'] ?? 'text/vcard').split(';')[0]!.trim().toLowerCase();
  if (!VCARD_TYPES.has(type)) {
    r.req.resume();
    return sendError(
      r.res,
      415,
      'Only vCards (text/vcard) can be stored here.',
      C('supported-address-data'),
    );
  }
  const input = await readCardInput(await readBody(r.req, CARD_MAX_BYTES));
  if (!input.ok) return sendError(r.res, input.status, input.message, input.condition);
  const name = cardName(r);
  const result = await putDavCard(r.user.id, name, input.write, preconditionsOf(r.req));
  if (result.status === 'precondition-failed') {
    return send(r.res, 412, 'Precondition Failed: the card changed since you read it.\n');
  }
  if (result.status === 'uid-conflict') {
    return sendError(
      r.res,
      409,
      'Another card in this address book already has this UID.',
      C('no-uid-conflict'),
      href(cardPath(r.user.key, result.href)),
    );
  }
  const headers: Record<string, string> = input.asSent ? { etag: quoted(result.etag) } : {};
  if (result.status === 'created') headers.location = cardPath(r.user.key, name);
  send(r.res, result.status === 'created' ? 201 : 204, '', headers);
}

/** DELETE: the card goes to Trash (restorable for 30 days); sync reports it as removed. */
export async function deleteCard(r: DavRequest): Promise<void> {
  const result = await deleteDavCard(r.user.id, cardName(r), preconditionsOf(r.req));
  if (result === 'not-found') return r.notFound();
  if (result === 'precondition-failed') {
    return send(r.res, 412, 'Precondition Failed: the card changed since you read it.\n');
  }
  send(r.res, 204);
}
