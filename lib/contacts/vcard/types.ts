import type { ContactModel } from '../model';

/**
 * What the vCard reader gives and the writer takes. `rest` is opaque outside lib/contacts/vcard:
 * every property the model does not hold (X- properties, itemN. groups with X-ABLabel, GEO, KEY,
 * SOUND, unknown parameters…), carried so a card comes out with nothing lost.
 */
export interface CardRest {
  readonly properties: readonly unknown[];
}

/** A photo as the card holds it: embedded bytes, or a link the app does not fetch. */
export type CardPhoto =
  { kind: 'data'; mime: string; bytes: Uint8Array } | { kind: 'uri'; uri: string };

export type VCardVersion = '2.1' | '3.0' | '4.0';

/** A problem with one value or one card, named for the import summary. */
export interface CardProblem {
  /** "Card 12 (line 340)" or "Card 12 (line 340), Jane Doe". */
  where: string;
  reason: string;
}

export interface ParsedCard {
  /** "Card 12 (line 340)": how the summary names it. */
  where: string;
  version: VCardVersion;
  model: ContactModel;
  rest: CardRest;
  photo: CardPhoto | null;
  /** Values that could not be read at all (e.g. bytes invalid in their charset), for the summary. */
  problems: CardProblem[];
}

export interface ParsedVCardFile {
  cards: ParsedCard[];
  /** Problems outside any one card's values: a card with no END:VCARD, lines not valid UTF-8… */
  problems: CardProblem[];
  /** True when the file holds more cards than the cap (reading stopped there). */
  tooMany: boolean;
}
