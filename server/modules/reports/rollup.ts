/**
 * The monthly roll-up of visits (migration 202611291600): which reports it answers, and the switch the
 * benchmark turns. Its statements (rolling the months up, reading them back) are in rollup-queries.ts.
 */
import type { ReportRange } from './range.ts';
import type { VisitGrouping } from './schemas.ts';

/** Months of a date range that starts and ends on the first of a month, as 'YYYY-MM-01' [from, to); else null. */
export function wholeMonths(range: ReportRange): { from: string; to: string } | null {
  if (range.kind !== 'date' || !range.from.endsWith('-01') || !range.to.endsWith('-01')) return null;
  return { from: range.from, to: range.to };
}

/** Groupings the monthly roll-up answers (for whole months): everything coarser than a month and not by place. */
export const ROLLED_UP: ReadonlySet<VisitGrouping> = new Set(['month', 'category', 'venue']);

/**
 * Whether reports read the monthly roll-up. Always on in the server; the reports benchmark turns it off for
 * its baseline, and the integration test to check that both ways give the same figures.
 */
export const rollUp = { enabled: true };
