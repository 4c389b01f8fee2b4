/**
 * One term as a signed-in member follows it: the term and its classes, and the member's own application and
 * placements (the eligibility answer). Kept current by the term's `seats.changed` events: the seat counts are
 * applied at once, and since a change of seats may be the member's own (an offer after someone left, a seat
 * released), the member's rows are asked again after each, at most once every few seconds (a burst of
 * applications sends a few events a second to every phone watching the term).
 */
import { ApiError } from '../lib/api.ts';
import { DEFAULT_TIMEZONE, type Venue } from '../lib/types.ts';
import type { LiveConnection, LiveEvent } from '../lib/live.svelte.ts';
import type { ClassDto, TermDto } from '../../server/modules/enrolment/schemas.ts';
import { memberApi, type Eligibility } from './member-api.ts';
import { earlierTerms, heldClasses } from './renewal.ts';
import { withSeats } from './term-view.ts';
import { venueOf } from './venues.ts';

/** The shortest pause between two loads of the member's own rows caused by events. */
const MINE_EVERY_MS = 2_000;
const JITTER_MS = 1_000;
const RETRY_MS = 10_000;
/** The term's phase is computed by the server from the clock: reload just after a window opens or closes. */
const PHASE_SLACK_MS = 1_500;
const MAX_TIMER_MS = 24 * 3_600_000;

/** Seats taken, offered or queued for, over all classes. */
const placed = (classes: readonly ClassDto[]): number => classes.reduce((n, c) => n + c.seats.admitted + c.seats.offered + c.seats.waitlisted, 0);

export class MemberTerm {
  term = $state.raw<TermDto | null>(null);
  classes = $state.raw<ClassDto[]>([]);
  mine = $state.raw<Eligibility | null>(null);
  /** The last loading failure, cleared by the next load that works. */
  error = $state<unknown>(null);
  refused = $state<string | null>(null);
  /** The term's centre: its name, and its zone for every time on the page. */
  venue = $state.raw<Venue | null>(null);
  /**
   * For 续报: the classes the member was admitted to in the centre's earlier terms, with their terms' names
   * (renewal.ts). Read once, in the renewal window of a term with continuing classes; `heldRead` says the
   * answer is in, and `held` stays null if it could not be read (the page then offers every continuing class).
   */
  held = $state.raw<ReadonlyMap<string, string> | null>(null);
  heldRead = $state(false);

  readonly termId: string;
  readonly #memberId: string;
  readonly #live: LiveConnection | null;
  readonly #onSignedOut: () => void;
  #mineTimer: ReturnType<typeof setTimeout> | null = null;
  #mineLoadedAt = 0;
  #full = false;
  #phaseTimer: ReturnType<typeof setTimeout> | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;
  #heldAsked = false;

  constructor(live: LiveConnection | null, termId: string, memberId: string, onSignedOut: () => void) {
    this.#live = live;
    this.termId = termId;
    this.#memberId = memberId;
    this.#onSignedOut = onSignedOut;
  }

  start(): () => void {
    void this.reload();
    const unsubscribe = this.#live?.subscribe(`term:${this.termId}`, {
      onEvent: (event) => this.#apply(event),
      onResync: () => this.reload(),
      onRefused: (code) => {
        this.refused = code;
      },
    });
    return () => {
      this.#stopped = true;
      for (const timer of [this.#mineTimer, this.#phaseTimer, this.#retryTimer]) if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }

  /** The term, its classes and the member's rows. */
  async reload(): Promise<void> {
    try {
      const [view, mine] = await Promise.all([memberApi.term(this.termId), memberApi.eligibility(this.termId, this.#memberId)]);
      if (this.#stopped) return;
      this.term = view.term;
      this.classes = view.classes;
      this.mine = mine;
      this.#mineLoadedAt = Date.now();
      this.error = null;
      this.#planPhaseReload(view.term);
      if (view.term.phase === 'renewal' && !this.#heldAsked && view.classes.some((c) => c.continuesClassId !== null)) void this.#readHeld(view.term);
      if (this.venue?.id !== view.term.venueId) this.venue = await venueOf(view.term.venueId);
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Only the member's own application and placements (after the member acted, or seats moved). */
  async reloadMine(): Promise<void> {
    try {
      const mine = await memberApi.eligibility(this.termId, this.#memberId);
      if (this.#stopped) return;
      this.mine = mine;
      this.#mineLoadedAt = Date.now();
      this.error = null;
    } catch (error) {
      this.#failed(error);
    }
  }

  async #readHeld(term: TermDto): Promise<void> {
    this.#heldAsked = true;
    try {
      const earlier = earlierTerms((await memberApi.terms(term.venueId)).terms, term);
      const answers = await Promise.all(earlier.map((t) => memberApi.placements(t.id, this.#memberId)));
      if (this.#stopped) return;
      this.held = heldClasses(answers.flatMap((a) => a.placements), earlier);
    } catch (error) {
      if (error instanceof ApiError && error.statusCode === 401) {
        this.#onSignedOut();
        return;
      }
      // Not known: the page offers every continuing class, and the server's answer says who may renew.
    }
    if (!this.#stopped) this.heldRead = true;
  }

  get zone(): string {
    return this.venue?.timezone ?? DEFAULT_TIMEZONE;
  }

  className(classId: string): string {
    const cls = this.classes.find((c) => c.id === classId);
    return cls ? `${cls.course} · ${cls.name}` : '';
  }

  #apply(event: LiveEvent): void {
    if (event.type !== 'seats.changed' || event.data.termId !== this.termId) return;
    const before = placed(this.classes);
    this.classes = withSeats(this.classes, event.data.classes);
    // The draw itself arrives as a change of seats: the term's phase moves on with it. Before a lottery is
    // drawn, applications place nobody, so seats taken or queued then mean the draw (or the office) placed
    // people: this phone may have missed the window closing, and asks for the whole term again.
    const term = this.term;
    const drawnMeanwhile = term?.mode === 'lottery' && term.drawnAt === null && term.phase === 'applying' && placed(this.classes) !== before;
    if (term?.phase === 'closed' || drawnMeanwhile) this.#soon(true);
    // Otherwise only a member who holds a seat or a place in a queue can be moved by it (an offer, a waiting
    // list moving up); the others' phones stay quiet, so a rush of applications does not make every phone ask.
    else if (this.mine?.placements.some((p) => p.status !== 'withdrawn')) this.#soon(false);
  }

  /**
   * Load again now, or when MINE_EVERY_MS has passed since the last load; several requests make one, which
   * loads the whole term if any of them asked for it (`full`), else only the member's rows.
   */
  #soon(full: boolean): void {
    this.#full ||= full;
    if (this.#mineTimer) return;
    // A little jitter: the phones following one term do not all ask in the same instant.
    const wait = Math.max(0, this.#mineLoadedAt + MINE_EVERY_MS - Date.now()) + Math.random() * JITTER_MS;
    this.#mineTimer = setTimeout(() => {
      this.#mineTimer = null;
      const whole = this.#full;
      this.#full = false;
      void (whole ? this.reload() : this.reloadMine());
    }, wait);
  }

  #planPhaseReload(term: TermDto): void {
    if (this.#phaseTimer) clearTimeout(this.#phaseTimer);
    this.#phaseTimer = null;
    const now = Date.now();
    const next = [term.renewFrom, term.renewUntil, term.applyFrom, term.applyUntil]
      .filter((s): s is string => s !== null)
      .map((s) => new Date(s).getTime() - now)
      .filter((ms) => ms > 0 && ms < MAX_TIMER_MS)
      .sort((a, b) => a - b)[0];
    if (next !== undefined) this.#phaseTimer = setTimeout(() => void this.reload(), next + PHASE_SLACK_MS);
  }

  #failed(error: unknown): void {
    if (this.#stopped) return;
    if (error instanceof ApiError && error.statusCode === 401) {
      this.#onSignedOut();
      return;
    }
    this.error = error;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.reload();
    }, RETRY_MS);
  }
}
