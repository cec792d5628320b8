import { CsvError, parse } from 'csv-parse/sync';
import type { ContactModel } from '../model';
import type { CardProblem } from '../vcard/types';
import { columnsFor, THUNDERBIRD_ORDER } from './columns';
import { contactFromRow, type Extra } from './row';

interface CsvRecord {
  /** "Line 12": the line the record starts on, for the import summary. */
  where: string;
  model: ContactModel;
  extras: Extra[];
}
export interface ParsedCsvFile {
  records: CsvRecord[];
  problems: CardProblem[];
  /** True when the file holds more records than the cap (reading stopped there). */
  tooMany: boolean;
}

/** A cell longer than this stops the parser (memory bound); the note cap is far below it. */
const MAX_CELL = 200_000;
/** Broken records the reader works around before it gives up on the rest of the file. */
const MAX_RECOVERIES = 20;

interface Row {
  cells: string[];
  line: number;
}

/** The delimiter the header line uses most: `,` (Google, Outlook), `;` (spreadsheets) or tab. */
export function sniffDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => first.split(c).length - 1;
  return [';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

const OPTIONS = {
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** The text from line `line` (1-based, counting CRLF once) to the end. */
function fromLine(text: string, line: number): string {
  const breaks = /\r\n|\r|\n/g;
  for (let l = 1; l < line; l++) if (!breaks.exec(text)) return '';
  return text.slice(breaks.lastIndex);
}

/**
 * Parses the rows; a record csv-parse cannot read (a quote never closed, an oversized cell) is
 * read again as one line without quotes, reported, and parsing resumes on the next line.
 */
interface ParseLimits {
  records: number;
  cell: number;
}

function parseRows(
  text: string,
  delimiter: string,
  limits: ParseLimits,
  problems: CardProblem[],
): Row[] {
  const limit = limits.records;
  const options = { ...OPTIONS, delimiter, max_record_size: limits.cell };
  const rows: Row[] = [];
  let start = 1;
  for (let recoveries = 0; start > 0 && rows.length < limit; recoveries++) {
    const offset = start - 1;
    let lastEnd = offset;
    let doubled = 0;
    const segment = start === 1 ? text : fromLine(text, start);
    try {
      parse(segment, {
        ...options,
        to: limit - rows.length,
        on_record: (record, context) => {
          rows.push({ cells: record, line: lastEnd + 1 });
          // csv-parse counts a CRLF inside a quoted cell as two lines.
          for (const cell of record) doubled += cell.split('\r\n').length - 1;
          lastEnd = offset + context.lines - doubled;
          return null;
        },
      });
      return rows;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const broken = lastEnd + 1;
      if (recoveries >= MAX_RECOVERIES) {
        problems.push({
          where: `Line ${broken}`,
          reason: `${describe(error, limits.cell)}; too many broken lines, the rest of the file was not read`,
        });
        return rows;
      }
      const line = fromLine(segment, broken - offset).split(/\r\n|\r|\n/, 1)[0] ?? '';
      try {
        const [cells] = parse(line, { ...options, quote: false }) as string[][];
        if (cells) rows.push({ cells, line: broken });
        problems.push({
          where: `Line ${broken}`,
          reason: `${describe(error, limits.cell)}; this line was read without quotes`,
        });
      } catch {
        problems.push({
          where: `Line ${broken}`,
          reason: `${describe(error, limits.cell)}; this line was not read`,
        });
      }
      start = broken + 1;
      if (!fromLine(text, start)) return rows;
    }
  }
  return rows;
}

function describe(error: CsvError, cell: number): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote opened here is never closed';
  if (error.code === 'CSV_MAX_RECORD_SIZE')
    return `a value is longer than ${cell.toLocaleString('en')} characters`;
  return 'the line could not be read as CSV';
}

/** Cells a row may have beyond its header before the rest are kept together in one. */
const MAX_UNNAMED_CELLS = 20;

/**
 * A row far wider than its header (a broken or hostile file: thousands of cells) keeps every
 * value, but the cells past the header and twenty more become one value, joined by tabs, so a row
 * cannot turn into thousands of card properties.
 */
function withOverflowJoined(headers: string[], cells: string[]): [string[], string[]] {
  const keep = headers.length + MAX_UNNAMED_CELLS;
  if (cells.length <= keep + 1) return [headers, cells];
  const rest = cells.slice(keep).filter((c) => c.trim());
  const names = [...headers];
  for (let i = names.length; i < keep; i++) names.push(`Column ${i + 1}`);
  names.push(`Columns ${keep + 1} to ${cells.length}`);
  return [names, [...cells.slice(0, keep), rest.join('\t')]];
}

/**
 * A Thunderbird export in another language (German "Vorname", "Nachname", …): its 37 columns,
 * the fifth (Primary Email) holding addresses wherever it is filled.
 */
function looksLikeThunderbird(headers: string[], data: Row[]): boolean {
  if (headers.length !== THUNDERBIRD_ORDER.length) return false;
  const emails = data.map((r) => r.cells[4]?.trim() ?? '').filter(Boolean);
  return emails.length > 0 && emails.every((e) => e.includes('@'));
}

/** Reads a CSV export (text already decoded) into contacts, at most `maxRecords` of them. */
export function readCsvFile(
  text: string,
  maxRecords: number,
  { maxCell = MAX_CELL }: { maxCell?: number } = {},
): ParsedCsvFile {
  const problems: CardProblem[] = [];
  const body = text.replace(/^\ufeff/, '');
  const rows = parseRows(
    body,
    sniffDelimiter(body),
    { records: maxRecords + 2, cell: maxCell },
    problems,
  );
  const [header, ...data] = rows;
  if (!header) return { records: [], problems, tooMany: false };
  const headers = header.cells.map((h) => h.trim());
  let columns = columnsFor(headers);
  if (!columns.some(Boolean)) {
    if (looksLikeThunderbird(headers, data)) {
      columns = columnsFor(THUNDERBIRD_ORDER);
      problems.push({
        where: 'Line 1',
        reason: "column names this app does not know, read by position as Thunderbird's export",
      });
    } else {
      problems.push({
        where: 'Line 1',
        reason:
          'no column names this app knows (e.g. "First Name", "E-mail Address"): is the first line a header?',
      });
    }
  }
  const tooMany = data.length > maxRecords;
  const records: CsvRecord[] = [];
  for (const row of data.slice(0, maxRecords)) {
    if (row.cells.every((c) => !c.trim())) continue;
    const [rowHeaders, cells] = withOverflowJoined(headers, row.cells);
    records.push({ where: `Line ${row.line}`, ...contactFromRow(rowHeaders, columns, cells) });
  }
  return { records, problems, tooMany };
}
