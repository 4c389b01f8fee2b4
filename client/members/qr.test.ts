import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr.ts';

/** Paints the path's rectangles (`M x y h w v1 h-w z`) into an RGBA image and reads it back with jsQR. */
function decode({ size, d }: { size: number; d: string }, scale = 4): string | null {
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const i = (py * side + px) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

describe('QR code of a card code', () => {
  it('reads back as the card code', () => {
    for (const code of ['QJ2020001D', 'QJ2019001D', 'A', 'CARD_2024-000123', 'Z'.repeat(32)]) {
      expect(decode(qrPath(code))).toBe(code);
    }
  });

  it('is numbers and path commands only', () => {
    const { size, d } = qrPath('QJ2020001D');
    expect(size).toBe(21 + 4);
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
  });

  it('keeps the quiet zone clear', () => {
    const { d } = qrPath('QJ2020001D', 4);
    for (const match of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      expect(Number(match[1])).toBeGreaterThanOrEqual(4);
      expect(Number(match[2])).toBeGreaterThanOrEqual(4);
      expect(Number(match[1]) + Number(match[3])).toBeLessThanOrEqual(4 + 21);
    }
  });
});
