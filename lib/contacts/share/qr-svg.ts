import encodeQR from 'qr';

/**
 * A QR code as SVG markup, encoded by the `qr` package. Its own SVG output draws one path
 * segment per dark module (87 KB for a 1 KB card); here each run of dark modules in a row is one
 * segment (52 KB). Black on white with a four-module quiet
 * zone (ISO/IEC 18004 §6.3.8), whatever the page's colour scheme.
 */
export function qrSvg(text: string): string {
  const grid = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const size = grid.length;
  const runs: string[] = [];
  grid.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end + 1]) end++;
      runs.push(`M${x} ${y}h${end - x + 1}v1H${x}z`);
      x = end;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" aria-hidden="true" focusable="false">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`
  );
}
