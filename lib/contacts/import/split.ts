/**
 * Cuts a file into pieces of about `size` at record boundaries, so that the synchronous readers
 * run on one piece at a time and the server can answer other requests in between. Each piece
 * knows how many lines come before it, so the names of places ("Card 12 (line 340)") can be made
 * to count from the start of the file again.
 */

export interface Piece<T> {
  data: T;
  /** Lines of the file before this piece. */
  linesBefore: number;
}

const BEGIN = /^\s*BEGIN\s*:\s*VCARD\s*$/i;
const END = /^\s*END\s*:\s*VCARD\s*$/i;
// A vCard 2.1 AGENT whose value is a whole card on the following lines.
const AGENT = /^([\w-]+\.)?AGENT[;:]/i;
const latin1 = new TextDecoder('latin1');

/** Splits vCard bytes (ASCII-compatible) before a BEGIN:VCARD that starts a top-level card. */
export function splitVCardBytes(bytes: Uint8Array, size: number): Piece<Uint8Array>[] {
  const pieces: Piece<Uint8Array>[] = [];
  let pieceStart = 0;
  let linesBefore = 0;
  let line = 0;
  let depth = 0;
  let previous = '';
  for (let start = 0; start < bytes.length; line += 1) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    // Only the start of a line is looked at: enough for BEGIN, END and AGENT.
    const head = latin1.decode(bytes.subarray(start, Math.min(end, start + 64)));
    if (BEGIN.test(head)) {
      const nested = depth === 1 && AGENT.test(previous);
      if (!nested && start - pieceStart >= size) {
        pieces.push({ data: bytes.subarray(pieceStart, start), linesBefore });
        pieceStart = start;
        linesBefore = line;
      }
      // A BEGIN inside a card that is not an AGENT's starts a new card (the old one is unended).
      depth = nested ? 2 : 1;
    } else if (END.test(head)) {
      depth = Math.max(0, depth - 1);
    }
    if (head.trim()) previous = head;
    start = end + 1;
  }
  pieces.push({ data: bytes.subarray(pieceStart), linesBefore });
  return pieces;
}

/**
 * Splits CSV text after a record (a line end outside quotes) into pieces that each start with
 * the header row, so every piece reads on its own.
 */
export function splitCsvText(text: string, size: number): Piece<string>[] {
  const headerEnd = recordEnd(text, 0);
  if (headerEnd >= text.length) return [{ data: text, linesBefore: 0 }];
  const header = text.slice(0, headerEnd + 1);
  const pieces: Piece<string>[] = [];
  let start = headerEnd + 1;
  let linesBefore = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) end = recordEnd(text, end, start) + 1;
    const body = text.slice(start, end);
    pieces.push({ data: header + body, linesBefore });
    linesBefore += countLines(body);
    start = end;
  }
  // Every piece repeats the header, so a line number within a piece is off by the data lines
  // of the pieces before it only.
  return pieces.length > 0 ? pieces : [{ data: text, linesBefore: 0 }];
}

/**
 * The index of the line feed that ends the record containing `from` (text.length if none).
 * Quotes are counted from `scanFrom`, a record start, so a line feed inside a quoted cell is
 * never taken for the end.
 */
function recordEnd(text: string, from: number, scanFrom = 0): number {
  let quoted = false;
  for (let i = scanFrom; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted && i >= from) return i;
  }
  return text.length;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n += 1;
  return n;
}
