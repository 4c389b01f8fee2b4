/**
 * The time grid's first and last hour: the opening hours with a margin (hourOptions) by default, widened so
 * that every booking on the days in view is drawn whole. A 20:00–22:30 show after a 21:00 closing must not
 * look as if it ended where the grid stopped; a 06:30 start before opening must not look as if it began at 07:00.
 * Wall dates (see zone.ts). `gridHours` is pure; `fitGridHours` applies it to the calendar.
 */
import type { Calendar } from '@fullcalendar/core';
import { hourOptions, type VenueHours } from './calendar-options.ts';
import type { InstantRange } from './bookings-state.ts';
import type { WallSpan } from './day-parts.ts';
import { fromVenueWall } from './zone.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const hhmm = (hours: number): string => `${String(hours).padStart(2, '0')}:00:00`;
const hoursOf = (time: string): number => Number(time.slice(0, 2)) + Number(time.slice(3, 5)) / 60;

/** The grid's hours for these spans seen from `from` to `to` (midnights): never narrower than the default. */
export function gridHours(hours: VenueHours, spans: WallSpan[], from: Date, to: Date): { slotMinTime: string; slotMaxTime: string } {
  const base = hourOptions(hours);
  let min = hoursOf(base.slotMinTime);
  let max = hoursOf(base.slotMaxTime);
  for (const span of spans) {
    const start = Math.max(span.start.getTime(), from.getTime());
    const end = Math.min(span.end.getTime(), to.getTime());
    if (end <= start) continue;
    const midnight = Math.floor(start / DAY_MS) * DAY_MS;
    // Parts of a booking over several days are each within a day; a span still crossing midnight shows to 24:00.
    min = Math.min(min, Math.floor((start - midnight) / HOUR_MS));
    max = Math.max(max, Math.min(24, Math.ceil((end - midnight) / HOUR_MS)));
  }
  return { slotMinTime: hhmm(Math.floor(min)), slotMaxTime: hhmm(Math.ceil(max)) };
}

/** Set the grid's hours for the bookings now in view (only when they differ: a change redraws the view). */
export function fitGridHours(calendar: Calendar, hours: VenueHours): void {
  const view = calendar.view;
  const spans = calendar
    .getEvents()
    .filter((event) => event.display !== 'background' && event.start && event.end)
    .map((event) => ({ start: event.start!, end: event.end! }));
  const fitted = gridHours(hours, spans, view.currentStart, view.currentEnd);
  const before = applied.get(calendar);
  if (before?.slotMinTime === fitted.slotMinTime && before.slotMaxTime === fitted.slotMaxTime) return;
  applied.set(calendar, fitted);
  calendar.setOption('slotMinTime', fitted.slotMinTime);
  calendar.setOption('slotMaxTime', fitted.slotMaxTime);
}

/** What was last set on each calendar (its options read back are parsed durations, not these strings). */
const applied = new WeakMap<Calendar, { slotMinTime: string; slotMaxTime: string }>();

/** The whole days around a range of wall dates, as instants: what is loaded, so bookings outside the grid's hours come too. */
export function wholeDays(start: Date, end: Date, timeZone: string): InstantRange {
  return {
    start: fromVenueWall(new Date(Math.floor(start.getTime() / DAY_MS) * DAY_MS), timeZone).getTime(),
    end: fromVenueWall(new Date(Math.ceil(end.getTime() / DAY_MS) * DAY_MS), timeZone).getTime(),
  };
}
