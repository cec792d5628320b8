import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Element } from '@xmldom/xmldom';
import { getDavBook, getDavCards, type DavBook } from '../contacts/store/dav';
import type { DavUser } from './auth';
import { readBody, XML_MAX_BYTES } from './body';
import type { Resource } from './paths';
import {
  bookTarget,
  cardTarget,
  homeTarget,
  principalsTarget,
  principalTarget,
  rootTarget,
  type Target,
} from './properties';
import { send } from './respond';
import { parseXml } from './xml-read';

/** One authenticated request to a resource of the signed-in user (others' are never reached). */
export class DavRequest {
  private bookRead: Promise<DavBook> | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly user: DavUser,
    readonly resource: Exclude<Resource, { kind: 'none' }>,
  ) {}

  /** `Prefer: return=minimal` (RFC 8144) or Apple's older `Brief: t`: no 404 propstats. */
  get minimal(): boolean {
    const { prefer, brief } = this.req.headers;
    return /\breturn=minimal\b/i.test(String(prefer ?? '')) || String(brief).toLowerCase() === 't';
  }

  /** The user's address book (its name and sync revision), read once per request. */
  book(): Promise<DavBook> {
    this.bookRead ??= getDavBook(this.user.id).then((b) => {
      if (!b) throw new Error('the signed-in user has no row');
      return b;
    });
    return this.bookRead;
  }

  /** The resource as a PROPFIND target, or null for a card that does not exist. */
  async target(): Promise<Target | null> {
    const r = this.resource;
    switch (r.kind) {
      case 'root':
        return rootTarget();
      case 'principals':
        return principalsTarget();
      case 'principal':
        return principalTarget(this.user);
      case 'home':
        return homeTarget(this.user);
      case 'book':
        return bookTarget(this.user, await this.book());
      case 'card': {
        const [card] = await getDavCards(this.user.id, [r.name]);
        return card ? cardTarget(this.user, card) : null;
      }
    }
  }

  /** The body as XML, or null when there is none. */
  async xmlBody(): Promise<Element | null> {
    const bytes = await readBody(this.req, XML_MAX_BYTES);
    if (bytes.length === 0) return null;
    return parseXml(bytes.toString('utf8'));
  }

  notFound(): void {
    send(this.res, 404, 'Not Found\n');
  }
}
