/**
 * One term as the office's pages show it: loaded over HTTP, its seat counts kept current by `term:<id>`
 * `seats.changed` events, reloaded on resync and on `term.updated` (a window moved, a class added, the draw made
 * or redone, perhaps at another desk). The event carries seat counts, not applicant counts, so a burst of
 * events also asks for the term again, at most once a second. Components read this class; only it talks to the
 * socket module (docs/architecture.md habit 6). The venue's rooms come along, loaded once.
 */
import type { LiveConnection } from '../lib/live.svelte.ts';
import type { Room } from '../lib/types.ts';
import { getTerm, listRooms } from './enrolment-api.ts';
import { applySeats } from './seats.ts';
import type { ClassDto, TermDto, TermView } from './types.ts';

const RELOAD_AFTER_EVENT_MS = 1_000;

export class TermLive {
  readonly id: string;
  view = $state.raw<TermView | null>(null);
  rooms = $state.raw<Room[]>([]);
  error = $state<unknown>(null);
  /** The server refused the live subscription (`forbidden`, `not_found`). */
  refused = $state<string | null>(null);
  /** Counts every change seen (events and our own writes): lists that depend on seats reload when it moves. */
  changes = $state(0);

  readonly #live: LiveConnection | null;
  #roomsFor: string | null = null;
  #reloadTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(live: LiveConnection | null, id: string) {
    this.#live = live;
    this.id = id;
  }

  /** Follows the term; returns the function that stops. */
  connect(): () => void {
    if (!this.#live) {
      void this.load();
      return () => {};
    }
    // The first subscribe's resync loads it; until the socket is up, load over HTTP anyway.
    if (this.#live.state !== 'live') void this.load();
    const stop = this.#live.subscribe(`term:${this.id}`, {
      onEvent: (event) => {
        if (event.type === 'term.updated') {
          this.changed();
          return;
        }
        if (event.type !== 'seats.changed' || !this.view) return;
        this.view = { ...this.view, classes: applySeats(this.view.classes, this.id, event.data) };
        this.changes += 1;
        this.#reloadSoon();
      },
      onResync: () => this.load(),
      onRefused: (code) => {
        this.refused = code;
        void this.load();
      },
    });
    return () => {
      stop();
      if (this.#reloadTimer) clearTimeout(this.#reloadTimer);
    };
  }

  async load(): Promise<void> {
    try {
      const view = await getTerm(this.id);
      this.view = view;
      this.error = null;
      void this.#loadRooms(view.term.venueId);
    } catch (error) {
      this.error = error;
    }
  }

  /** A term the server just answered with (our own change): shown at once. */
  setTerm(term: TermDto): void {
    if (this.view) this.view = { ...this.view, term };
  }

  /** A class we just created. */
  addClass(cls: ClassDto): void {
    if (this.view && !this.view.classes.some((c) => c.id === cls.id)) this.view = { ...this.view, classes: [...this.view.classes, cls] };
  }

  /** Our own write changed seats or applications: count it, and read the term again shortly. */
  changed(): void {
    this.changes += 1;
    this.#reloadSoon();
  }

  cls(id: string): ClassDto | undefined {
    return this.view?.classes.find((c) => c.id === id);
  }

  roomName(id: string): string {
    return this.rooms.find((r) => r.id === id)?.name ?? '—';
  }

  #reloadSoon(): void {
    if (this.#reloadTimer) return;
    this.#reloadTimer = setTimeout(() => {
      this.#reloadTimer = null;
      void this.load();
    }, RELOAD_AFTER_EVENT_MS);
  }

  async #loadRooms(venueId: string): Promise<void> {
    if (this.#roomsFor === venueId) return;
    this.#roomsFor = venueId;
    try {
      this.rooms = await listRooms(venueId);
    } catch {
      this.#roomsFor = null;
    }
  }
}
