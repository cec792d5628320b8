import type { ContactModel } from '../model';
import { readCsvFile } from '../csv/read';
import { readVCardFile } from '../vcard/read';
import { restFromExtras } from '../vcard/rest';
import type { CardPhoto, CardProblem, CardRest } from '../vcard/types';
import { decodeText, describeLines, isWindowsCodePage, utf16Of } from './decode-bytes';
import { shiftPlace, type Offsets } from './places';
import { splitCsvText, splitVCardBytes } from './split';

/** One card or CSV row as read, before checks. */
export interface RawRecord {
  where: string;
  model: ContactModel;
  rest: CardRest | null;
  photo: CardPhoto | null;
  problems: CardProblem[];
  /** A CSV row: it holds the model's fields only (see ImportCard.partial). */
  partial?: boolean;
}

/** What reading a file gives: its records one by one, then problems and whether it had too many. */
export interface RecordSink {
  record(r: RawRecord): Promise<void>;
  problem(p: CardProblem): void;
}

/** Bytes per piece handed to a synchronous reader: a few milliseconds of work each. */
const PIECE_SIZE = 128 * 1024;

const shiftProblem = (p: CardProblem, by: Offsets): CardProblem => ({
  where: shiftPlace(p.where, by),
  reason: p.reason,
});

const WINDOWS_CODE_PAGE = {
  where: 'File',
  reason:
    'not UTF-8 (no character in it is): read as Windows-1252, the encoding Outlook and Excel use on Windows. If accented letters look wrong, save the file as UTF-8 and import it again',
};

/** Reads a vCard file piece by piece; returns true when it holds more than `max` cards. */
export async function readVCardRecords(
  bytes: Uint8Array,
  max: number,
  sink: RecordSink,
  pause: () => Promise<void>,
): Promise<boolean> {
  // The reader takes bytes so each property can honour its CHARSET; UTF-16 has no such thing,
  // so it is read as text and given to the reader as UTF-8.
  const input = utf16Of(bytes) ? new TextEncoder().encode(decodeText(bytes).text) : bytes;
  // Outlook writes vCard 2.1 without CHARSET in the Windows code page: decided for the whole file,
  // so every piece reads the same way.
  const legacy = isWindowsCodePage(input);
  if (legacy) sink.problem(WINDOWS_CODE_PAGE);
  const options = legacy ? { defaultCharset: 'windows-1252' } : {};
  let records = 0;
  for (const piece of splitVCardBytes(input, PIECE_SIZE)) {
    await pause();
    if (records >= max) return true;
    const parsed = readVCardFile(piece.data, max - records, options);
    const by = { records, lines: piece.linesBefore };
    for (const p of parsed.problems) sink.problem(shiftProblem(p, by));
    for (const card of parsed.cards) {
      await sink.record({
        where: shiftPlace(card.where, by),
        model: card.model,
        rest: card.rest,
        photo: card.photo,
        problems: card.problems.map((p) => shiftProblem(p, by)),
      });
    }
    records += parsed.cards.length;
    if (parsed.tooMany) return true;
  }
  return false;
}

/** Reads a CSV file piece by piece (each with the header row); true when over `max` records. */
export async function readCsvRecords(
  bytes: Uint8Array,
  max: number,
  sink: RecordSink,
  pause: () => Promise<void>,
): Promise<boolean> {
  const { text, badLines, legacy } = decodeText(bytes);
  if (legacy) {
    sink.problem(WINDOWS_CODE_PAGE);
  }
  if (badLines.length > 0) {
    const encoding = utf16Of(bytes) ? 'UTF-16' : 'UTF-8';
    sink.problem({
      where: 'File',
      reason: `${describeLines(badLines)} ${badLines.length === 1 ? 'is' : 'are'} not valid ${encoding}: read with � in place of the bad bytes (save the file as UTF-8 and import it again to fix them)`,
    });
  }
  let records = 0;
  for (const piece of splitCsvText(text, PIECE_SIZE)) {
    await pause();
    if (records >= max) return true;
    const parsed = readCsvFile(piece.data, max - records);
    const by = { records, lines: piece.linesBefore };
    for (const p of parsed.problems) sink.problem(shiftProblem(p, by));
    for (const row of parsed.records) {
      await sink.record({
        where: shiftPlace(row.where, by),
        model: row.model,
        rest: row.extras.length > 0 ? restFromExtras(row.extras) : null,
        photo: null,
        problems: [],
        partial: true,
      });
    }
    records += parsed.records.length;
    if (parsed.tooMany) return true;
  }
  return false;
}
