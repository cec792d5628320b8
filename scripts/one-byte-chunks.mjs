// V8 keeps the source text of every script it has compiled, for as long as the script lives: the
// server's chunks stay in the heap for the life of the process. A script with a single character
// beyond U+00FF (a "…" or "’" in the app's text, a "→" in a library's message) is held as two
// bytes per character instead of one: 41 of the build's server chunks, 5.6 of its 8.1 million
// characters, 6 MB of the running server's heap (docs/decisions/008-performance.md). Written as
// \uXXXX escapes inside their literals, the same characters make a one-byte script that means
// the same. The TypeScript parser finds the literals; anything it cannot prove harmless leaves
// the file as it is.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const WIDE = /[^\u0000-\u00ff]/;
const K = ts.SyntaxKind;

/** Whether a template literal part belongs to a tagged template, whose tag can read its raw text. */
function inTaggedTemplate(node) {
  let template = node;
  if (node.kind === K.TemplateMiddle || node.kind === K.TemplateTail) template = node.parent.parent;
  else if (node.kind === K.TemplateHead) template = node.parent;
  return template.parent?.kind === K.TaggedTemplateExpression;
}

/**
 * [start, end, isName] of every string, untagged template and regular expression literal and
 * every name, in order.
 */
function literalRanges(source) {
  const file = ts.createSourceFile(
    'chunk.js',
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  );
  if (file.parseDiagnostics.length > 0) return null;
  const ranges = [];
  const visit = (node) => {
    switch (node.kind) {
      case K.StringLiteral:
      case K.RegularExpressionLiteral:
        ranges.push([node.getStart(file), node.end, false]);
        return;
      case K.Identifier:
      case K.PrivateIdentifier:
        ranges.push([node.getStart(file), node.end, true]);
        return;
      case K.NoSubstitutionTemplateLiteral:
      case K.TemplateHead:
      case K.TemplateMiddle:
      case K.TemplateTail:
        if (!inTaggedTemplate(node)) ranges.push([node.getStart(file), node.end, false]);
        return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return ranges.sort((a, b) => a[0] - b[0]);
}

const hex = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`;

/**
 * The source with every character above U+00FF in a literal or a name written as an escape, or
 * null when one stands anywhere else (a comment, a tagged template's text). In a literal an astral
 * character becomes its two surrogates, which strings, templates and regular expressions, with or
 * without the u flag, all read as the one character; a name takes \u{…}, the one form it allows.
 */
export function escapeWideCharacters(source) {
  if (!WIDE.test(source)) return source;
  const ranges = literalRanges(source);
  if (!ranges) return null;
  let out = '';
  let copied = 0;
  let r = 0;
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    if (unit <= 0xff) continue;
    while (r < ranges.length && ranges[r][1] <= i) r++;
    if (r === ranges.length || ranges[r][0] > i) return null;
    if (ranges[r][2]) {
      // A name's characters are never escaped already (a minifier writes them as they are).
      const point = source.codePointAt(i);
      out += `${source.slice(copied, i)}\\u{${point.toString(16)}}`;
      if (point > 0xffff) i++;
      copied = i + 1;
      continue;
    }
    let backslashes = 0;
    while (source.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    // An odd run of backslashes escapes this character: "\…" is "…" (an identity escape), and a
    // backslash before a line or paragraph separator continues the line, which is nothing.
    const escaped = backslashes % 2 === 1;
    out += source.slice(copied, escaped ? i - 1 : i);
    out += escaped && (unit === 0x2028 || unit === 0x2029) ? '' : hex(unit);
    copied = i + 1;
  }
  return out + source.slice(copied);
}

/** Rewrites the server's chunks under `dir` in place; returns how many changed and how many were left. */
export function oneByteChunks(dir) {
  let changed = 0;
  let left = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = fs.readFileSync(file, 'utf8');
    const result = escapeWideCharacters(source);
    if (result === null) left++;
    else if (result !== source) {
      fs.writeFileSync(file, result);
      changed++;
    }
  }
  return { changed, left };
}
