/**
 * A venue today: its rooms, the bookings around today, and who is in it now (headcount), loaded over HTTP and
 * kept current by `venue:<id>` events (patches), reloaded on resync. Used by the kiosk (activities to choose
 * from) and the venue display (the occupancy wall).
 *
 * With `cache: true` (the kiosk) the venue, rooms and bookings are also kept in localStorage, so a kiosk that
 * loses its network, or is restarted without one, still offers today's activities. Headcounts are never
 * cached: an old count shown as current would mislead.
 */
import { api, seg, withQuery } from './api.ts';
import type { DayBooking, Headcount } from './checkin-types.ts';
import type { LiveConnection, LiveEvent } from './live.svelte.ts';
import { activitiesToday, applyBookingEvent, applyHeadcountEvent, asBooking, bookingWindow } from './today.ts';
import type { Room, Venue } from './types.ts';
import { applyVenueEvent } from './venue-patches.ts';

export interface VenueTodayOptions {
  /** A device's token for HTTP; the session cookie otherwise. */
  token?: string | null;
  cache?: boolean;
  /** How often the bookings window is reloaded (it moves with the clock; events patch it meanwhile). */
  refreshMs?: number;
}

interface Cached {
  venue: Venue;
  rooms: Room[];
  bookings: DayBooking[];
  savedAt: string;
}

const cacheKey = (venueId: string) => `centre-ops.today.${venueId}`;

export class VenueToday {
  venue: Venue;
  rooms = $state<Room[]>([]);
  bookings = $state.raw<DayBooking[]>([]);
  headcount = $state.raw<Headcount | null>(null);
  loaded = $state(false);
  /** Rooms and bookings come from the kiosk's copy, not (yet) from the server. */
  fromCache = $state(false);
  /** The last loading failure, cleared by the next complete load. */
  error = $state<unknown>(null);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);
  /** When the server last confirmed what is shown (a load or an event). */
  updatedAt = $state<Date | null>(null);

  readonly #live: LiveConnection | null;
  readonly #options: VenueTodayOptions;

  constructor(live: LiveConnection | null, venue: Venue, options: VenueTodayOptions = {}) {
    this.#live = live;
    this.venue = $state(venue);
    this.#options = options;
  }

  /** Load and follow the venue; returns the function that stops following. */
  start(): () => void {
    if (this.#options.cache) this.#restore();
    void this.reload();
    const unsubscribe = this.#live?.subscribe(`venue:${this.venue.id}`, {
      onEvent: (event) => this.apply(event),
      onResync: () => this.reload(),
      onRefused: (code) => {
        this.refused = code;
      },
    });
    const timer = setInterval(() => void this.reload(), this.#options.refreshMs ?? 15 * 60_000);
    return () => {
      clearInterval(timer);
      unsubscribe?.();
    };
  }

  /** Apply one live event as a patch. */
  apply(event: LiveEvent): void {
    const view = applyVenueEvent({ venue: this.venue, rooms: this.rooms }, event);
    const bookings = applyBookingEvent(this.bookings, event);
    const changed = view.venue !== this.venue || view.rooms !== this.rooms || bookings !== this.bookings;
    if (view.venue !== this.venue) this.venue = view.venue;
    if (view.rooms !== this.rooms) this.rooms = view.rooms;
    if (bookings !== this.bookings) this.bookings = [...bookings];
    this.headcount = applyHeadcountEvent(this.headcount, this.venue.id, event);
    this.updatedAt = new Date();
    if (this.#options.cache && changed) this.#save();
  }

  /** Load everything that can be loaded; what fails keeps its last value (and `error` says so). */
  async reload(): Promise<void> {
    const token = this.#options.token;
    const venueId = this.venue.id;
    const window = bookingWindow(new Date());
    const [venue, rooms, bookings, headcount] = await Promise.allSettled([
      api.get<{ venue: Venue }>(`/api/venues/${seg(venueId)}`, { token }),
      api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`, { token }),
      api.get<{ bookings: unknown[] }>(withQuery('/api/bookings', { venueId, ...window }), { token }),
      api.get<Headcount>(`/api/venues/${seg(venueId)}/headcount`, { token }),
    ]);
    if (venue.status === 'fulfilled' && venue.value.venue.id === venueId) this.venue = venue.value.venue;
    if (rooms.status === 'fulfilled') this.rooms = rooms.value.rooms;
    if (bookings.status === 'fulfilled') {
      this.bookings = bookings.value.bookings.map(asBooking).filter((b): b is DayBooking => b !== null && b.status !== 'cancelled');
    }
    if (headcount.status === 'fulfilled') this.headcount = headcount.value;
    const failure = [venue, rooms, bookings, headcount].find((r) => r.status === 'rejected');
    this.error = failure ? failure.reason : null;
    if (rooms.status === 'fulfilled' && bookings.status === 'fulfilled') {
      this.loaded = true;
      this.fromCache = false;
      if (this.#options.cache) this.#save();
    }
    if (!failure) this.updatedAt = new Date();
  }

  /** Activities on now or later today, in the venue's zone. */
  activities(now: Date): DayBooking[] {
    return activitiesToday(this.bookings, now, this.venue.timezone);
  }

  roomName(roomId: string | null | undefined): string {
    return this.rooms.find((r) => r.id === roomId)?.name ?? '';
  }

  #restore(): void {
    try {
      const raw = globalThis.localStorage?.getItem(cacheKey(this.venue.id));
      if (!raw) return;
      const cached = JSON.parse(raw) as Cached;
      if (cached.venue?.id !== this.venue.id || !Array.isArray(cached.rooms) || !Array.isArray(cached.bookings)) return;
      this.venue = { ...cached.venue, ...this.venue, name: this.venue.name || cached.venue.name };
      this.rooms = cached.rooms;
      this.bookings = cached.bookings.map(asBooking).filter((b): b is DayBooking => b !== null);
      this.loaded = true;
      this.fromCache = true;
    } catch {
      // A damaged copy is only a missed convenience: the server's answer replaces it.
    }
  }

  #save(): void {
    try {
      const cached: Cached = { venue: this.venue, rooms: this.rooms, bookings: this.bookings, savedAt: new Date().toISOString() };
      globalThis.localStorage?.setItem(cacheKey(this.venue.id), JSON.stringify(cached));
    } catch {
      // Storage full or unavailable: the kiosk works, only not from its copy after a restart.
    }
  }
}
