/**
 * One venue and its rooms, loaded over HTTP and kept current by `venue:<id>` events (patches), reloaded on
 * resync. Shared by the coordinator's home, the kiosk and the display screens.
 */
import { api, seg } from './api.ts';
import type { LiveConnection } from './live.svelte.ts';
import type { Room, Venue } from './types.ts';
import { applyVenueEvent } from './venue-patches.ts';

export interface VenueLiveOptions {
  /** A device's token for HTTP; the session cookie otherwise. */
  token?: string | null;
}

export class VenueLive {
  venue: Venue;
  rooms = $state<Room[]>([]);
  loaded = $state(false);
  /** The last loading failure, cleared by the next success. */
  error = $state<unknown>(null);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);

  readonly #live: LiveConnection | null;
  readonly #options: VenueLiveOptions;

  constructor(live: LiveConnection | null, venue: Venue, options: VenueLiveOptions = {}) {
    this.#live = live;
    this.venue = $state(venue);
    this.#options = options;
  }

  /** Load and follow the venue; returns the function that stops following. */
  start(): () => void {
    void this.reload(false);
    const unsubscribe = this.#live?.subscribe(`venue:${this.venue.id}`, {
      onEvent: (event) => {
        const next = applyVenueEvent({ venue: this.venue, rooms: this.rooms }, event);
        this.venue = next.venue;
        this.rooms = next.rooms;
      },
      onResync: () => this.reload(true),
      onRefused: (code) => {
        this.refused = code;
      },
    });
    return () => unsubscribe?.();
  }

  /** Apply a room this client just created or changed (the event that follows is then a no-op). */
  upsertRoom(room: Room): void {
    this.rooms = applyVenueEvent({ venue: this.venue, rooms: this.rooms }, { type: 'room.updated', data: { room } }).rooms;
  }

  /** Load the rooms, and on a resync the venue too (it may have been renamed while we were away). */
  async reload(withVenue = true): Promise<void> {
    const token = this.#options.token;
    const venueId = this.venue.id;
    try {
      const [venue, answer] = await Promise.all([
        withVenue ? api.get<{ venue: Venue }>(`/api/venues/${seg(venueId)}`, { token }) : null,
        api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`, { token }),
      ]);
      if (venue && venue.venue.id === venueId) this.venue = venue.venue;
      this.rooms = answer.rooms;
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }
}
