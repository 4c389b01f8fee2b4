/**
 * The weekday × hour heat map's data: the grid of `weekday_hour` rows, its shades (greys and blues that stay
 * apart when printed in black and white), the legend and the busiest cells.
 */
import type { VisitRow } from './types.ts';

export interface HeatGrid {
  /** ISO weekdays shown, Monday (1) first. */
  days: number[];
  /** Hours of the day shown (0–23), in order. */
  hours: number[];
  /** cells[dayIndex][hourIndex]: person-visits. */
  cells: number[][];
  max: number;
  total: number;
}

/** The hours a centre is normally open: always shown, so an empty evening reads as empty, not as missing. */
export const DEFAULT_HOURS: readonly number[] = Array.from({ length: 13 }, (_, i) => 8 + i);

/** The grid of weekday_hour rows (keys 'D-HH', ISO weekday 1–7 and local hour). */
export function heatGrid(rows: readonly VisitRow[], baseHours: readonly number[] = DEFAULT_HOURS): HeatGrid {
  const found: Array<[number, number, number]> = [];
  for (const row of rows) {
    const m = /^([1-7])-(\d{1,2})$/.exec(row.key);
    if (!m) continue;
    const hour = Number(m[2]);
    if (hour > 23) continue;
    found.push([Number(m[1]), hour, row.visits]);
  }
  const hourSet = new Set(baseHours);
  for (const [, hour] of found) hourSet.add(hour);
  const sorted = [...hourSet].sort((a, b) => a - b);
  const lo = sorted[0] ?? 0;
  const hi = sorted[sorted.length - 1] ?? -1;
  const hours = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const days = [1, 2, 3, 4, 5, 6, 7];
  const cells = days.map(() => hours.map(() => 0));
  let max = 0;
  let total = 0;
  for (const [day, hour, visits] of found) {
    const row = cells[day - 1]!;
    const i = hour - lo;
    row[i] = (row[i] ?? 0) + visits;
    max = Math.max(max, row[i]!);
    total += visits;
  }
  return { days, hours, cells, max, total };
}

/**
 * Blue-grey shades, lightest to darkest, whose lightness falls steadily so they still read as lighter and
 * darker greys printed in black and white. Index 0 is "none".
 */
export const HEAT_SHADES = ['#ffffff', '#dfe7f1', '#bccfe4', '#85a7cd', '#44709f', '#1f3a5f'] as const;

/** The shade (0 for nothing, 1–5) of a value against the largest one. */
export function shadeLevel(value: number, max: number, levels = HEAT_SHADES.length - 1): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(levels, Math.max(1, Math.ceil((value / max) * levels)));
}

/** Text on a shade: white on the two darkest. */
export const shadeText = (level: number): string => (level >= HEAT_SHADES.length - 2 ? '#ffffff' : '#14213d');

/**
 * The legend of the shades: the values each one stands for, as shadeLevel gives them (level k holds the
 * values above max·(k−1)/5 up to max·k/5); levels no whole number falls into are left out.
 */
export function heatLegend(max: number, levels = HEAT_SHADES.length - 1): Array<{ level: number; from: number; to: number }> {
  if (max <= 0) return [];
  const legend: Array<{ level: number; from: number; to: number }> = [];
  for (let level = 1; level <= levels; level++) {
    const from = Math.floor((max * (level - 1)) / levels) + 1;
    const to = level === levels ? max : Math.floor((max * level) / levels);
    if (from <= to) legend.push({ level, from, to });
  }
  return legend;
}

/** The busiest cells, most first (for a sentence under the map). */
export function busiestCells(grid: HeatGrid, count = 3): Array<{ day: number; hour: number; visits: number }> {
  const all: Array<{ day: number; hour: number; visits: number }> = [];
  grid.cells.forEach((row, d) => row.forEach((visits, h) => visits > 0 && all.push({ day: grid.days[d]!, hour: grid.hours[h]!, visits })));
  return all.sort((a, b) => b.visits - a.visits || a.day - b.day || a.hour - b.hour).slice(0, count);
}

