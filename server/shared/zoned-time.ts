/**
 * Wall-clock time in a venue's IANA time zone, using only `Intl.DateTimeFormat` (Node 20 has no Temporal).
 *
 * The database holds instants; these helpers are the edges where an instant meets a venue's wall clock
 * (docs/architecture.md habit 5). Nothing here reads the machine's own zone: local dates are 'YYYY-MM-DD' strings,
 * local times 'HH:MM', and calendar arithmetic on them is pure integer arithmetic (proleptic Gregorian).
 */

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DateFields {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface TimeFields {
  hour: number; // 0-23
  minute: number;
}

export interface LocalDateTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
}

export interface ZonedDateTime extends LocalDateTime {
  weekday: Weekday;
}

/** Every field of the wall clock, seconds included (iCalendar needs them). */
export interface ZonedFields extends DateFields, TimeFields {
  second: number;
}

/** A change of the zone's UTC offset; offsets are minutes east of UTC (Berlin in summer: 120). */
export interface OffsetTransition {
  at: Date; // first instant with the new offset
  offsetBefore: number;
  offsetAfter: number;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 'YYYY-MM-DD' with a real calendar date (years 0001-9999), or null. */
export function parseLocalDate(text: string): DateFields | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** 'HH:MM' on a 24-hour clock (00:00-23:59), or null. '24:00' is refused: it is the next day's 00:00. */
export function parseLocalTime(text: string): TimeFields | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export function formatLocalDate(fields: DateFields): string {
  return `${pad(fields.year, 4)}-${pad(fields.month)}-${pad(fields.day)}`;
}

export function formatLocalTime(fields: TimeFields): string {
  return `${pad(fields.hour)}:${pad(fields.minute)}`;
}

function requireDate(text: string): DateFields {
  const fields = parseLocalDate(text);
  if (!fields) throw new RangeError(`Not a date (YYYY-MM-DD): "${text}"`);
  return fields;
}

// Days since 1970-01-01 and back (H. Hinnant's civil calendar algorithms): exact for any year, no Date needed.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): DateFields {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** Days since 1970-01-01 (negative before). Handy for counting weeks between dates. */
export function dayNumber(date: string): number {
  const { year, month, day } = requireDate(date);
  return daysFromCivil(year, month, day);
}

export function dateFromDayNumber(days: number): string {
  return formatLocalDate(civilFromDays(days));
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7 + 1) as Weekday;
}

/** -1, 0 or 1. Valid 'YYYY-MM-DD' strings sort as text, so no parsing is needed. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The wall clock as if it were UTC, in milliseconds; offset = that minus the instant.
function civilMs(f: ZonedFields): number {
  return daysFromCivil(f.year, f.month, f.day) * DAY_MS + ((f.hour * 60 + f.minute) * 60 + f.second) * 1000;
}

// Making a DateTimeFormat costs far more than using one; zones are few, so keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`, to the second. */
export function zonedFields(instant: Date, timeZone: string): ZonedFields {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  const fields: ZonedFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof ZonedFields] = Number(part.value);
  }
  if (fields.hour === 24) fields.hour = 0; // old ICU builds print midnight as 24 even with h23
  return fields;
}

/** The zone's UTC offset at an instant, in milliseconds (whole seconds: some historic offsets have them). */
function offsetMsAt(ms: number, timeZone: string): number {
  const floored = ms - (((ms % 1000) + 1000) % 1000);
  return civilMs(zonedFields(new Date(floored), timeZone)) - floored;
}

/**
 * The instant when the wall clock in `timeZone` shows `date` `time`.
 * - In a gap (spring forward, e.g. 02:30 in Berlin on the last Sunday of March) the time moves forward by the
 *   gap (→ 03:30 summer time), as RFC 5545 prescribes for recurrence instances and Temporal's 'compatible'.
 * - In an overlap (fall back, 02:30 happens twice) the earlier instant is taken.
 * Throws RangeError for a malformed date or time or an unknown zone.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const d = requireDate(date);
  const t = parseLocalTime(time);
  if (!t) throw new RangeError(`Not a time (HH:MM): "${time}"`);
  const local = civilMs({ ...d, ...t, second: 0 });
  // Offsets a day either side; no zone changes its offset twice within two days, so the answer is one of
  // the two readings, checked by converting back.
  const before = offsetMsAt(local - DAY_MS, timeZone);
  const after = offsetMsAt(local + DAY_MS, timeZone);
  const candidates = [local - before, local - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + offsetMsAt(candidate, timeZone) === local) return new Date(candidate);
  }
  // No reading shows this wall time: it is in a gap. Reading it with the offset from before the gap lands
  // after the gap, shifted forward by the gap's length.
  return new Date(local - before);
}

export function instantToZoned(instant: Date, timeZone: string): ZonedDateTime {
  const f = zonedFields(instant, timeZone);
  const date = formatLocalDate(f);
  return { date, time: formatLocalTime(f), weekday: weekdayOf(date) };
}

export function localDateOf(instant: Date, timeZone: string): string {
  return formatLocalDate(zonedFields(instant, timeZone));
}

/** The zone's UTC offset at an instant, in minutes east of UTC. */
export function offsetMinutesAt(instant: Date, timeZone: string): number {
  return offsetMsAt(instant.getTime(), timeZone) / 60_000;
}

/**
 * Instants in [fromYear-01-01T00:00Z, (toYear+1)-01-01T00:00Z) where the zone's offset changes, in order.
 * Samples once a day and binary-searches each change to the second; real zones never change twice within a
 * day, so none is missed. About 365 Intl calls a year, ~1 ms: cheap enough to do per calendar feed.
 */
export function offsetTransitions(timeZone: string, fromYear: number, toYear: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  const end = daysFromCivil(toYear + 1, 1, 1) * DAY_MS;
  let lo = daysFromCivil(fromYear, 1, 1) * DAY_MS;
  let loOffset = offsetMsAt(lo, timeZone);
  while (lo < end) {
    const hi = Math.min(lo + DAY_MS, end);
    const hiOffset = offsetMsAt(hi, timeZone);
    if (hiOffset !== loOffset) {
      // Invariant: offset(a) = loOffset, offset(b) ≠ loOffset; narrow to adjacent seconds.
      let a = lo;
      let b = hi;
      while (b - a > 1000) {
        const mid = a + Math.floor((b - a) / 2000) * 1000;
        if (offsetMsAt(mid, timeZone) === loOffset) a = mid;
        else b = mid;
      }
      transitions.push({ at: new Date(b), offsetBefore: loOffset / 60_000, offsetAfter: offsetMsAt(b, timeZone) / 60_000 });
    }
    lo = hi;
    loOffset = hiOffset;
  }
  return transitions;
}
