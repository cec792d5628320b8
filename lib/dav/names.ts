/** The XML namespaces of WebDAV, CardDAV and the CalendarServer extensions clients still ask for. */
export const NS = {
  D: 'DAV:',
  C: 'urn:ietf:params:xml:ns:carddav',
  CS: 'http://calendarserver.org/ns/',
} as const;

/** A property or element name: `{namespace}local`, the Clark notation sabre/dav and Radicale use. */
export type QName = string;

export const qname = (ns: string, local: string): QName => `{${ns}}${local}`;

export function splitQName(name: QName): { ns: string; local: string } {
  const end = name.indexOf('}');
  return { ns: name.slice(1, end), local: name.slice(end + 1) };
}

export const D = (local: string) => qname(NS.D, local);
export const C = (local: string) => qname(NS.C, local);
export const CS = (local: string) => qname(NS.CS, local);
