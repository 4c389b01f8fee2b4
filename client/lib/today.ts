/**
 * Today at a venue, as pure functions: which bookings are on now or later today (in the venue's zone, never
 * the machine's), which activity a room has now, and how `venue:<id>` events change the bookings and the
 * headcount a screen holds. Events are patches; applying one the HTTP snapshot already holds is harmless.
 */
import { CAPACITY_LEVELS } from '../../server/shared/capacity.ts';
import type { DayBooking, Headcount, RoomHeadcount } from './checkin-types.ts';
import type { UncheckedEvent } from './live.svelte.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  let format = dateFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    dateFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const ms = (instant: string) => new Date(instant).getTime();

export const isOnNow = (b: Pick<DayBooking, 'start' | 'end'>, now: Date): boolean =>
  ms(b.start) <= now.getTime() && now.getTime() < ms(b.end);

/**
 * The activities a member arriving now can go to: confirmed bookings running now, or starting later on the
 * venue's today. Running ones first, then by start time, then by title (stable on screen).
 */
export function activitiesToday(bookings: readonly DayBooking[], now: Date, timeZone: string): DayBooking[] {
  const today = localDate(now, timeZone);
  return bookings
    .filter((b) => b.status !== 'cancelled')
    .filter((b) => ms(b.end) > now.getTime() && (isOnNow(b, now) || localDate(b.start, timeZone) === today))
    .sort((a, b) => {
      const running = Number(isOnNow(b, now)) - Number(isOnNow(a, now));
      return running || ms(a.start) - ms(b.start) || a.title.localeCompare(b.title);
    });
}

/** What a room has now, else what comes next in it today (null: nothing more today). */
export function roomActivity(
  roomId: string,
  bookings: readonly DayBooking[],
  now: Date,
  timeZone: string,
): { booking: DayBooking; now: boolean } | null {
  const mine = activitiesToday(
    bookings.filter((b) => b.roomId === roomId),
    now,
    timeZone,
  );
  const first = mine[0];
  return first ? { booking: first, now: isOnNow(first, now) } : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function asBooking(value: unknown): DayBooking | null {
  if (!isObject(value)) return null;
  const { id, roomId, start, end, title, kind, status, expectedCount } = value;
  if (typeof id !== 'string' || typeof roomId !== 'string' || typeof start !== 'string' || typeof end !== 'string') return null;
  if (typeof title !== 'string') return null;
  return {
    id,
    roomId,
    start,
    end,
    title,
    kind: typeof kind === 'string' ? kind : 'other',
    status: typeof status === 'string' ? status : 'confirmed',
    expectedCount: typeof expectedCount === 'number' ? expectedCount : null,
  };
}

/**
 * A headcount read field by field rather than trusted by its event's type: the kiosk and the occupancy wall stay
 * open for days and may meet a server of another version (UncheckedEvent); a room it cannot read is left out.
 */
export function asHeadcount(value: unknown): Headcount | null {
  if (!isObject(value) || typeof value.venueId !== 'string' || typeof value.total !== 'number') return null;
  if (!Array.isArray(value.rooms)) return null;
  const rooms: RoomHeadcount[] = [];
  for (const room of value.rooms) {
    if (!isObject(room) || typeof room.roomId !== 'string' || typeof room.count !== 'number') continue;
    const level = CAPACITY_LEVELS.find((known) => known === room.level);
    rooms.push({
      roomId: room.roomId,
      count: room.count,
      capacity: typeof room.capacity === 'number' ? room.capacity : 0,
      ...(level ? { level } : {}),
    });
  }
  return { venueId: value.venueId, total: value.total, rooms, ...(typeof value.at === 'string' ? { at: value.at } : {}) };
}

/** Bookings after a `booking.*` event: upserted, cancelled ones removed. Other events leave them alone. */
export function applyBookingEvent(bookings: readonly DayBooking[], event: UncheckedEvent): readonly DayBooking[] {
  if (!event.type.startsWith('booking.')) return bookings;
  const list = isObject(event.data) && Array.isArray(event.data.bookings) ? event.data.bookings : [];
  const changed = list.map(asBooking).filter((b): b is DayBooking => b !== null);
  if (changed.length === 0) return bookings;
  const byId = new Map(bookings.map((b) => [b.id, b]));
  for (const booking of changed) {
    if (event.type === 'booking.cancelled' || booking.status === 'cancelled') byId.delete(booking.id);
    else byId.set(booking.id, booking);
  }
  return [...byId.values()];
}

/** The headcount after a `headcount.changed` event of this venue (the event carries the whole new count). */
export function applyHeadcountEvent(current: Headcount | null, venueId: string, event: UncheckedEvent): Headcount | null {
  if (event.type !== 'headcount.changed') return current;
  const next = asHeadcount(event.data);
  return next && next.venueId === venueId ? next : current;
}

/** The capacity rule, for screens that only know count and capacity: the server's own (server/shared). */
export { capacityLevel } from '../../server/shared/capacity.ts';

/** `from`/`to` of the bookings to load so that "today" in any zone is inside: a day either side of now. */
export function bookingWindow(now: Date): { from: string; to: string } {
  const day = 24 * 60 * 60 * 1000;
  return { from: new Date(now.getTime() - day).toISOString(), to: new Date(now.getTime() + day).toISOString() };
}
