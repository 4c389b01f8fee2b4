/**
 * One tournament on a hall screen: loaded over HTTP (the tournament, then its venue and courts), kept current
 * by `tournament:<id>` events applied as patches, reloaded on resync (and when an event names a player or
 * match never loaded). Events that arrive while a reload is under way are applied again on top of its answer,
 * so a reload that raced with a point cannot take the point back.
 */
import { api, seg } from '../lib/api.ts';
import type { LiveConnection, LiveEvent } from '../lib/live.svelte.ts';
import type { Room, Venue } from '../lib/types.ts';
import { applyTournamentEvent } from './tournament-patches.ts';
import type { TournamentData } from './tournament-types.ts';

const RETRY_MS = 10_000;
/** Courts are renamed rarely and send no tournament event: look again now and then. */
const REFRESH_MS = 10 * 60_000;

export class TournamentLive {
  data = $state.raw<TournamentData | null>(null);
  venue = $state.raw<Venue | null>(null);
  rooms = $state.raw<Room[]>([]);
  /** The last loading failure, cleared by the next complete load. */
  error = $state<unknown>(null);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);
  /** When the server last confirmed what is shown (a load or an event). */
  updatedAt = $state<Date | null>(null);

  readonly #id: string;
  readonly #live: LiveConnection | null;
  readonly #token: string | null;
  #loading: Promise<void> | null = null;
  #again = false;
  #held: LiveEvent[] | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;

  constructor(live: LiveConnection | null, tournamentId: string, options: { token?: string | null } = {}) {
    this.#live = live;
    this.#id = tournamentId;
    this.#token = options.token ?? null;
  }

  start(): () => void {
    void this.reload();
    const unsubscribe = this.#live?.subscribe(`tournament:${this.#id}`, {
      onEvent: (event) => this.apply(event),
      onResync: () => this.reload(),
      onRefused: (code) => {
        this.refused = code;
      },
    });
    const timer = setInterval(() => void this.reload(), REFRESH_MS);
    return () => {
      clearInterval(timer);
      if (this.#retry) clearTimeout(this.#retry);
      unsubscribe?.();
    };
  }

  apply(event: LiveEvent): void {
    this.#held?.push(event);
    if (!this.data) return;
    const { data, reload } = applyTournamentEvent(this.data, event);
    if (data !== this.data) this.data = data;
    this.updatedAt = new Date();
    if (reload) void this.reload();
  }

  roomName(roomId: string | null): string {
    return this.rooms.find((r) => r.id === roomId)?.name ?? '';
  }

  /** Load everything; one load at a time (a request during one runs once more after it). */
  reload(): Promise<void> {
    if (this.#loading) {
      this.#again = true;
      return this.#loading;
    }
    this.#loading = this.#load().finally(() => {
      this.#loading = null;
      if (this.#again) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#loading;
  }

  async #load(): Promise<void> {
    const token = this.#token;
    this.#held = [];
    try {
      const data = await api.get<TournamentData>(`/api/tournaments/${seg(this.#id)}`, { token });
      const venueId = data.tournament.venueId;
      const [venue, rooms] = await Promise.allSettled([
        this.venue?.id === venueId ? Promise.resolve({ venue: this.venue }) : api.get<{ venue: Venue }>(`/api/venues/${seg(venueId)}`, { token }),
        api.get<{ rooms: Room[] }>(`/api/venues/${seg(venueId)}/rooms`, { token }),
      ]);
      if (venue.status === 'fulfilled') this.venue = venue.value.venue;
      if (rooms.status === 'fulfilled') this.rooms = rooms.value.rooms;
      let next = data;
      for (const event of this.#held) next = applyTournamentEvent(next, event).data;
      this.data = next;
      const failure = [venue, rooms].find((r) => r.status === 'rejected');
      this.error = failure ? failure.reason : null;
      this.updatedAt = new Date();
    } catch (error) {
      this.error = error;
      // Keep what is shown and try again without anyone touching the screen.
      if (this.#retry) clearTimeout(this.#retry);
      this.#retry = setTimeout(() => {
        this.#retry = null;
        void this.reload();
      }, RETRY_MS);
    } finally {
      this.#held = null;
    }
  }
}
