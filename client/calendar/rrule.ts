/**
 * The booking form's "repeat" part, turned into the RFC 5545 rule the server expands (in the venue's zone):
 * weekly on the chosen weekdays through a last date, minus the listed exception dates.
 */
import type { BookingRecurrence } from '../lib/types.ts';
import { weekdayOf } from './zone.ts';

/** ISO weekdays, Monday 1 … Sunday 7, as the form offers them. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface RepeatFields {
  mode: 'none' | 'weekly';
  /** ISO weekdays (1 = Monday). */
  weekdays: number[];
  /** The last date (venue-local 'YYYY-MM-DD'), included. */
  until: string;
  /** Dates (venue-local) on which no occurrence is made. */
  exdates: string[];
}

export type RepeatProblem = 'noWeekdays' | 'noUntil' | 'untilBeforeStart' | 'badExdate';

export type RepeatResult = { ok: true; recurrence: BookingRecurrence | null } | { ok: false; problem: RepeatProblem };

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630`: weekdays in week order, each once; UNTIL a local date. */
export function buildWeeklyRRule(weekdays: readonly number[], until: string): string {
  const days = [...new Set(weekdays)]
    .filter((day) => day >= 1 && day <= 7)
    .sort((a, b) => a - b)
    .map((day) => DAY_CODES[day - 1]);
  return `FREQ=WEEKLY;BYDAY=${days.join(',')};UNTIL=${until.replaceAll('-', '')}`;
}

/** Exception dates sorted, each once, without blanks. */
export function normaliseExdates(exdates: readonly string[]): string[] {
  return [...new Set(exdates.map((d) => d.trim()).filter((d) => d !== ''))].sort();
}

/** The request's `recurrence` for a first occurrence on `startDate` (venue-local), or why it cannot be built. */
export function buildRecurrence(fields: RepeatFields, startDate: string): RepeatResult {
  if (fields.mode === 'none') return { ok: true, recurrence: null };
  if (!fields.weekdays.some((day) => day >= 1 && day <= 7)) return { ok: false, problem: 'noWeekdays' };
  if (!DATE_RE.test(fields.until)) return { ok: false, problem: 'noUntil' };
  if (fields.until < startDate) return { ok: false, problem: 'untilBeforeStart' };
  const exdates = normaliseExdates(fields.exdates);
  if (exdates.some((d) => !DATE_RE.test(d))) return { ok: false, problem: 'badExdate' };
  const rrule = buildWeeklyRRule(fields.weekdays, fields.until);
  return { ok: true, recurrence: exdates.length > 0 ? { rrule, exdates } : { rrule } };
}

/** A new form's repeat part: no repeat; if switched on, the start date's weekday until `defaultUntil`. */
export function initialRepeat(startDate: string, defaultUntil: string): RepeatFields {
  const weekday = DATE_RE.test(startDate) ? weekdayOf(startDate) : 1;
  return { mode: 'none', weekdays: [weekday], until: defaultUntil, exdates: [] };
}
