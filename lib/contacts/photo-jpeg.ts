/**
 * True when the bytes are a baseline or progressive JPEG that holds nothing but the picture: only
 * the JFIF APP0 segment besides the coding segments (no EXIF, XMP, ICC, IPTC, comment or other
 * APPn), and nothing after the end-of-image marker. Such a file needs no metadata stripped.
 */
export function isCleanJpeg(bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return false;
  if (bytes[n - 2] !== 0xff || bytes[n - 1] !== 0xd9) return false;
  let at = 2;
  while (at + 4 <= n) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    // APP1–APP15 (EXIF, XMP, ICC, IPTC…) and COM carry metadata.
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) return false;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // Start of scan: the coded picture follows, up to the end-of-image marker checked above.
    if (marker === 0xda) return true;
    if (length < 2) return false;
    at += 2 + length;
  }
  return false;
}
