/**
 * One term on the hall's seat board: loaded over HTTP (the term and its classes, then its venue for the zone),
 * kept current by the `seats.changed` events of `term:<id>` (the live connection delivers them in seq order,
 * once each, and holds them back while it asks for a reload). Loaded again on resync, when an event names a
 * class never loaded, and when counts move after a lottery's window closed (the draw also changes the term).
 * Events that arrive while a reload of our own is under way are applied again on top of its answer, so a
 * reload that raced with an application cannot take its seat back; as each event replaces every count, the
 * next one puts right an older one applied last.
 */
import { api, seg } from '../lib/api.ts';
import type { LiveConnection, UncheckedEvent } from '../lib/live.svelte.ts';
import type { Venue } from '../lib/types.ts';
import type { ClassDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import { applySeatsEvent, boardClass, termMayHaveChanged, type BoardClass } from './seat-board.ts';

const RETRY_MS = 10_000;
/** A term's name and windows change without an event (they are rare and the phase follows the clock): look again now and then. */
const REFRESH_MS = 5 * 60_000;

export class SeatBoardLive {
  term = $state.raw<TermDto | null>(null);
  classes = $state.raw<readonly BoardClass[]>([]);
  venue = $state.raw<Venue | null>(null);
  /** When each class's counts last moved on this screen (by an event, not a load). */
  changedAt = $state.raw<ReadonlyMap<string, number>>(new Map());
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
  #held: UncheckedEvent[] | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;

  constructor(live: LiveConnection | null, termId: string, options: { token?: string | null } = {}) {
    this.#live = live;
    this.#id = termId;
    this.#token = options.token ?? null;
  }

  start(): () => void {
    void this.reload();
    const unsubscribe = this.#live?.subscribe(`term:${this.#id}`, {
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

  apply(event: UncheckedEvent, now = Date.now()): void {
    this.#held?.push(event);
    if (!this.term) return;
    const { classes, changed, reload } = applySeatsEvent(this.classes, this.#id, event);
    if (classes !== this.classes) this.classes = classes;
    if (changed.length > 0) {
      const marks = new Map(this.changedAt);
      for (const id of changed) marks.set(id, now);
      this.changedAt = marks;
    }
    this.updatedAt = new Date(now);
    if (reload || (changed.length > 0 && termMayHaveChanged(this.term, new Date(now)))) void this.reload();
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
      const view = await api.get<{ term: TermDto; classes: ClassDto[] }>(`/api/terms/${seg(this.#id)}`, { token });
      const venueId = view.term.venueId;
      if (this.venue?.id !== venueId) {
        // The zone for dates and the clock; without it the board still shows its seats (in the default zone).
        try {
          this.venue = (await api.get<{ venue: Venue }>(`/api/venues/${seg(venueId)}`, { token })).venue;
        } catch {
          this.venue = null;
        }
      }
      let classes: readonly BoardClass[] = view.classes.map(boardClass);
      for (const event of this.#held) classes = applySeatsEvent(classes, this.#id, event).classes;
      this.term = view.term;
      this.classes = classes;
      this.error = null;
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
