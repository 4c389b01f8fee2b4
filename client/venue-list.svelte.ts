/** The venues the signed-in user can see (`GET /api/venues`), shared by home and administration. */
import { api } from './lib/api.ts';
import type { Venue } from './lib/types.ts';

export class VenueList {
  venues = $state<Venue[]>([]);
  loaded = $state(false);
  error = $state<unknown>(null);

  async load(): Promise<void> {
    try {
      const answer = await api.get<{ venues: Venue[] }>('/api/venues');
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
