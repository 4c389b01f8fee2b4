/**
 * One venue's bookings and closures: loaded over HTTP per visible range, kept current by `venue:<id>` events
 * (patches), reloaded on resync. The calendar component draws through a `CalendarSink`; it never touches the
 * socket (docs/architecture.md habit 6: client state in *.svelte.ts classes fed by one socket module). Rooms come from `VenueLive`, which follows the same topic.
 */
import type { RoomCount } from './in-room-now.ts';
import { api, seg, withQuery } from '../lib/api.ts';
import type { LiveConnection, LiveEvent } from '../lib/live.svelte.ts';
import type {
  Booking,
  CheckBookingAnswer,
  Closure,
  CreateBookingAnswer,
  CreateBookingRequest,
  SeriesScope,
  UpdateBookingAnswer,
  UpdateBookingRequest,
} from '../lib/types.ts';
import { BookingsState, overlaps, type BookingChange, type InstantRange } from './bookings-state.ts';

/** What the calendar on screen must do when the data changes. */
export interface CalendarSink {
  applyBookings(changes: BookingChange[]): void;
  upsertClosure(closure: Closure): void;
  removeClosure(id: string): void;
  /** Reload everything shown (the stream could not be replayed); resolves when done. */
  reload(): Promise<void>;
  /** Repaint the "in the room now" lines of these rooms' bookings. */
  repaintCounts?(roomIds: ReadonlySet<string>): void;
}

export interface CreateClosureRequest {
  start: string;
  end: string;
  reason: string;
  roomId?: string;
  cancelBookings?: boolean;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class CalendarLive {
  readonly venueId: string;
  readonly state = new BookingsState();
  /** Closures overlapping the range on screen, for the closures panel. */
  closures = $state<Closure[]>([]);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);
  /** Grows with every change of a booking, so what shows one booking (the details) can re-read it. */
  revision = $state(0);

  readonly #live: LiveConnection | null;
  #sink: CalendarSink | null = null;
  #closureRange: InstantRange | null = null;

  constructor(live: LiveConnection | null, venueId: string) {
    this.#live = live;
    this.venueId = venueId;
  }

  /** Start drawing into `sink` and following the venue; returns the function that stops both. */
  connect(sink: CalendarSink): () => void {
    this.#sink = sink;
    const unsubscribe = this.#live?.subscribe(`venue:${this.venueId}`, {
      onEvent: (event) => this.#onEvent(event),
      onResync: () => {
        this.#sink?.reload();
        void this.loadHeadcount().catch(() => {});
      },
      onRefused: (code) => {
        this.refused = code;
      },
    });
    void this.loadHeadcount().catch(() => {});
    return () => {
      unsubscribe?.();
      this.#sink = null;
    };
  }

  setIncludeCancelled(include: boolean): void {
    this.state.setIncludeCancelled(include);
  }

  /** The bookings to show in `range` (a snapshot merged with what arrived live meanwhile). */
  async loadBookings(range: InstantRange): Promise<Booking[]> {
    const ticket = this.state.beginLoad();
    const answer = await api.get<{ bookings: Booking[] }>(
      withQuery('/api/bookings', {
        venueId: this.venueId,
        from: iso(range.start),
        to: iso(range.end),
        includeCancelled: this.state.includeCancelled ? 'true' : undefined,
      }),
    );
    this.state.finishLoad(ticket, range, answer.bookings);
    this.revision += 1;
    return this.state.all();
  }

  async loadClosures(range: InstantRange): Promise<Closure[]> {
    const answer = await api.get<{ closures: Closure[] }>(
      withQuery(`/api/venues/${seg(this.venueId)}/closures`, { from: iso(range.start), to: iso(range.end) }),
    );
    this.#closureRange = range;
    this.closures = answer.closures;
    return answer.closures;
  }

  check(body: object, signal?: AbortSignal): Promise<CheckBookingAnswer> {
    return api.post<CheckBookingAnswer>('/api/bookings/check', body, signal ? { signal } : undefined);
  }

  async create(body: CreateBookingRequest): Promise<CreateBookingAnswer> {
    const answer = await api.post<CreateBookingAnswer>('/api/bookings', body);
    this.apply(answer.bookings);
    return answer;
  }

  async update(id: string, body: UpdateBookingRequest): Promise<UpdateBookingAnswer> {
    const answer = await api.patch<UpdateBookingAnswer>(`/api/bookings/${seg(id)}`, body);
    this.apply(answer.bookings.length > 0 ? answer.bookings : [answer.booking]);
    return answer;
  }

  /**
   * Cancel a booking (or more of its series). The answer is empty, so what the calendar shows is predicted
   * from the scope; the `booking.cancelled` event that follows carries the server's versions and wins.
   */
  async cancel(booking: Booking, scope: SeriesScope | null): Promise<void> {
    // The version it was shown at: cancelling something someone has just changed is refused (version_conflict).
    await api.delete(
      withQuery(`/api/bookings/${seg(booking.id)}`, { scope: booking.seriesId ? scope : undefined, version: booking.version }),
    );
    const affected = [...this.state.all(), booking].filter((b, i, all) => {
      if (all.findIndex((other) => other.id === b.id) !== i) return false;
      if (b.id === booking.id) return true;
      if (!booking.seriesId || b.seriesId !== booking.seriesId || scope === 'this' || scope === null) return false;
      return scope === 'all' || Date.parse(b.start) >= Date.parse(booking.start);
    });
    this.apply(affected.map((b) => ({ ...b, status: 'cancelled' as const, version: b.version + 1 })));
  }

  async addClosure(body: CreateClosureRequest): Promise<{ closure: Closure; cancelled: Booking[] }> {
    const answer = await api.post<{ closure: Closure; cancelled: Booking[] }>(`/api/venues/${seg(this.venueId)}/closures`, body);
    this.#upsertClosure(answer.closure);
    this.apply(answer.cancelled ?? []);
    return answer;
  }

  async deleteClosure(id: string): Promise<void> {
    await api.delete(`/api/closures/${seg(id)}`);
    this.#removeClosure(id);
  }

  /** Apply bookings as the server now has them, and draw the difference. */
  apply(bookings: Booking[]): void {
    const changes = this.state.upsert(bookings);
    if (changes.length === 0) return;
    this.revision += 1;
    this.#sink?.applyBookings(changes);
  }

  /** People in each room now (from check-ins), for the bookings that are on. */
  headcounts = new Map<string, RoomCount>();

  async loadHeadcount(): Promise<void> {
    const answer = await api.get<{ rooms: Array<{ roomId: string } & RoomCount> }>(`/api/venues/${seg(this.venueId)}/headcount`);
    this.#setCounts(answer.rooms);
  }

  #setCounts(rooms: Array<{ roomId: string } & RoomCount>): void {
    for (const r of rooms) this.headcounts.set(r.roomId, { count: r.count, capacity: r.capacity, level: r.level });
    this.#sink?.repaintCounts?.(new Set(rooms.map((r) => r.roomId)));
  }

  // The event's type says what its data holds (LiveEventMap); the bookings are still read one by one
  // (bookings-state.ts), as everywhere a booking from the server arrives.
  #onEvent(event: LiveEvent): void {
    switch (event.type) {
      case 'headcount.changed':
        this.#setCounts(event.data.rooms);
        return;
      case 'booking.created':
      case 'booking.updated':
      case 'booking.cancelled': {
        const changes = this.state.applyEvent(event);
        if (changes.length === 0) return;
        this.revision += 1;
        this.#sink?.applyBookings(changes);
        return;
      }
      case 'closure.created': {
        const { closure } = event.data;
        if (closure.venueId === this.venueId) this.#upsertClosure(closure);
        return;
      }
      case 'closure.deleted':
        this.#removeClosure(event.data.closureId);
        return;
    }
  }

  #upsertClosure(closure: Closure): void {
    if (this.#closureRange && !overlaps(closure, this.#closureRange)) return;
    this.closures = [...this.closures.filter((c) => c.id !== closure.id), closure].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    this.#sink?.upsertClosure(closure);
  }

  #removeClosure(id: string): void {
    this.closures = this.closures.filter((c) => c.id !== id);
    this.#sink?.removeClosure(id);
  }
}
