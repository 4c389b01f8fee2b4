/**
 * Per-topic bookkeeping of the live stream's `seq` (docs/api.md "Live updates"), kept free of the socket
 * so it can be tested without a browser.
 *
 * What must stay true:
 * - an event is applied at most once: anything with `seq <= lastSeq` of its topic is dropped, even though the
 *   server promises not to send it twice (defence in depth across reconnects and replays);
 * - while a topic is being reloaded over HTTP (resync), its events are held back and released in order once
 *   the reload is done, so a reload that raced with a live event cannot wipe that event out;
 * - a (re)subscribe sends `after: lastSeq` once a seq is known, so the server replays what was missed.
 */

export interface AckLike {
  seq: number;
  resync?: boolean | undefined;
}

export interface TopicEventLike {
  seq: number;
  topic: string;
}

interface TopicBook<E> {
  lastSeq: number | null;
  resyncing: boolean;
  held: E[];
}

export type Admission = 'apply' | 'hold' | 'drop';

export class SeqTracker<E extends TopicEventLike = TopicEventLike> {
  readonly #topics = new Map<string, TopicBook<E>>();

  /** Start tracking a topic (no seq known yet). Tracking an already tracked topic keeps its seq. */
  track(topic: string): void {
    if (!this.#topics.has(topic)) this.#topics.set(topic, { lastSeq: null, resyncing: false, held: [] });
  }

  /** Forget a topic entirely (its last owner went away). */
  forget(topic: string): void {
    this.#topics.delete(topic);
  }

  isTracked(topic: string): boolean {
    return this.#topics.has(topic);
  }

  topics(): string[] {
    return [...this.#topics.keys()];
  }

  lastSeq(topic: string): number | null {
    return this.#topics.get(topic)?.lastSeq ?? null;
  }

  /** The `after` to send with a subscribe: the last applied seq, or undefined for "live only". */
  afterFor(topic: string): number | undefined {
    return this.#topics.get(topic)?.lastSeq ?? undefined;
  }

  /**
   * Record a successful subscribe ack. Returns whether the owner must reload over HTTP: when the server says
   * so, or when no seq was known (first subscribe: the owner's state may predate the subscription).
   * While reloading, events are held; call `finishResync` when the reload is done.
   */
  acknowledge(topic: string, ack: AckLike): { resync: boolean } {
    const book = this.#topics.get(topic);
    if (!book) return { resync: false };
    const resync = ack.resync === true || book.lastSeq === null;
    // Live events may have overtaken the ack on the wire; never move backwards.
    book.lastSeq = book.lastSeq === null ? ack.seq : Math.max(book.lastSeq, ack.seq);
    if (resync) book.resyncing = true;
    return { resync };
  }

  /**
   * Decide what to do with an incoming event, and record it when it is to be applied now.
   * `hold` means the event is kept until `finishResync` releases it.
   */
  admit(event: E): Admission {
    const book = this.#topics.get(event.topic);
    if (!book) return 'drop';
    if (book.lastSeq !== null && event.seq <= book.lastSeq) return 'drop';
    if (book.resyncing) {
      if (!book.held.some((held) => held.seq === event.seq)) {
        book.held.push(event);
        book.held.sort((a, b) => a.seq - b.seq);
      }
      return 'hold';
    }
    book.lastSeq = event.seq;
    return 'apply';
  }

  /** End a resync: returns the held events, in seq order, that are newer than the acknowledged position. */
  finishResync(topic: string): E[] {
    const book = this.#topics.get(topic);
    if (!book) return [];
    book.resyncing = false;
    const released: E[] = [];
    for (const event of book.held) {
      if (book.lastSeq !== null && event.seq <= book.lastSeq) continue;
      book.lastSeq = event.seq;
      released.push(event);
    }
    book.held = [];
    return released;
  }
}
