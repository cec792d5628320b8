import { NS, splitQName, type QName } from './names';

const PREFIXES: Record<string, string> = { [NS.D]: 'd', [NS.C]: 'card', [NS.CS]: 'cs' };
const DECLARATIONS = Object.entries(PREFIXES)
  .map(([ns, prefix]) => ` xmlns:${prefix}="${ns}"`)
  .join('');

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // An XML reader turns a bare CR LF into LF (XML 1.0 §2.11): a card's CRLF line ends reach the
  // client only as a character reference, and a card must come back byte for byte.
  '\r': '&#13;',
};
export const escapeXml = (s: string) => s.replace(/[&<>"\r]/g, (c) => ENTITIES[c]!);

/**
 * `<prefix:local>inner</prefix:local>` for a known namespace; any other namespace (a property a
 * client asked for that we do not know) is declared on the element itself.
 */
export function element(name: QName, inner = ''): string {
  const { ns, local } = splitQName(name);
  const prefix = PREFIXES[ns];
  const tag = prefix ? `${prefix}:${local}` : `x:${local}`;
  const declaration = prefix ? '' : ` xmlns:x="${escapeXml(ns)}"`;
  return inner === '' ? `<${tag}${declaration}/>` : `<${tag}${declaration}>${inner}</${tag}>`;
}

/** A document with the usual namespace prefixes declared on its root. */
export function document(rootName: QName, inner: string): string {
  const { local } = splitQName(rootName);
  const prefix = PREFIXES[splitQName(rootName).ns] ?? 'd';
  return `<?xml version="1.0" encoding="utf-8"?>\n<${prefix}:${local}${DECLARATIONS}>${inner}</${prefix}:${local}>\n`;
}

export const href = (path: string) => element('{DAV:}href', escapeXml(path));
