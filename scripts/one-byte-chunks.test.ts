import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeWideCharacters } from './one-byte-chunks.mjs';

/** Runs a script's last expression, as V8 would the chunk. */
const run = (source: string): unknown => vm.runInNewContext(source);

describe('escapeWideCharacters', () => {
  it.each([
    ['a string', `"Loading…" + '→ next’s'`],
    ['a template without a tag', 'const n = 2; `${n} contacts … ${n + 1} → ’`'],
    ['a regular expression', `/[“”]/.test('say “hi”') && /…$/.test('wait…')`],
    [
      'an astral character in a u regular expression',
      `/^[😀-😏]$/u.test('😃') && !/^[😀-😏]$/u.test('😐')`,
    ],
    ['an astral character without the u flag', `/^😀$/.test('😀') && '😀'.length === 2`],
    ['an identity escape', `"\\…" === '…' && /\\…/.test('…')`],
    ['a line continuation before a separator', `"a\\\u2028b" === 'ab'`],
    ['an escaped backslash before the character', `"\\\\…" === '\\\\' + '…'`],
    ['a property name and a module-like object', `({ "→": "…" })["→"] === "…"`],
    ['JSON in a string', `JSON.parse('{"name":"Zoë Ⅻ"}').name === "Zoë Ⅻ"`],
    [
      'names: a variable, a property, a private field',
      'class A { #ñō = 1; ĳ() { return this.#ñō } }; const я = { б: new A().ĳ() }; я.б + я["б"]',
    ],
    ['an astral name', 'const 𝒜 = 5; ({ 𝒜 }).𝒜'],
  ])('keeps the meaning of %s and leaves no wide character', (_, source) => {
    const escaped = escapeWideCharacters(source);
    expect(escaped).not.toBeNull();
    expect(escaped).not.toMatch(/[^\u0000-\u00ff]/);
    expect(run(escaped!)).toEqual(run(source));
  });

  it('leaves Latin-1, which V8 already keeps in one byte, as it is', () => {
    const source = `"Zoë, café, ½"`;
    expect(escapeWideCharacters(source)).toBe(source);
  });

  it.each([
    ['a tagged template, whose tag can read the raw text', 'String.raw`a…b`'],
    ['a comment', '/* © Łukasz */ 1'],
    ['a source the parser refuses', '"…" +'],
  ])('leaves a file with a wide character in %s as it is (null)', (_, source) => {
    expect(escapeWideCharacters(source)).toBeNull();
  });
});
