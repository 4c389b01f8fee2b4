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
  /**
   * Whether the user ticked or unticked a weekday. Until then the one ticked day is the start date's weekday
   * and follows the start date; afterwards the days are exactly what the user ticked (a Monday
   * ticked for the form's first date stayed ticked after the start moved to a Tuesday).
   */
  weekdaysChosen?: boolean;
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
  return { mode: 'none', weekdays: [weekday], until: defaultUntil, exdates: [], weekdaysChosen: false };
}

/** The repeat part after the start date changed: an auto-ticked weekday moves with it, a chosen one stays. */
export function withStartDate(fields: RepeatFields, startDate: string): RepeatFields {
  if (fields.weekdaysChosen || !DATE_RE.test(startDate)) return fields;
  const weekday = weekdayOf(startDate);
  return fields.weekdays.length === 1 && fields.weekdays[0] === weekday ? fields : { ...fields, weekdays: [weekday] };
}

/** The repeat part after the user ticked (`on`) or unticked a weekday: from now on the days are theirs. */
export function toggleWeekday(fields: RepeatFields, day: number, on: boolean): RepeatFields {
  const days = fields.weekdays.filter((d) => d !== day);
  return { ...fields, weekdays: on ? [...days, day].sort((a, b) => a - b) : days, weekdaysChosen: true };
}

/**
 * The dates a weekly rule gives from `startDate` through `until` (closures aside: the server skips or lists
 * those), for the form's summary "every Tue and Thu, … 12 sessions". Empty when the rule is incomplete.
 */
export function weeklyDates(fields: RepeatFields, startDate: string): string[] {
  if (buildRecurrence(fields, startDate).ok === false || fields.mode !== 'weekly') return [];
  const days = new Set(fields.weekdays);
  const skip = new Set(normaliseExdates(fields.exdates));
  const dates: string[] = [];
  const last = Date.parse(`${fields.until}T00:00:00Z`);
  // A term is at most two years (the server's cap): the loop is short.
  for (let t = Date.parse(`${startDate}T00:00:00Z`); t <= last && dates.length <= 800; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (days.has(weekdayOf(date)) && !skip.has(date)) dates.push(date);
  }
  return dates;
}
