/**
 * The readers name places within the piece they were given ("Card 3 (line 40)", "Row 7"); these
 * make them count from the start of the file again.
 */
export interface Offsets {
  /** Cards or records read from the pieces before. */
  records: number;
  /** Lines of the file before the piece. */
  lines: number;
}

const RECORD = /\b(Card|Record|Contact) (\d+)/g;
const LINE = /\b(line|Line|lines|Lines|row|Row) (\d+)/g;

/** Shifts record and line numbers in a place name by the piece's offsets. */
export function shiftPlace(where: string, by: Offsets): string {
  if (by.records === 0 && by.lines === 0) return where;
  return where
    .replace(RECORD, (_, word: string, n: string) => `${word} ${Number(n) + by.records}`)
    .replace(LINE, (_, word: string, n: string) => `${word} ${Number(n) + by.lines}`);
}
