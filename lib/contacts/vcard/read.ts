import type { ParsedCard, ParsedVCardFile } from './types';

/** Reads every card of a file (2.1, 3.0, 4.0 as exporters write them), in linear time. */
export function readVCardFile(_bytes: Uint8Array, _maxCards: number): ParsedVCardFile {
  throw new Error('readVCardFile: being written on the vcard branch');
}

/** Reads one stored card (the text the data layer keeps). */
export function readCard(_text: string): ParsedCard {
  throw new Error('readCard: being written on the vcard branch');
}
