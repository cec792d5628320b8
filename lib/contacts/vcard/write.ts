import type { ContactModel } from '../model';
import type { CardPhoto, CardRest } from './types';

/** Writes a card: the model's properties, then `rest` as it came, folded at 75 octets, CRLF. */
export function writeCard(
  _model: ContactModel,
  _rest: CardRest | null,
  _photo: CardPhoto | null,
  _version: '3.0' | '4.0',
): string {
  throw new Error('writeCard: being written on the vcard branch');
}
