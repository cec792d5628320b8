import { checkContact, describeFlag } from '../checks';
import { codePointSlice } from '../code-points';
import { displayName, hasIdentity } from '../model';
import { processPhoto, type ProcessedPhoto } from '../photos';
import type { ImportCard } from '../store/types';
import { detectFormat, foreignFileKind, type ImportFormat } from './detect-format';
import {
  IMPORT_LISTED_NOTES,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_CONTACTS,
  IMPORT_MESSAGES,
} from './limits';
import { Notes } from './notes';
import { readCsvRecords, readVCardRecords, type RawRecord } from './read-records';
import { yielder } from './yielder';

export type ReadImport =
  | {
      ok: true;
      format: ImportFormat;
      /** Records with nothing to know the contact by (no name, organisation, email or phone). */
      skipped: number;
      /** "Card 12 (line 340), Jane Doe: phone '121' kept as typed: …", at most 100 listed. */
      notes: { lines: string[]; more: number };
    }
  | { ok: false; message: string; notes?: { lines: string[]; more: number } };

export type PreparedImport =
  (ReadImport & { ok: false }) | (ReadImport & { ok: true; cards: ImportCard[] });

export interface PrepareOptions {
  /** Region for phone numbers written without a country code. */
  region: string;
  today?: Date;
  /** Caps, for tests; the defaults are the app's. */
  maxBytes?: number;
  maxContacts?: number;
}

const SKIPPED = 'skipped: no name, organisation, email or phone';

/**
 * True when a vCard file certainly holds more than `max` cards: more BEGIN:VCARD lines than that
 * and no AGENT property (whose nested cards also begin so). UTF-16 files are left to the reader.
 */
function surelyMoreCards(bytes: Uint8Array, max: number): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/^[ \t]*AGENT[;:]/im.test(text)) return false;
  const begins = text.match(/^[ \t]*BEGIN[ \t]*:[ \t]*VCARD/gim);
  return (begins?.length ?? 0) > max;
}

/**
 * Reads an uploaded file into contacts ready to apply, handing each to `save` as it is read (the
 * store writes them a batch at a time: lib/contacts/store/apply-import.ts): each record checked
 * value by value (a value that fails is kept as typed with a flag, or dropped alone and named),
 * photos re-encoded, and only records with nothing to identify them skipped. Gives the event loop
 * back every few milliseconds, so other requests are served while a large file is read. When the
 * answer is `ok: false`, cards already saved must be discarded (importCards rolls them back).
 */
export async function readImport(
  fileName: string,
  bytes: Uint8Array,
  options: PrepareOptions,
  save: (card: ImportCard) => Promise<void>,
): Promise<ReadImport> {
  if (bytes.length === 0) return { ok: false, message: IMPORT_MESSAGES.empty };
  if (bytes.length > (options.maxBytes ?? IMPORT_MAX_BYTES)) {
    return { ok: false, message: IMPORT_MESSAGES.tooLarge };
  }
  // By content, not by name: a photo renamed .csv is still a photo.
  const foreign = foreignFileKind(bytes);
  if (foreign) return { ok: false, message: IMPORT_MESSAGES.notContacts(foreign) };
  const format = detectFormat(fileName, bytes);
  const max = options.maxContacts ?? IMPORT_MAX_CONTACTS;
  // Refused before any reading: counting the cards costs milliseconds, reading 5 MB seconds.
  if (format === 'vcard' && surelyMoreCards(bytes, max)) {
    return { ok: false, message: IMPORT_MESSAGES.tooMany };
  }
  const tick = yielder();
  const notes = new Notes(IMPORT_LISTED_NOTES);
  let saved = 0;
  let skipped = 0;

  const record = async (r: RawRecord) => {
    await tick();
    const checked = checkContact(r.model, { region: options.region, today: options.today });
    const name = displayName(checked.model);
    const who = name ? `${r.where}, ${name}` : r.where;
    for (const p of r.problems) notes.add(`${who}: ${p.reason}`);
    if (!hasIdentity(checked.model)) {
      skipped += 1;
      notes.add(`${r.where}: ${SKIPPED}`);
      return;
    }
    for (const f of checked.flags) notes.add(`${who}: ${describeFlag(f)}`);
    saved += 1;
    await save({
      model: checked.model,
      rest: r.rest,
      flags: checked.flags,
      photo: await photoOf(r, who, notes),
      partial: r.partial,
    });
  };
  const sink = {
    record,
    problem: (p: { where: string; reason: string }) => notes.add(`${p.where}: ${p.reason}`),
  };
  const pause = () => tick(true);
  const tooMany =
    format === 'vcard'
      ? await readVCardRecords(bytes, max, sink, pause)
      : await readCsvRecords(bytes, max, sink, pause);
  if (tooMany) return { ok: false, message: IMPORT_MESSAGES.tooMany };
  if (saved === 0 && skipped === 0) {
    const message = format === 'vcard' ? IMPORT_MESSAGES.nothingVCard : IMPORT_MESSAGES.nothingCsv;
    return { ok: false, message, notes: notes.toJSON() };
  }
  return { ok: true, format, skipped, notes: notes.toJSON() };
}

/** The whole file's cards in memory, for tests and tools; the import itself streams (readImport). */
export async function prepareImport(
  fileName: string,
  bytes: Uint8Array,
  options: PrepareOptions,
): Promise<PreparedImport> {
  const cards: ImportCard[] = [];
  const read = await readImport(fileName, bytes, options, async (card) => {
    cards.push(card);
  });
  return read.ok ? { ...read, cards } : read;
}

async function photoOf(r: RawRecord, who: string, notes: Notes): Promise<ProcessedPhoto | null> {
  if (!r.photo) return null;
  if (r.photo.kind === 'uri') {
    notes.add(
      `${who}: photo at ${codePointSlice(r.photo.uri, 80)} not imported (links are not fetched)`,
    );
    return null;
  }
  const result = await processPhoto(r.photo.bytes);
  if (result.ok) return result.photo;
  notes.add(`${who}: photo dropped: ${result.message}`);
  return null;
}
