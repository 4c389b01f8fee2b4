/**
 * The bookings a calendar knows, kept apart from FullCalendar so it can be tested without a browser.
 *
 * HTTP snapshots (one per visible date range) and live events (`booking.created/updated/cancelled`, each
 * listing whole bookings) both pass through here; the calendar is then patched with the returned changes.
 *
 * What must stay true:
 * - a booking's newest version wins, whichever way it arrived: an event or snapshot older than the version
 *   held is ignored (at an equal version a cancellation wins, so a late snapshot cannot bring one back);
 * - a snapshot that was in flight while live events arrived does not undo them;
 * - a cancelled booking is shown only when cancelled ones are asked for; a booking outside the loaded range
 *   is remembered (its version) but not shown.
 */
import type { UncheckedEvent } from '../lib/live.svelte.ts';
import type { Booking } from '../lib/types.ts';

/** A half-open range of instants, in milliseconds. */
export interface InstantRange {
  start: number;
  end: number;
}

/** What the calendar must do for one booking: show it as given, or remove it (`booking` null). */
export interface BookingChange {
  id: string;
  booking: Booking | null;
}

export interface LoadTicket {
  readonly load: number;
  readonly generation: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const nullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** A booking from an event's data, or null when it is not one. */
export function asBooking(value: unknown): Booking | null {
  if (!isObject(value)) return null;
  const { id, venueId, roomId, start, end, title, kind, status, version } = value;
  if (typeof id !== 'string' || typeof venueId !== 'string' || typeof roomId !== 'string') return null;
  if (typeof start !== 'string' || typeof end !== 'string' || typeof title !== 'string') return null;
  if (typeof kind !== 'string' || (status !== 'confirmed' && status !== 'cancelled')) return null;
  if (typeof version !== 'number') return null;
  const seriesId = nullableString(value.seriesId) ? value.seriesId : null;
  const occurrenceDate = nullableString(value.occurrenceDate) ? value.occurrenceDate : null;
  const expectedCount = typeof value.expectedCount === 'number' ? value.expectedCount : null;
  const notes = nullableString(value.notes) ? value.notes : null;
  return { id, venueId, roomId, start, end, title, kind, status, seriesId, occurrenceDate, version, expectedCount, notes };
}

/** The bookings an event carries (`{bookings:[…]}`, or `{booking}`), the malformed ones left out. */
export function bookingsOfEvent(data: unknown): Booking[] {
  if (!isObject(data)) return [];
  const list = Array.isArray(data.bookings) ? data.bookings : data.booking !== undefined ? [data.booking] : [];
  return list.map(asBooking).filter((b): b is Booking => b !== null);
}

/** Whether `incoming` should replace `held`. */
function isNewer(incoming: Booking, held: Booking | undefined): boolean {
  if (!held) return true;
  if (incoming.version !== held.version) return incoming.version > held.version;
  return !(held.status === 'cancelled' && incoming.status === 'confirmed');
}

const sameBooking = (a: Booking | undefined, b: Booking | undefined): boolean =>
  a === b || (!!a && !!b && (Object.keys(a) as Array<keyof Booking>).every((key) => a[key] === b[key]));

export class BookingsState {
  /** Newest known state of every booking seen, shown or not. */
  readonly #latest = new Map<string, Booking>();
  /** The generation at which a live change last touched a booking. */
  readonly #touched = new Map<string, number>();
  #range: InstantRange | null = null;
  #generation = 0;
  #loads = 0;
  #includeCancelled: boolean;

  constructor(options: { includeCancelled?: boolean } = {}) {
    this.#includeCancelled = options.includeCancelled ?? false;
  }

  get includeCancelled(): boolean {
    return this.#includeCancelled;
  }

  /** Change whether cancelled bookings are shown; the caller reloads (the server leaves them out otherwise). */
  setIncludeCancelled(include: boolean): void {
    this.#includeCancelled = include;
  }

  get range(): InstantRange | null {
    return this.#range;
  }

  /** The newest known state of a booking (shown or not). */
  latest(id: string): Booking | undefined {
    return this.#latest.get(id);
  }

  /** The booking as the calendar should show it, or undefined when it is not shown. */
  shown(id: string): Booking | undefined {
    const booking = this.#latest.get(id);
    return booking && this.#isShown(booking) ? booking : undefined;
  }

  /** Everything the calendar should show, in start order. */
  all(): Booking[] {
    return [...this.#latest.values()]
      .filter((b) => this.#isShown(b))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }

  /** Note that a snapshot is being fetched; pass the ticket to `finishLoad`. */
  beginLoad(): LoadTicket {
    this.#loads += 1;
    return { load: this.#loads, generation: this.#generation };
  }

  /**
   * Take a snapshot of `range` (the server's answer to a load begun with `ticket`). Returns false, and changes
   * nothing, when a later load has begun since: its answer is the one that counts.
   */
  finishLoad(ticket: LoadTicket, range: InstantRange, bookings: readonly Booking[]): boolean {
    if (ticket.load !== this.#loads) return false;
    const changedSince = (id: string) => (this.#touched.get(id) ?? -1) > ticket.generation;
    const fetched = new Set<string>();
    for (const booking of bookings) {
      fetched.add(booking.id);
      const held = this.#latest.get(booking.id);
      if (changedSince(booking.id) && held && held.version >= booking.version) continue;
      if (isNewer(booking, held)) this.#latest.set(booking.id, booking);
    }
    // Held bookings of the range the server no longer lists were cancelled or moved away while we were not
    // listening; forget them unless a live event after the request began says otherwise.
    for (const [id, booking] of this.#latest) {
      if (fetched.has(id) || changedSince(id)) continue;
      if (overlaps(booking, range)) this.#latest.delete(id);
    }
    this.#range = range;
    return true;
  }

  /** Apply bookings as the server now has them (an event, or the answer to our own request). */
  upsert(bookings: readonly Booking[]): BookingChange[] {
    this.#generation += 1;
    const changes: BookingChange[] = [];
    for (const booking of bookings) {
      const held = this.#latest.get(booking.id);
      if (!isNewer(booking, held)) continue;
      const before = held && this.#isShown(held) ? held : undefined;
      this.#latest.set(booking.id, booking);
      this.#touched.set(booking.id, this.#generation);
      const after = this.#isShown(booking) ? booking : undefined;
      if (!sameBooking(before, after)) changes.push({ id: booking.id, booking: after ?? null });
    }
    return changes;
  }

  /** Apply one `venue:<id>` event; other event types change nothing. */
  applyEvent(event: UncheckedEvent): BookingChange[] {
    switch (event.type) {
      case 'booking.created':
      case 'booking.updated':
      case 'booking.cancelled':
        return this.upsert(bookingsOfEvent(event.data));
      default:
        return [];
    }
  }

  #isShown(booking: Booking): boolean {
    if (booking.status === 'cancelled' && !this.#includeCancelled) return false;
    return this.#range !== null && overlaps(booking, this.#range);
  }
}

export function overlaps(booking: Pick<Booking, 'start' | 'end'>, range: InstantRange): boolean {
  return Date.parse(booking.start) < range.end && Date.parse(booking.end) > range.start;
}
