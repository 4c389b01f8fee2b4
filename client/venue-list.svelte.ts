/** The venues the signed-in user can see (`GET /api/venues`), shared by home and administration. */
import { takeEarlyVenues, type VenuesAnswer } from './early-requests.ts';
import { api } from './lib/api.ts';
import type { Venue } from './lib/types.ts';

export class VenueList {
  venues = $state<Venue[]>([]);
  loaded = $state(false);
  error = $state<unknown>(null);

  #pending: Promise<void> | null = null;

  /** Loads the list; a call while a request is on its way joins it (the shell asks early, the page again). */
  load(): Promise<void> {
    this.#pending ??= this.#fetch().finally(() => (this.#pending = null));
    return this.#pending;
  }

  async #fetch(): Promise<void> {
    try {
      const answer = (await takeEarlyVenues()) ?? (await api.get<VenuesAnswer>('/api/venues'));
      this.venues = answer.venues;
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  add(venue: Venue): void {
    if (!this.venues.some((v) => v.id === venue.id)) this.venues = [...this.venues, venue];
  }
}
