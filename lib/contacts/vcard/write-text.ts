/** Escaping and folding for the writer (RFC 6350 §3.2, §3.4). */

/** Text values: backslash, newline, comma and semicolon escaped. */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/**
 * URI values (URL, IMPP, PHOTO links): commas and semicolons belong to the URI and are not escaped
 * (ical.js escapes them and corrupts `data:` photos); only a backslash and a line break are, so
 * the value comes back exactly as given.
 */
export const escapeUri = (s: string) => s.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n');

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** Folds a content line at 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
export function foldLine(line: string): string {
  if (line.length <= 75 && !/[^\x00-\x7f]/.test(line)) return line;
  const out: string[] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const size = utf8Length(cp);
    const units = cp > 0xffff ? 2 : 1;
    if (bytes + size > 75) {
      out.push(line.slice(from, i));
      from = i;
      bytes = 1; // the continuation's leading space
    }
    bytes += size;
    i += units;
  }
  out.push(line.slice(from));
  return out.join('\r\n ');
}
