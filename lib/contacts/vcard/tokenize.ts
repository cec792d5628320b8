import { encodingOf, parseHeader, type Header } from './header';
import { counter, LIMITS } from './ops';
import { allBase64, blank, isMarker } from './scan';

/** One logical line: folds and quoted-printable soft breaks joined, value not yet decoded. */
export interface ContentLine extends Header {
  /** The value as bytes-as-Latin-1 (one char per byte), still encoded and escaped. */
  value: string;
  /** The physical line it starts on (1-based). */
  line: number;
  /** The physical lines of a 2.1 nested `AGENT` card, when this is that AGENT. */
  nested?: string[];
}

export interface RawCard {
  /** 1-based, counting every BEGIN:VCARD at the top level. */
  number: number;
  line: number;
  /** Offsets of the card's text (BEGIN line to END line) in the tokenized string. */
  start: number;
  end: number;
  lines: ContentLine[];
  problems: { line: number; reason: string }[];
  /** Why the card cannot be read at all (no END:VCARD, too large…); it is reported alone. */
  broken?: string;
}

interface Building {
  line: number;
  head: string[];
  headDone: boolean;
  quoted: boolean;
  header: Header | null;
  value: string[];
  qp: boolean;
  b64: boolean;
  size: number;
}

/**
 * Splits a vCard file (bytes as Latin-1, so each property can later be decoded in its own
 * CHARSET) into cards of content lines, in one pass: every character is visited a bounded number
 * of times, nothing is appended to a growing string, and every size is capped.
 */
export function* tokenize(
  s: string,
  fileProblem: (line: number, reason: string) => void,
): Generator<RawCard> {
  let card: RawCard | null = null;
  let cur: Building | null = null;
  let cardSize = 0;
  let skipping = false; // a broken card: wait for its END:VCARD
  let nested: string[] | null = null; // inside a 2.1 AGENT's card
  let nestedDepth = 0;
  let lastAgent: ContentLine | null = null;
  let count = 0;
  let outside = 0;

  const finishLine = () => {
    const b = cur;
    cur = null;
    if (!b || !card) return;
    if (!b.headDone) {
      const text = b.head.join('');
      const colon = text.indexOf(':'); // inside an unclosed quote: take the first colon
      if (colon >= 0) {
        headerFound(b, text.slice(0, colon));
        b.value.push(text.slice(colon + 1));
      } else {
        if (text.trim()) {
          card.problems.push({ line: b.line, reason: 'a line without ":" was ignored' });
        }
        return;
      }
    }
    if (!b.header) return;
    const cl: ContentLine = { ...b.header, value: b.value.join(''), line: b.line };
    counter.ops += cl.value.length;
    card.lines.push(cl);
    lastAgent = cl.name === 'AGENT' && !cl.value.trim() ? cl : null;
    if (card.lines.length > LIMITS.propertiesPerCard) {
      breakCard(`more than ${LIMITS.propertiesPerCard} properties`);
    }
  };

  function breakCard(reason: string) {
    if (card && !card.broken) card.broken = reason;
    skipping = true;
    cur = null;
    if (card) card.lines = [];
  }

  const headerFound = (b: Building, head: string) => {
    b.headDone = true;
    const h = parseHeader(head);
    if (typeof h === 'string') {
      card?.problems.push({ line: b.line, reason: `a property with ${h} was ignored` });
      return;
    }
    b.header = h;
    const enc = encodingOf(h);
    b.qp = enc === 'qp';
    b.b64 = enc === 'b64';
  };

  /** Adds s[a, e) to the logical line being built, finding the header's colon once. */
  const append = (b: Building, a: number, e: number) => {
    b.size += e - a;
    if (b.size > LIMITS.lineBytes) {
      breakCard(`line ${b.line} is longer than 1 MB`);
      return;
    }
    if (b.headDone) {
      b.value.push(s.slice(a, e));
      return;
    }
    for (let i = a; i < e; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) b.quoted = !b.quoted;
      else if (c === 58 && !b.quoted) {
        counter.ops += i - a;
        b.head.push(s.slice(a, i));
        headerFound(b, b.head.join(''));
        b.value.push(s.slice(i + 1, e));
        return;
      }
    }
    counter.ops += e - a;
    b.head.push(s.slice(a, e));
  };

  let pos = 0;
  let lineNo = 0;
  while (pos < s.length) {
    let end = pos;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    let next = end;
    if (next < s.length) next += s.charCodeAt(end) === 13 && s.charCodeAt(end + 1) === 10 ? 2 : 1;
    counter.ops += next - pos + 1;
    lineNo++;
    const a = pos;
    pos = next;

    const begin = isMarker(s, a, end, 'BEGIN:VCARD');
    const isEnd = !begin && isMarker(s, a, end, 'END:VCARD');

    if (!card) {
      if (begin) {
        count++;
        card = { number: count, line: lineNo, start: a, end: a, lines: [], problems: [] };
        cardSize = next - a;
        skipping = false;
        nested = null;
        nestedDepth = 0;
        lastAgent = null;
      } else if (!blank(s, a, end) && outside++ < 100) {
        fileProblem(lineNo, 'a line outside any card was ignored');
      }
      continue;
    }

    cardSize += next - a;
    if (cardSize > LIMITS.cardBytes && !skipping) breakCard('the card is larger than 1 MB');

    if (nested) {
      if (begin) {
        nestedDepth++;
        card.problems.push({ line: lineNo, reason: 'an AGENT card nested deeper was ignored' });
      } else if (isEnd) {
        nestedDepth--;
        if (nestedDepth === 0) {
          nested.push(s.slice(a, end));
          nested = null;
        }
      } else if (nestedDepth === 1 && !skipping) nested.push(s.slice(a, end));
      continue;
    }

    if (begin) {
      finishLine();
      const agent = lastAgent as ContentLine | null;
      if (agent && !skipping) {
        nested = [s.slice(a, end)];
        nestedDepth = 1;
        agent.nested = nested;
        lastAgent = null;
        continue;
      }
      // A BEGIN inside a card: the card before it never ended. Report it; start afresh.
      card.broken ??= 'it has no END:VCARD';
      card.lines = [];
      card.end = a;
      yield card;
      count++;
      card = { number: count, line: lineNo, start: a, end: a, lines: [], problems: [] };
      cardSize = next - a;
      skipping = false;
      lastAgent = null;
      continue;
    }
    if (isEnd) {
      finishLine();
      card.end = end;
      yield card;
      card = null;
      continue;
    }
    if (skipping) continue;

    const first = end > a ? s.charCodeAt(a) : -1;
    const last = cur?.value[cur.value.length - 1];
    if (cur && cur.qp && cur.headDone && last !== undefined && last.endsWith('=')) {
      cur.value[cur.value.length - 1] = last.slice(0, -1); // 2.1 quoted-printable soft break
      append(cur, a, end);
    } else if (cur && (first === 32 || first === 9)) {
      append(cur, a + 1, end); // RFC 6350 §3.2 fold: CRLF and one space or tab
    } else if (cur && cur.b64 && cur.headDone && allBase64(s, a, end)) {
      append(cur, a, end); // 2.1 base64 continued without indentation
    } else if (blank(s, a, end)) {
      if (cur?.b64) finishLine(); // a blank line ends a 2.1 base64 value; elsewhere it is noise
    } else {
      finishLine();
      cur = {
        line: lineNo,
        head: [],
        headDone: false,
        quoted: false,
        header: null,
        value: [],
        qp: false,
        b64: false,
        size: 0,
      };
      append(cur, a, end);
    }
  }
  if (card) {
    finishLine();
    card.broken ??= 'it has no END:VCARD';
    card.lines = [];
    card.end = s.length;
    yield card;
  }
}
