/**
 * Where member cards go on a printed sheet: credit-card size (ISO/IEC 7810 ID-1, 85.6 × 54 mm) in a grid
 * centred on A4, with crop marks in the margin on every cutting line. All lengths in millimetres.
 */
import type { Member } from './types.ts';

export interface SheetSpec {
  pageWidth: number;
  pageHeight: number;
  cardWidth: number;
  cardHeight: number;
  /** Space between neighbouring cards; 0 puts them edge to edge (one cut between two cards). */
  gap: number;
  /** The least space kept clear at each page edge (printers cannot print to the edge). */
  margin: number;
  /** Crop marks: how long, and how far from the grid they start. */
  markLength: number;
  markOffset: number;
}

export const A4_CARD_SHEET: SheetSpec = {
  pageWidth: 210,
  pageHeight: 297,
  cardWidth: 85.6,
  cardHeight: 54,
  gap: 0,
  margin: 10,
  markLength: 5,
  markOffset: 1.5,
};

export interface CardSlot {
  x: number;
  y: number;
}

/** A line segment on the page. */
export interface CropMark {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface SheetLayout {
  columns: number;
  rows: number;
  perPage: number;
  /** The grid's top-left corner and size. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Top-left corner of each card, row by row. */
  slots: CardSlot[];
  marks: CropMark[];
}

const mm = (value: number): number => Math.round(value * 1000) / 1000;

/** How many cards fit along `space` with `gap` between them. */
const fit = (space: number, size: number, gap: number): number => Math.floor((space + gap + 1e-9) / (size + gap));

/** Cutting lines along one axis: every card's two edges, shared edges once. */
function cutLines(start: number, count: number, size: number, gap: number): number[] {
  const lines = new Set<number>();
  for (let i = 0; i < count; i++) {
    const from = mm(start + i * (size + gap));
    lines.add(from);
    lines.add(mm(from + size));
  }
  return [...lines].sort((a, b) => a - b);
}

export function sheetLayout(spec: SheetSpec = A4_CARD_SHEET): SheetLayout {
  const columns = fit(spec.pageWidth - 2 * spec.margin, spec.cardWidth, spec.gap);
  const rows = fit(spec.pageHeight - 2 * spec.margin, spec.cardHeight, spec.gap);
  if (columns < 1 || rows < 1) throw new RangeError('No card fits on this page.');
  const width = mm(columns * spec.cardWidth + (columns - 1) * spec.gap);
  const height = mm(rows * spec.cardHeight + (rows - 1) * spec.gap);
  const left = mm((spec.pageWidth - width) / 2);
  const top = mm((spec.pageHeight - height) / 2);

  const slots: CardSlot[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      slots.push({ x: mm(left + c * (spec.cardWidth + spec.gap)), y: mm(top + r * (spec.cardHeight + spec.gap)) });
    }
  }

  const near = spec.markOffset;
  const far = spec.markOffset + spec.markLength;
  const clampX = (x: number) => mm(Math.min(Math.max(x, 0), spec.pageWidth));
  const clampY = (y: number) => mm(Math.min(Math.max(y, 0), spec.pageHeight));
  const marks: CropMark[] = [];
  for (const x of cutLines(left, columns, spec.cardWidth, spec.gap)) {
    marks.push({ x1: x, y1: clampY(top - far), x2: x, y2: clampY(top - near) });
    marks.push({ x1: x, y1: clampY(top + height + near), x2: x, y2: clampY(top + height + far) });
  }
  for (const y of cutLines(top, rows, spec.cardHeight, spec.gap)) {
    marks.push({ x1: clampX(left - far), y1: y, x2: clampX(left - near), y2: y });
    marks.push({ x1: clampX(left + width + near), y1: y, x2: clampX(left + width + far), y2: y });
  }

  return { columns, rows, perPage: columns * rows, left, top, width, height, slots, marks };
}

/** `items` in pages of `perPage`. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError('perPage must be a positive integer.');
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages;
}

/** Members with a card code get a card; the others are named on screen so the clerk can give them one. */
export function splitPrintable<T extends Pick<Member, 'cardCode'>>(members: readonly T[]): { printable: T[]; skipped: T[] } {
  const printable: T[] = [];
  const skipped: T[] = [];
  for (const member of members) (member.cardCode?.trim() ? printable : skipped).push(member);
  return { printable, skipped };
}

/**
 * Roughly how wide a text is in ems: CJK and other wide characters 1 (the middle dot of transcribed names, ·,
 * too: CJK fonts draw it full width), the rest about half.
 */
export function textEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += /[\u00b7\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 1 : 0.55;
  return ems;
}

/**
 * The name's type size on a card (mm): as large as fits one line of `width` mm, between `min` and `max`.
 * A name too long even at `min` wraps.
 */
export function nameFontSize(name: string, width = 44, min = 3.5, max = 9): number {
  const ems = Math.max(textEms(name.trim()), 1);
  return Math.round(Math.min(max, Math.max(min, width / ems)) * 10) / 10;
}

/** The card code's type size under the QR code (mm): monospace, one line of `width` mm at most. */
export function codeFontSize(code: string, width = 27, max = 2.7): number {
  const chars = Math.max([...code].length, 1);
  return Math.round(Math.min(max, width / (chars * 0.62)) * 100) / 100;
}
