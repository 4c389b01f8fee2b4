/**
 * RFC 5545 recurrence rules for booking series, limited to what centres book: DAILY, WEEKLY and MONTHLY
 * with INTERVAL, COUNT or UNTIL, BYDAY (ordinals such as 2TU or -1FR for MONTHLY), BYMONTHDAY and WKST.
 *
 * Expansion happens on the venue's wall calendar: dates are generated as local 'YYYY-MM-DD' strings and each
 * is turned into an instant with the series' local start time, so a weekly 09:00 class stays at 09:00
 * through daylight-saving changes (docs/architecture.md habit 5). Choices where the RFC is loose or we differ:
 * - DTSTART counts as the first occurrence only when it matches the rule; otherwise the first matching date
 *   after it is first (RFC 5545 leaves an unsynchronised DTSTART undefined; coordinators enter a term's first
 *   day, not necessarily a class day).
 * - COUNT counts occurrences before EXDATEs are removed (RFC 5545 §3.8.5.3 "the recurrence set ... excluding
 *   EXDATE"): COUNT=32 with two holidays gives 30 bookings.
 * - A date-only UNTIL means "through that local date" even though DTSTART has a time (the RFC wants the same
 *   value type; people write dates). A UTC UNTIL is compared with each occurrence's start instant. Both inclusive.
 * - WKST is honoured (it matters only for WEEKLY with INTERVAL > 1 and several BYDAY days); default Monday.
 * - Invalid dates are skipped, not moved (BYMONTHDAY=31 skips 30-day months; the 5th Tuesday skips months
 *   without one), as the RFC says.
 * - A local time in a DST gap moves forward by the gap (02:30 → 03:30), as the RFC says.
 */
import {
  addDays, compareDates, dateFromDayNumber, dayNumber, daysInMonth, formatLocalDate, localDateOf, parseLocalDate, parseLocalTime,
  weekdayOf, zonedToInstant, type Weekday,
} from '../../shared/zoned-time.ts';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

/** A BYDAY entry; `ordinal` (1…5 or -1…-5) only for MONTHLY: 2 = second, -1 = last of the month. */
export interface ByDay {
  weekday: Weekday;
  ordinal: number | null;
}

export type RRuleUntil = { kind: 'date'; date: string } | { kind: 'instant'; instant: Date };

export interface RRule {
  freq: Frequency;
  interval: number;
  count: number | null;
  until: RRuleUntil | null;
  byDay: ByDay[];
  byMonthDay: number[];
  wkst: Weekday;
}

export type ParseRRuleResult = { ok: true; rule: RRule } | { ok: false; message: string };

export interface ExpandSeriesInput {
  startDate: string; // local YYYY-MM-DD of the first occurrence (DTSTART)
  startTime: string; // local HH:MM
  durationMinutes: number;
  rrule: RRule;
  timeZone: string;
  exdates?: string[]; // local dates to skip (holidays, cancelled occurrences)
  maxOccurrences: number;
  /** How far after the start date the last occurrence may fall, in days; default MAX_SERIES_SPAN_DAYS. */
  maxSpanDays?: number;
}

export interface Occurrence {
  occurrenceDate: string; // the local date the rule produced (the occurrence's identity, like RECURRENCE-ID)
  start: Date;
  end: Date;
}

export type ExpandSeriesResult =
  | { ok: true; occurrences: Occurrence[] }
  | { ok: false; code: 'unbounded' | 'too_many' | 'too_far'; message: string };

/**
 * A series runs at most two years from its first date (731 days: two years, a leap day included). Bookings
 * further ahead are guesses, and a long rule with a small COUNT (MONTHLY;INTERVAL=52;COUNT=400) would
 * otherwise reach centuries ahead. Renew a series for the next term or year instead.
 */
export const MAX_SERIES_SPAN_DAYS = 731;

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const PARTS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'WKST'];
const UNSUPPORTED_PARTS = ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYWEEKNO', 'BYYEARDAY', 'BYMONTH', 'BYSETPOS'];
const EXAMPLE = 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20260630';
/** Expansion never looks further than this many years past the start: a rule that matches nothing ends. */
const HORIZON_YEARS = 100;
/** Past maxOccurrences we keep counting only this far, to say how many a rule would make. */
const EXACT_COUNT_LIMIT = 5000;

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
// Messages quote what was typed; keep a pasted essay from becoming the message.
const quote = (s: string): string => `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
const dayCode = (weekday: Weekday): string => DAY_CODES[weekday - 1] ?? 'MO';
const ymd = (year: number, month: number, day: number): string => formatLocalDate({ year, month, day });

function parseWeekday(code: string): Weekday | null {
  const index = (DAY_CODES as readonly string[]).indexOf(code);
  return index < 0 ? null : ((index + 1) as Weekday);
}

function parseUntil(value: string): RRuleUntil | string {
  const bad = `UNTIL=${quote(value)} is not a date: write the last day as YYYYMMDD (e.g. 20260630) or a UTC time as YYYYMMDDTHHMMSSZ (e.g. 20260630T155959Z)`;
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return bad;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!parseLocalDate(date)) return bad;
  if (m[4] === undefined) return { kind: 'date', date };
  if (m[7] !== 'Z') return `UNTIL=${quote(value)} has a time but no Z: RFC 5545 wants UTC here (e.g. 20260630T155959Z), or give just the date (20260630)`;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || min > 59 || s > 60) return bad; // 60: a leap second, which the RFC allows
  return { kind: 'instant', instant: new Date(dayNumber(date) * 86_400_000 + ((h * 60 + min) * 60 + s) * 1000) };
}

/** Parses an RRULE value (optionally prefixed `RRULE:`); the message says which part is wrong and how to fix it. */
export function parseRRule(text: string): ParseRRuleResult {
  let body = text.trim();
  if (/^RRULE:/i.test(body)) body = body.slice(6).trim();
  if (body.endsWith(';')) body = body.slice(0, -1); // a trailing ';' is a harmless slip
  if (body === '') return fail(`The repeat rule is empty: write one such as ${EXAMPLE}`);
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return fail(`${quote(part)} is not a NAME=VALUE part of a repeat rule (e.g. ${EXAMPLE})`);
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim().toUpperCase();
    if (UNSUPPORTED_PARTS.includes(name)) return fail(`${name} is not supported here; use only ${PARTS.join(', ')}`);
    if (!PARTS.includes(name)) return fail(`${quote(name)} is not a part of a repeat rule; use ${PARTS.join(', ')}`);
    if (parts.has(name)) return fail(`${name} is given twice; give it once`);
    if (value === '') return fail(`${name} has no value`);
    parts.set(name, value);
  }

  const freqText = parts.get('FREQ');
  if (freqText === undefined) return fail(`FREQ is missing: start the rule with FREQ=DAILY, FREQ=WEEKLY or FREQ=MONTHLY (e.g. ${EXAMPLE})`);
  if (freqText !== 'DAILY' && freqText !== 'WEEKLY' && freqText !== 'MONTHLY') {
    const known = ['YEARLY', 'HOURLY', 'MINUTELY', 'SECONDLY'].includes(freqText);
    return fail(`FREQ=${quote(freqText).slice(1, -1)} is ${known ? 'not supported for bookings' : 'not a frequency'}; use DAILY, WEEKLY or MONTHLY`);
  }
  const freq: Frequency = freqText;

  let interval = 1;
  const intervalText = parts.get('INTERVAL');
  if (intervalText !== undefined) {
    interval = /^\d{1,3}$/.test(intervalText) ? Number(intervalText) : 0;
    if (interval < 1 || interval > 52) return fail(`INTERVAL must be a whole number from 1 to 52 (2 = every other), got ${quote(intervalText)}`);
  }

  let count: number | null = null;
  const countText = parts.get('COUNT');
  if (countText !== undefined) {
    count = /^\d{1,9}$/.test(countText) ? Number(countText) : 0;
    if (count < 1) return fail(`COUNT must be a whole number of at least 1 (how many times), got ${quote(countText)}`);
  }

  let until: RRuleUntil | null = null;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    const parsed = parseUntil(untilText);
    if (typeof parsed === 'string') return fail(parsed);
    until = parsed;
  }
  if (count !== null && until !== null) return fail('Give either COUNT (how many times) or UNTIL (the last date), not both (RFC 5545 forbids both)');

  const byDay: ByDay[] = [];
  for (const item of parts.get('BYDAY')?.split(',') ?? []) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item.trim());
    const weekday = m?.[2] === undefined ? null : parseWeekday(m[2]);
    if (!m || weekday === null) {
      return fail(`BYDAY: ${quote(item)} is not a day; use MO, TU, WE, TH, FR, SA or SU, with FREQ=MONTHLY also a position such as 2TU (second Tuesday) or -1FR (last Friday)`);
    }
    const ordinal = m[1] === undefined ? null : Number(m[1]);
    if (ordinal !== null) {
      if (freq !== 'MONTHLY') return fail(`BYDAY=${quote(item).slice(1, -1)} gives a position in the month, which needs FREQ=MONTHLY; with FREQ=${freq} write just ${m[2]}`);
      if (ordinal === 0 || Math.abs(ordinal) > 5) return fail(`BYDAY: the position in ${quote(item)} must be 1 to 5 or -1 to -5 (-1 = last)`);
    }
    if (!byDay.some((d) => d.weekday === weekday && d.ordinal === ordinal)) byDay.push({ weekday, ordinal });
  }

  const byMonthDay: number[] = [];
  const byMonthDayText = parts.get('BYMONTHDAY');
  if (byMonthDayText !== undefined) {
    if (freq === 'WEEKLY') return fail('BYMONTHDAY cannot be used with FREQ=WEEKLY (RFC 5545); use FREQ=MONTHLY');
    for (const item of byMonthDayText.split(',')) {
      const day = /^[+-]?\d{1,2}$/.test(item.trim()) ? Number(item) : 0;
      if (day === 0 || Math.abs(day) > 31) return fail(`BYMONTHDAY: ${quote(item)} must be a day of the month from 1 to 31, or -1 to -31 counting from the end (-1 = last day)`);
      if (!byMonthDay.includes(day)) byMonthDay.push(day);
    }
  }

  let wkst: Weekday = 1;
  const wkstText = parts.get('WKST');
  if (wkstText !== undefined) {
    const weekday = parseWeekday(wkstText);
    if (weekday === null) return fail(`WKST=${quote(wkstText).slice(1, -1)} is not a day; use MO, TU, WE, TH, FR, SA or SU`);
    wkst = weekday;
  }

  return { ok: true, rule: { freq, interval, count, until, byDay, byMonthDay, wkst } };
}

/** The canonical RRULE value (no `RRULE:` prefix), e.g. to store a rule after changing its UNTIL. */
export function formatRRule(rule: RRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until?.kind === 'date') parts.push(`UNTIL=${rule.until.date.replaceAll('-', '')}`);
  if (rule.until?.kind === 'instant') parts.push(`UNTIL=${rule.until.instant.toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.ordinal ?? ''}${dayCode(d.weekday)}`).join(',')}`);
  if (rule.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.wkst !== 1) parts.push(`WKST=${dayCode(rule.wkst)}`);
  return parts.join(';');
}

/** Does the day `day` of a month with `dim` days, falling on `weekday`, match a BYDAY entry? */
function matchesByDay(entry: ByDay, weekday: Weekday, day: number, dim: number): boolean {
  if (entry.weekday !== weekday) return false;
  if (entry.ordinal === null) return true;
  return entry.ordinal > 0 ? Math.ceil(day / 7) === entry.ordinal : -(Math.floor((dim - day) / 7) + 1) === entry.ordinal;
}

function resolveMonthDay(monthDay: number, dim: number): number | null {
  const day = monthDay > 0 ? monthDay : dim + monthDay + 1;
  return day >= 1 && day <= dim ? day : null;
}

/** The days of one month the rule selects, ascending. */
function monthDays(rule: RRule, year: number, month: number, startDay: number): number[] {
  const dim = daysInMonth(year, month);
  const weekdayOfDay = (day: number): Weekday => weekdayOf(ymd(year, month, day));
  let days: number[];
  if (rule.byMonthDay.length > 0) {
    // BYMONTHDAY expands; BYDAY (if any) then limits (RFC 5545 table, note 1).
    days = rule.byMonthDay.map((d) => resolveMonthDay(d, dim)).filter((d): d is number => d !== null);
    if (rule.byDay.length > 0) days = days.filter((d) => rule.byDay.some((e) => matchesByDay(e, weekdayOfDay(d), d, dim)));
  } else if (rule.byDay.length > 0) {
    days = [];
    for (let d = 1; d <= dim; d++) if (rule.byDay.some((e) => matchesByDay(e, weekdayOfDay(d), d, dim))) days.push(d);
  } else {
    days = startDay <= dim ? [startDay] : [];
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Candidate local dates on or after the start, ascending, up to `lastDay` (a day number). */
function* candidateDates(rule: RRule, startDate: string, lastDay: number): Generator<string> {
  const first = dayNumber(startDate);
  if (rule.freq === 'DAILY') {
    for (let n = first; n <= lastDay; n += rule.interval) {
      const date = dateFromDayNumber(n);
      const fields = parseLocalDate(date);
      if (!fields) continue;
      const dim = daysInMonth(fields.year, fields.month);
      if (rule.byDay.length > 0 && !rule.byDay.some((e) => e.weekday === weekdayOf(date))) continue;
      if (rule.byMonthDay.length > 0 && !rule.byMonthDay.some((d) => resolveMonthDay(d, dim) === fields.day)) continue;
      yield date;
    }
  } else if (rule.freq === 'WEEKLY') {
    // Weeks are counted from the week (starting on WKST) that holds the start date.
    const weekdays = rule.byDay.length > 0 ? rule.byDay.map((e) => e.weekday) : [weekdayOf(startDate)];
    const offsets = [...new Set(weekdays.map((w) => (w - rule.wkst + 7) % 7))].sort((a, b) => a - b);
    for (let weekStart = first - ((weekdayOf(startDate) - rule.wkst + 7) % 7); weekStart <= lastDay; weekStart += 7 * rule.interval) {
      for (const offset of offsets) {
        const n = weekStart + offset;
        if (n >= first && n <= lastDay) yield dateFromDayNumber(n);
      }
    }
  } else {
    const start = parseLocalDate(startDate);
    if (!start) return;
    for (let index = start.year * 12 + start.month - 1; ; index += rule.interval) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (year > 9999 || dayNumber(ymd(year, month, 1)) > lastDay) return;
      for (const day of monthDays(rule, year, month, start.day)) {
        const n = dayNumber(ymd(year, month, day));
        if (n >= first && n <= lastDay) yield dateFromDayNumber(n);
      }
    }
  }
}

/**
 * The occurrences of a series, in the venue's wall time. Throws RangeError for a malformed start date or time,
 * a non-positive duration, a malformed exdate or an unknown zone (the caller validates user input first).
 */
export function expandSeries(input: ExpandSeriesInput): ExpandSeriesResult {
  const { startDate, startTime, durationMinutes, rrule, timeZone, maxOccurrences } = input;
  const maxSpanDays = input.maxSpanDays ?? MAX_SERIES_SPAN_DAYS;
  const start = parseLocalDate(startDate);
  if (!start) throw new RangeError(`Not a date (YYYY-MM-DD): "${startDate}"`);
  if (!parseLocalTime(startTime)) throw new RangeError(`Not a time (HH:MM): "${startTime}"`);
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) throw new RangeError(`Duration must be a positive whole number of minutes, got ${durationMinutes}`);
  zonedToInstant(startDate, startTime, timeZone); // an unknown zone throws here, even if nothing matches
  const exdates = new Set(input.exdates ?? []);
  for (const date of exdates) if (!parseLocalDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD) in exdates: "${date}"`);
  if (rrule.count === null && rrule.until === null) {
    return { ok: false, code: 'unbounded', message: 'The repeat rule has no end: add UNTIL=YYYYMMDD (the last day) or COUNT=n (how many times)' };
  }

  // Last local date worth generating. A UTC UNTIL falls on some local date; an occurrence a day later can
  // still be earlier only in pathological fall-backs across midnight, so allow one day and check instants.
  let lastDay = dayNumber(ymd(Math.min(start.year + HORIZON_YEARS, 9999), 12, 31));
  const until = rrule.until;
  if (until?.kind === 'date') lastDay = Math.min(lastDay, dayNumber(until.date));
  if (until?.kind === 'instant') {
    const untilLocal = localDateOf(until.instant, timeZone);
    if (compareDates(untilLocal, '9999-12-30') < 0) lastDay = Math.min(lastDay, dayNumber(addDays(untilLocal, 1)));
  }

  const countLimit = Math.max(EXACT_COUNT_LIMIT, maxOccurrences);
  const lastAllowedDay = dayNumber(startDate) + maxSpanDays;
  let tooFar: string | null = null; // the first occurrence past the span, if any
  const occurrences: Occurrence[] = [];
  let counted = 0; // occurrences of the rule, EXDATEs included (what COUNT counts)
  let made = 0; // occurrences left after EXDATEs
  for (const date of candidateDates(rrule, startDate, lastDay)) {
    // Instants are needed for a UTC UNTIL and for the result; past the limit we only count.
    const needInstant = until?.kind === 'instant' || made < maxOccurrences;
    const startsAt = needInstant ? zonedToInstant(date, startTime, timeZone) : null;
    if (until?.kind === 'instant' && startsAt && startsAt.getTime() > until.instant.getTime()) break;
    counted += 1;
    if (!exdates.has(date)) {
      made += 1;
      if (tooFar === null && dayNumber(date) > lastAllowedDay) tooFar = date;
      if (made <= maxOccurrences && startsAt) {
        occurrences.push({ occurrenceDate: date, start: startsAt, end: new Date(startsAt.getTime() + durationMinutes * 60_000) });
      }
      if (made > countLimit) break;
    }
    if (rrule.count !== null && counted >= rrule.count) break;
  }
  if (made > maxOccurrences) {
    const how = made > countLimit ? `more than ${countLimit}` : String(made);
    return {
      ok: false,
      code: 'too_many',
      message: `The repeat rule makes ${how} bookings; at most ${maxOccurrences} can be made at once. Use an earlier UNTIL or a smaller COUNT`,
    };
  }
  if (tooFar !== null) {
    return {
      ok: false,
      code: 'too_far',
      message: `The repeat rule reaches ${tooFar}, more than ${maxSpanDays} days (about two years) after the first date ${startDate}; ` +
        'a series may run at most that far. Use an earlier UNTIL or a smaller COUNT, and repeat the series for the next period later',
    };
  }
  return { ok: true, occurrences };
}
