/**
 * The venue's terms as the kiosk follows them: which term to offer (term-window.ts, worked out again as the
 * clock passes a window's edge), its classes, and their seat counts kept current by `term:<id>` events
 * (`seats.changed`), reloaded on resync. The list of terms is read again every few minutes: a term opened at
 * the desk shows its 报名 button here without a restart.
 */
import { api, seg, withQuery } from '../../client/lib/api.ts';
import type { LiveConnection } from '../../client/lib/live.svelte.ts';
import { applySeats } from './seats.ts';
import { kioskTerm, type KioskTerm } from './term-window.ts';
import type { ClassDto, TermDto } from './types.ts';

const TERMS_EVERY_MS = 3 * 60_000;
/** How often the term on offer is worked out again from the clock (a window opens or closes). */
const PICK_EVERY_MS = 15_000;
const TIMEOUT_MS = 8_000;

export class KioskTerms {
  terms = $state.raw<TermDto[]>([]);
  /** The offered term's classes, with live seat counts. */
  classes = $state.raw<readonly ClassDto[]>([]);
  /** The term whose classes are loaded and followed. */
  termId = $state<string | null>(null);
  /** When the clock last moved the choice (for `current`). */
  #now = $state(new Date());

  readonly #live: LiveConnection | null;
  readonly #venueId: string;
  readonly #token: () => string | null;
  #unsubscribe: (() => void) | null = null;

  constructor(live: LiveConnection | null, venueId: string, token: () => string | null) {
    this.#live = live;
    this.#venueId = venueId;
    this.#token = token;
  }

  /** The term to offer now, and for what; null: no 报名 button. */
  get current(): KioskTerm | null {
    return kioskTerm(this.terms, this.#now);
  }

  start(): () => void {
    void this.reload();
    const reload = setInterval(() => void this.reload(), TERMS_EVERY_MS);
    const pick = setInterval(() => {
      this.#now = new Date();
      this.#follow();
    }, PICK_EVERY_MS);
    return () => {
      clearInterval(reload);
      clearInterval(pick);
      this.#unsubscribe?.();
      this.#unsubscribe = null;
    };
  }

  /** Read the venue's terms; a failure keeps the last list (the kiosk may be offline for a moment). */
  async reload(): Promise<void> {
    try {
      const answer = await api.get<{ terms: TermDto[] }>(withQuery('/api/terms', { venueId: this.#venueId }), {
        token: this.#token(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      this.terms = answer.terms;
      this.#now = new Date();
      this.#follow();
    } catch {
      // Offline or refused: the 报名 button keeps its last state; pressing it says what is wrong.
    }
  }

  /** Read the offered term and its classes again (a visitor is about to choose: fresh applicant counts). */
  async reloadClasses(): Promise<void> {
    const termId = this.termId;
    if (!termId) return;
    const answer = await api.get<{ term: TermDto; classes: ClassDto[] }>(`/api/terms/${seg(termId)}`, {
      token: this.#token(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (this.termId !== termId) return;
    this.classes = answer.classes;
    this.terms = this.terms.map((t) => (t.id === termId ? answer.term : t));
  }

  className(classId: string): string {
    return this.classes.find((c) => c.id === classId)?.name ?? '';
  }

  /** Follow the term on offer: its classes and its `term:<id>` topic; nothing when none is. */
  #follow(): void {
    const termId = this.current?.term.id ?? null;
    if (termId === this.termId) return;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.termId = termId;
    this.classes = [];
    if (!termId) return;
    void this.reloadClasses().catch(() => undefined);
    this.#unsubscribe =
      this.#live?.subscribe(`term:${termId}`, {
        onEvent: (event) => {
          this.classes = applySeats(this.classes, termId, event);
        },
        onResync: () => this.reloadClasses().catch(() => undefined),
      }) ?? null;
  }
}
