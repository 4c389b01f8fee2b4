import { describe, expect, it } from 'vitest';
import { A4_CARD_SHEET, codeFontSize, nameFontSize, paginate, sheetLayout, splitPrintable, textEms } from './card-layout.ts';

describe('card sheet layout', () => {
  const layout = sheetLayout();

  it('puts ten credit-card-size cards on an A4 page, centred', () => {
    expect(layout).toMatchObject({ columns: 2, rows: 5, perPage: 10, width: 171.2, height: 270 });
    expect(layout.left).toBeCloseTo(19.4, 6);
    expect(layout.top).toBeCloseTo(13.5, 6);
    expect(layout.slots).toHaveLength(10);
    expect(layout.slots[0]).toEqual({ x: 19.4, y: 13.5 });
    expect(layout.slots[1]).toEqual({ x: 105, y: 13.5 });
    expect(layout.slots[9]).toEqual({ x: 105, y: 229.5 });
  });

  it('keeps every card on the page and inside the margins, none overlapping', () => {
    const { cardWidth: w, cardHeight: h, margin, pageWidth, pageHeight } = A4_CARD_SHEET;
    for (const slot of layout.slots) {
      expect(slot.x).toBeGreaterThanOrEqual(margin);
      expect(slot.y).toBeGreaterThanOrEqual(margin);
      expect(slot.x + w).toBeLessThanOrEqual(pageWidth - margin + 1e-9);
      expect(slot.y + h).toBeLessThanOrEqual(pageHeight - margin + 1e-9);
    }
    for (const a of layout.slots) {
      for (const b of layout.slots) {
        if (a === b) continue;
        const apart = a.x + w <= b.x + 1e-9 || b.x + w <= a.x + 1e-9 || a.y + h <= b.y + 1e-9 || b.y + h <= a.y + 1e-9;
        expect(apart).toBe(true);
      }
    }
  });

  it('marks every cutting line in the margin, outside the cards', () => {
    // Edge to edge: 3 vertical cuts and 6 horizontal ones, each marked at both ends.
    expect(layout.marks).toHaveLength(2 * 3 + 2 * 6);
    for (const mark of layout.marks) {
      const insideGrid =
        Math.max(mark.x1, mark.x2) > layout.left + 1e-9 &&
        Math.min(mark.x1, mark.x2) < layout.left + layout.width - 1e-9 &&
        Math.max(mark.y1, mark.y2) > layout.top + 1e-9 &&
        Math.min(mark.y1, mark.y2) < layout.top + layout.height - 1e-9;
      expect(insideGrid).toBe(false);
      expect(Math.min(mark.x1, mark.x2, mark.y1, mark.y2)).toBeGreaterThanOrEqual(0);
    }
    expect(layout.marks.filter((m) => m.x1 === m.x2).map((m) => m.x1)).toEqual([19.4, 19.4, 105, 105, 190.6, 190.6]);
  });

  it('leaves room between cards when asked, cutting both sides of the gap', () => {
    const spaced = sheetLayout({ ...A4_CARD_SHEET, gap: 4 });
    expect(spaced).toMatchObject({ columns: 2, rows: 4, perPage: 8 });
    expect(spaced.slots[1]!.x - spaced.slots[0]!.x).toBeCloseTo(89.6, 6);
    expect(spaced.marks.filter((m) => m.x1 === m.x2)).toHaveLength(2 * 4);
  });

  it('refuses a page too small for one card', () => {
    expect(() => sheetLayout({ ...A4_CARD_SHEET, pageWidth: 90 })).toThrow(RangeError);
  });
});

describe('pages and skipped members', () => {
  it('splits into pages of ten', () => {
    const pages = paginate(Array.from({ length: 23 }, (_, i) => i), 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(paginate([], 10)).toEqual([]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });

  it('skips members without a card code', () => {
    const { printable, skipped } = splitPrintable([
      { id: 1, cardCode: 'QJ1' },
      { id: 2, cardCode: null },
      { id: 3, cardCode: '  ' },
      { id: 4, cardCode: 'QJ4' },
    ]);
    expect(printable.map((m) => m.id)).toEqual([1, 4]);
    expect(skipped.map((m) => m.id)).toEqual([2, 3]);
  });
});

describe('name size on a card', () => {
  it('prints short names large and long ones smaller, within bounds', () => {
    expect(nameFontSize('杜荣')).toBe(9);
    expect(nameFontSize('欧阳建国')).toBe(9);
    expect(nameFontSize('阿不都热合曼·买买提')).toBeCloseTo(44 / 10, 1);
    expect(nameFontSize('阿不都热合曼·买买提')).toBeLessThan(5);
    expect(nameFontSize('x'.repeat(60))).toBe(3.5);
    expect(nameFontSize('')).toBe(9);
  });

  it('counts Chinese characters twice as wide as Latin ones', () => {
    expect(textEms('杜荣')).toBe(2);
    expect(textEms('Li Na')).toBeCloseTo(2.75, 6);
    expect(textEms('𠀋')).toBe(1);
    expect(textEms('热合曼·买买提')).toBe(7);
  });
});

describe('card code size under the QR code', () => {
  it('fits one line under the code', () => {
    expect(codeFontSize('QJ2020001D')).toBe(2.7);
    const long = 'A'.repeat(32);
    expect(codeFontSize(long) * 0.62 * 32).toBeLessThanOrEqual(27.01);
  });
});
