/**
 * Spreadsheet formula injection: a spreadsheet runs a cell starting with = + - @ (or tab/CR
 * before them) as a formula; a leading ' makes it text. The export guards such cells. The guard is
 * reversible, so our own export imports back exactly: a value that already starts with ' and a
 * guarded character (or a second ') gets one more ', and the import removes exactly one — but only
 * in rows our export wrote (see `isOwnExportRow`): any other file is read as it says.
 */

// A phone number or a date ("+1 213…", "--04-12") cannot run anything, and Google must read it as is.
const NUMBER_LIKE = /^[+-][\d\s().\/-]*(?:\s*(?:ext\.?|x)\s*\d+)?$/i;
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r']/;

/** `reversible` for a row that carries the UID marker, whose import will undo the guard. */
export function guardFormula(value: string, reversible = false): string {
  const formula = RUNS_AS_FORMULA.test(value) && !NUMBER_LIKE.test(value);
  return formula || (reversible && GUARDED.test(value)) ? `'${value}` : value;
}

/** The value before `guardFormula`, for a cell of our own export. */
export const unguardFormula = (cell: string): string => (GUARDED.test(cell) ? cell.slice(1) : cell);

/**
 * True for a row our export wrote: it carries the card's UID in a custom field labelled "UID"
 * (Google's layout has no UID column). Google keeps that field when it re-exports our contacts,
 * and then the ' it also kept as data is ours to remove too.
 */
export function isOwnExportRow(headers: readonly string[], cells: readonly string[]): boolean {
  return headers.some(
    (h, i) => /^custom field \d+ - label$/i.test(h.trim()) && cells[i]?.trim() === 'UID',
  );
}
