import type { ServerResponse } from 'node:http';
import { D, qname, type QName } from './names';
import { document, element, escapeXml } from './xml-write';

/** What the server supports, on every answer (RFC 4918 §10.1, RFC 6352 §6.1). */
const DAV_HEADER = '1, 3, addressbook';
export const REALM = 'Contact Cards';

const MESSAGE = qname('https://contact-cards.invalid/ns', 'message');

export function send(
  res: ServerResponse,
  status: number,
  body = '',
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    dav: DAV_HEADER,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(body ? { 'content-type': 'text/plain; charset=utf-8' } : {}),
    'content-length': String(bytes.length),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : bytes);
}

const sendXml = (res: ServerResponse, status: number, xml: string) =>
  send(res, status, xml, { 'content-type': 'application/xml; charset=utf-8' });

export const multistatus = (res: ServerResponse, inner: string) =>
  sendXml(res, 207, document(D('multistatus'), inner));

/**
 * An error with its precondition element (RFC 4918 §16) and a sentence a person can read, for
 * clients that show the body (DAVx⁵ and Thunderbird do).
 */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  condition?: QName,
  conditionInner = '',
): void {
  const inner =
    (condition ? element(condition, conditionInner) : '') + element(MESSAGE, escapeXml(message));
  sendXml(res, status, document(D('error'), inner));
}
