/**
 * Which term the kiosk offers, and for what: its renewal window (续报), its application window (报名), or
 * afterwards its results and offered seats (录取查询, 补录). Worked out from the term's windows and the clock,
 * so the 报名 button appears and goes at the window's edges without waiting for the next reload; the server
 * decides in the end (an application a second late is refused as `window_closed`, and the screen says so).
 */
import type { TermDto } from './types.ts';

export type TermWindow = 'renewal' | 'applying' | 'results';

export interface KioskTerm {
  term: TermDto;
  window: TermWindow;
}

/**
 * How long after applications close the kiosk still offers a term's results: places are drawn, paid for and
 * passed down the waiting lists (补录) into the first weeks of the term. A term has no end date of its own.
 */
export const RESULTS_DAYS = 90;
const DAY_MS = 86_400_000;

const at = (instant: string | null): number => (instant ? Date.parse(instant) : Number.NaN);

/** The window open at `now`, if any (windows are half-open: `[from, until)`). */
export function openWindow(term: TermDto, now: Date): 'renewal' | 'applying' | null {
  const t = now.getTime();
  if (at(term.renewFrom) <= t && t < at(term.renewUntil)) return 'renewal';
  if (at(term.applyFrom) <= t && t < at(term.applyUntil)) return 'applying';
  return null;
}

/**
 * The term to offer at `now`: one in an open window first (the newest if several), else the newest whose
 * applications closed within RESULTS_DAYS, for its results and offers; else none (no 报名 button).
 */
export function kioskTerm(terms: readonly TermDto[], now: Date): KioskTerm | null {
  const newestFirst = [...terms].sort((a, b) => at(b.applyFrom) - at(a.applyFrom));
  for (const term of newestFirst) {
    const window = openWindow(term, now);
    if (window) return { term, window };
  }
  const t = now.getTime();
  const recent = newestFirst.find((term) => at(term.applyUntil) <= t && t - at(term.applyUntil) < RESULTS_DAYS * DAY_MS);
  return recent ? { term: recent, window: 'results' } : null;
}
