/**
 * A QR code as one SVG path, built from the library's module matrix: the page draws it with `<path d={…}>`,
 * so nothing but numbers reaches the markup (no `{@html}`), and it prints sharp at any size.
 */
import { create } from 'qrcode';

export interface QrPath {
  /** Side of the square in modules, quiet zone included (the SVG's viewBox is `0 0 size size`). */
  size: number;
  /** Dark modules as one path: a rectangle per horizontal run. */
  d: string;
}

/** `quietZone`: light modules around the symbol (the standard asks 4; on a white card 2 reads well). */
export function qrPath(text: string, quietZone = 2): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      parts.push(`M${start + quietZone} ${row + quietZone}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: n + 2 * quietZone, d: parts.join('') };
}
