import type { ContactModel } from '../model';

/**
 * What the vCard reader gives and the writer takes. `rest` is opaque outside lib/contacts/vcard:
 * every property the model does not hold (X- properties, itemN. groups with X-ABLabel, GEO, KEY,
 * SOUND, unknown parameters…), carried so a card comes out with nothing lost.
 */
export interface CardRest {
  /** RestProperty objects (rest.ts); plain data, safe to keep as JSON. */
  readonly properties: readonly unknown[];
  /** The version the properties are written in ('3.0' for converted 2.1); converted on write. */
  readonly version?: '3.0' | '4.0';
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
  /**
   * The card's own text (CRLF line ends) when it can be stored as sent: 3.0 or 4.0, every value
   * valid UTF-8, no CHARSET or QUOTED-PRINTABLE. Null otherwise: write it with writeCard.
   */
  source: string | null;
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
