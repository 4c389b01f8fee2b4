/**
 * The venue's wall clock on a calendar that only knows UTC.
 *
 * FullCalendar without a time-zone plugin offers only 'local' and 'UTC'. The calendar runs in 'UTC' and is
 * fed "wall dates": Date objects whose UTC fields are the venue's wall time (09:00 in Shanghai is a Date of
 * 09:00Z). Nothing here reads the browser's own zone, so the grid shows venue time wherever the browser is.
 *
 * What must stay true: `fromVenueWall(toVenueWall(x, tz), tz)` is `x` for every instant except the second
 * copy of a repeated hour (autumn), which maps to the first; a wall time inside a spring gap moves forward by
 * the gap (02:30 → 03:30), as the server's recurrence expansion does.
 */

import { zonedFields } from '../../server/shared/zoned-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const asDate = (instant: Date | string): Date => (typeof instant === 'string' ? new Date(instant) : instant);

/** The venue's wall time at `instant`, as a Date whose UTC fields carry it. */
export function toVenueWall(instant: Date | string, timeZone: string): Date {
  const date = asDate(instant);
  if (Number.isNaN(date.getTime())) return new Date(Number.NaN);
  // The same wall-clock reading the server's recurrence uses (server/shared/zoned-time.ts).
  const f = zonedFields(date, timeZone);
  // zonedFields drops milliseconds; keep them so the round trip is exact.
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) + date.getUTCMilliseconds());
}

/** Minutes east of UTC in `timeZone` at `instant` (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((toVenueWall(new Date(truncated), timeZone).getTime() - truncated) / MINUTE_MS);
}

/** The instant at which the venue's clock shows `wall` (a UTC-fielded wall date). */
export function fromVenueWall(wall: Date, timeZone: string): Date {
  const local = wall.getTime();
  if (Number.isNaN(local)) return new Date(Number.NaN);
  // The offsets a day either side cover any one transition near this wall time.
  const before = offsetMinutes(new Date(local - DAY_MS), timeZone);
  const after = offsetMinutes(new Date(local + DAY_MS), timeZone);
  const valid: number[] = [];
  for (const offset of new Set([before, after])) {
    const candidate = local - offset * MINUTE_MS;
    if (offsetMinutes(new Date(candidate), timeZone) === offset) valid.push(candidate);
  }
  // Repeated hour: the first of the two. Gap: read with the offset before it, which lands past the gap.
  const chosen = valid.length > 0 ? Math.min(...valid) : local - before * MINUTE_MS;
  return new Date(chosen);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of a wall date. */
export const wallDate = (wall: Date): string =>
  `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;

/** 'HH:MM' of a wall date. */
export const wallTime = (wall: Date): string => `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;

/** The wall date of a 'YYYY-MM-DD' and an 'HH:MM' (or 'HH:MM:SS'); an Invalid Date when either is malformed. */
export function parseWall(date: string, time = '00:00'): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return new Date(Number.NaN);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) {
    return new Date(Number.NaN);
  }
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 February over into March: refuse it instead.
  if (wall.getUTCDate() !== day && hour !== 24) return new Date(Number.NaN);
  return wall;
}

/** The instant, as ISO 8601 UTC, of a venue-local date and time. */
export function wallToIso(date: string, time: string, timeZone: string): string | null {
  const instant = fromVenueWall(parseWall(date, time), timeZone);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** Add whole days to a 'YYYY-MM-DD' (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const wall = parseWall(date);
  return Number.isNaN(wall.getTime()) ? date : wallDate(new Date(wall.getTime() + days * DAY_MS));
}

/** ISO weekday (Monday 1 … Sunday 7) of a 'YYYY-MM-DD'. */
export function weekdayOf(date: string): number {
  const day = parseWall(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Today's 'YYYY-MM-DD' in the venue. */
export const venueToday = (timeZone: string, now: Date = new Date()): string => wallDate(toVenueWall(now, timeZone));
