import type { Element } from '@xmldom/xmldom';
import { exportCard, type ExportVersion } from '../contacts/export/vcard';
import { readCard } from '../contacts/vcard/read';

/** A card's stored text in the version a client asked for (converted only when it differs). */
export function cardIn(text: string, version: ExportVersion | null): string {
  if (!version) return text;
  const parsed = readCard(text);
  return exportCard({ card: text, model: parsed.model, rest: parsed.rest }, version);
}

/** The version an `address-data` element asks for (RFC 6352 §10.4), or null for "as stored". */
export function versionOfElement(el: Element | undefined): ExportVersion | null {
  const v = el?.getAttribute('version');
  return v === '3.0' || v === '4.0' ? v : null;
}

/**
 * The version an Accept header asks for: `text/vcard; version=4.0`, or 3.0 for `text/x-vcard`
 * (the pre-RFC 6350 type, which only ever meant 3.0 or older). Null: as stored.
 */
export function versionOfAccept(accept: string | undefined): ExportVersion | null {
  if (!accept) return null;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (type === 'text/x-vcard') return '3.0';
    if (type !== 'text/vcard') continue;
    const version = params
      .find((p) => p.startsWith('version='))
      ?.slice(8)
      .replace(/"/g, '');
    if (version === '3.0' || version === '4.0') return version;
  }
  return null;
}
