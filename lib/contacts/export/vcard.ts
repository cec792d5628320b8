import type { StoredContact } from '../store/types';
import { readCard } from '../vcard/read';
import { writeCard } from '../vcard/write';

export type ExportVersion = '3.0' | '4.0';

/** The version a `?version=` query asks for: 4.0 unless it says 3.0; null for anything else. */
export function exportVersion(query: string | null): ExportVersion | null {
  if (query === null || query === '' || query === '4.0' || query === '4') return '4.0';
  if (query === '3.0' || query === '3') return '3.0';
  return null;
}

const VERSION_LINE = /^VERSION:([0-9.]+)\r?$/im;

/**
 * One contact's card in the version asked for: the stored card as it is when its version
 * matches (nothing the app does not understand is touched), else written from the model, what
 * the model does not hold, and the card's photo.
 */
export function exportCard(
  contact: Pick<StoredContact, 'card' | 'model' | 'rest'>,
  version: ExportVersion,
) {
  if (VERSION_LINE.exec(contact.card)?.[1] === version) {
    return contact.card.endsWith('\r\n') ? contact.card : `${contact.card}\r\n`;
  }
  const { photo } = readCard(contact.card);
  return writeCard(contact.model, contact.rest, photo, version);
}

/** Every card of an address book, one after another (a vCard file is cards concatenated). */
export async function* exportCards(
  contacts: AsyncIterable<Pick<StoredContact, 'card' | 'model' | 'rest'>>,
  version: ExportVersion,
): AsyncGenerator<string> {
  for await (const contact of contacts) yield exportCard(contact, version);
}
