/** Builds vCard files for tests: lines joined with an end of line, in an encoding (tests only). */
export function vcf(lines: readonly string[], eol = '\r\n', encoding: BufferEncoding = 'utf8') {
  return Uint8Array.from(Buffer.from(lines.join(eol) + eol, encoding));
}

/** UTF-16 bytes of a text, big- or little-endian, with or without a byte-order mark. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (endian === 'be')
    for (let i = 0; i + 1 < le.length; i += 2) le.writeUInt16BE(le.readUInt16LE(i), i);
  return Uint8Array.from(le);
}

/** The rest's lines as `group.NAME;params:value` strings, for readable assertions. */
export const restLines = (props: readonly unknown[]) =>
  (props as { group: string; name: string; params: string; value: string; attach?: boolean }[]).map(
    (p) => `${p.attach ? '@' : ''}${p.group ? `${p.group}.` : ''}${p.name}${p.params}:${p.value}`,
  );
