/**
 * The range of a report: `from`/`to` as local dates (each venue's own calendar days, the usual case) or as
 * instants, half-open, with the caps that keep one request bounded: a year by day, ten years otherwise.
 */
import { validationFailed } from '../../errors.ts';
import { parseLocalDate } from '../../shared/zoned-time.ts';

export type ReportRange = { kind: 'date'; from: string; to: string; days: number } | { kind: 'instant'; from: string; to: string; days: number };

/** At most this many days per grouping: a year (a leap one too) day by day, ten years otherwise. */
export const MAX_DAYS_BY_DAY = 366;
export const MAX_DAYS = 3653;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseBound(text: string, field: string): { kind: 'date' | 'instant'; ms: number } {
  if (DATE_ONLY.test(text)) {
    const d = parseLocalDate(text);
    if (!d) throw validationFailed(field, `"${text}" is not a calendar date (YYYY-MM-DD).`);
    return { kind: 'date', ms: Date.UTC(d.year, d.month - 1, d.day) };
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw validationFailed(field, `"${text}" is neither a date (YYYY-MM-DD) nor an instant with an offset.`);
  return { kind: 'instant', ms };
}

export function parseRange(from: string, to: string, maxDays: number): ReportRange {
  const a = parseBound(from, 'from');
  const b = parseBound(to, 'to');
  if (a.kind !== b.kind) throw validationFailed('to', 'Give from and to in the same form: both dates (YYYY-MM-DD) or both instants.');
  if (b.ms <= a.ms) throw validationFailed('to', 'The end of the range (to) must be after its start (from); to is not included.');
  const days = (b.ms - a.ms) / DAY_MS;
  if (days > maxDays) {
    throw validationFailed('to', maxDays === MAX_DAYS_BY_DAY
      ? `A report by day covers at most ${MAX_DAYS_BY_DAY} days; group by week or month for longer ranges.`
      : `A report covers at most ten years (${MAX_DAYS} days); ask for a shorter range.`);
  }
  return a.kind === 'date'
    ? { kind: 'date', from, to, days }
    : { kind: 'instant', from: new Date(a.ms).toISOString(), to: new Date(b.ms).toISOString(), days };
}

/** Every key a date grouping has in [from, to) (for rows with no visits), in order; instants give none. */
export function periodKeys(range: ReportRange, groupBy: 'day' | 'week' | 'month'): string[] {
  if (range.kind !== 'date') return [];
  const keys: string[] = [];
  const start = Date.parse(`${range.from}T00:00:00Z`);
  const end = Date.parse(`${range.to}T00:00:00Z`);
  for (let t = start; t < end; t += DAY_MS) {
    const d = new Date(t);
    let key = d.toISOString().slice(0, 10);
    if (groupBy === 'month') key = key.slice(0, 7);
    if (groupBy === 'week') key = new Date(t - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  return keys;
}
