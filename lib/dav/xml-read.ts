import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { qname, type QName } from './names';

/** A request body the XML reader refuses, with the status and text the client gets. */
export class BadXml extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Elements deeper than this are refused: nothing in WebDAV or CardDAV nests past ten. */
const MAX_DEPTH = 32;
/** Elements in one body: a multiget of 5,000 hrefs is about 10,000. */
const MAX_ELEMENTS = 50_000;

/**
 * Parses a request body as namespaced XML. A document type declaration is refused before parsing:
 * WebDAV bodies never need one, and refusing it shuts out external entities (XXE) and entity
 * expansion (billion laughs) whatever the parser would do with them.
 */
export function parseXml(text: string): Element {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new BadXml('Document type declarations are not accepted.');
  }
  let doc;
  try {
    doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  } catch {
    throw new BadXml('The request body is not well-formed XML.');
  }
  const root = doc.documentElement;
  if (!root) throw new BadXml('The request body has no XML element.');
  let count = 0;
  const walk = (el: Element, depth: number) => {
    if (depth > MAX_DEPTH) throw new BadXml('The XML is nested too deeply.');
    for (const child of childElements(el)) {
      if (++count > MAX_ELEMENTS) throw new BadXml('The XML has too many elements.', 413);
      walk(child, depth + 1);
    }
  };
  walk(root, 1);
  return root;
}

export const nameOf = (el: Element): QName => qname(el.namespaceURI ?? '', el.localName ?? '');

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) out.push(n as Element);
  }
  return out;
}

/** The first child element with this name, or undefined. */
export const child = (el: Element, name: QName) =>
  childElements(el).find((c) => nameOf(c) === name);

/** Every child element with this name. */
export const children = (el: Element, name: QName) =>
  childElements(el).filter((c) => nameOf(c) === name);

/** The element's text content, trimmed. */
export const textOf = (el: Element | undefined) => (el?.textContent ?? '').trim();
