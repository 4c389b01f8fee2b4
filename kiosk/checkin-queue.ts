/**
 * The kiosk's check-in queue: every check-in (and the check-out of an undo) is stored with its Idempotency-Key
 * before the first try, sent in order, and kept until the server has answered.
 *
 * What must stay true (docs/rules.md "Check-ins": none lost, none counted twice):
 * - the key is made once per intent, by `enqueue`, and the same key goes with every retry, across reloads;
 * - a network failure (no answer, a timeout, a 5xx, 429) keeps the item and stops the pass: later items wait,
 *   so the order is kept; the caller retries later (`retryDelay`);
 * - a 4xx answer (other than 401/408/429) drops the item into the failed list, for staff;
 * - a 401 that says the device was revoked (`revoked: true`: staff unpaired it) can never succeed with this
 *   token: that item and every one waiting behind it go to the failed list with that reason, none recorded,
 *   and the pass stops; the caller stops sending (re-pairing gives a new token, and new check-ins);
 * - passes never overlap, and `withdraw` runs between passes, so an item is never withdrawn while in flight.
 */
import { ApiError } from '../client/lib/api.ts';
import type { CheckInRequest } from './checkin-types.ts';
import {
  IndexedDbQueueStore,
  MemoryQueueStore,
  type FailedItem,
  type QueueItem,
  type QueueOp,
  type QueueStore,
} from './queue-store.ts';
import { uuidV4 } from './uuid.ts';

export type { FailedItem, QueueItem, QueueOp };

/** Sends one item; resolves with the server's answer, throws ApiError / NetworkError / anything else. */
export type Sender = (item: QueueItem) => Promise<unknown>;

export type Outcome = { status: 'sent'; answer: unknown } | { status: 'refused'; error: ApiError };

export interface PassReport {
  sent: number;
  refused: number;
  /** The failure that stopped the pass (the line is down); null when the queue was emptied. */
  stoppedBy: unknown;
  /** Set when the server said this device was unpaired: everything queued was moved to the failed list. */
  revoked?: ApiError;
}

export type Verdict = 'retry' | 'refuse' | 'revoked';

/** The code a failed item carries when it was refused because staff unpaired the device (not the server's). */
export const REVOKED_CODE = 'device_revoked';

/** The server's answer to a device whose pairing staff removed: 401 with `revoked: true`. */
export function isRevoked(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 401 && error.body.revoked === true;
}

/** Whether a failed send is worth another try. Only a definite "no" from the server drops an item. */
export function classify(error: unknown): Verdict {
  if (!(error instanceof ApiError)) return 'retry';
  if (isRevoked(error)) return 'revoked';
  const status = error.statusCode;
  // 401: this device's token is not accepted (re-pairing fixes it, the check-in itself is fine).
  if (status === 401 || status === 408 || status === 429) return 'retry';
  return status >= 400 && status < 500 ? 'refuse' : 'retry';
}

/** Backoff after the n-th failed pass in a row (1-based): 2 s, 4 s, 8 s … at most a minute. */
export function retryDelay(failures: number, maxMs = 60_000): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(1, Math.min(failures, 16)));
}

const OUTCOMES_KEPT = 200;

export interface QueueOptions {
  now?: () => Date;
  makeKey?: () => string;
}

export class CheckInQueue {
  readonly #store: QueueStore;
  readonly #send: Sender;
  readonly #now: () => Date;
  readonly #makeKey: () => string;
  readonly #outcomes = new Map<string, Outcome>();
  #chain: Promise<unknown> = Promise.resolve();
  /** Whether the store survives a reload (IndexedDB) or not (memory fallback). */
  readonly durable: boolean;

  constructor(store: QueueStore, send: Sender, options: QueueOptions = {}) {
    this.#store = store;
    this.#send = send;
    this.#now = options.now ?? (() => new Date());
    this.#makeKey = options.makeKey ?? (() => uuidV4());
    this.durable = store instanceof IndexedDbQueueStore;
  }

  /** The queue on IndexedDB database `name`, or in memory when IndexedDB cannot be opened. */
  static async open(name: string, send: Sender, options: QueueOptions = {}): Promise<CheckInQueue> {
    let store: QueueStore;
    try {
      store = await IndexedDbQueueStore.open(name);
    } catch {
      store = new MemoryQueueStore();
    }
    return new CheckInQueue(store, send, options);
  }

  /** Store one intent with its new key. Nothing is sent yet: call `flush`. */
  enqueue(op: QueueOp, note = ''): Promise<QueueItem> {
    return this.#store.add({
      key: this.#makeKey(),
      op,
      note,
      createdAt: this.#now().toISOString(),
      attempts: 0,
      lastTriedAt: null,
      lastError: null,
    });
  }

  checkIn(body: CheckInRequest, note = ''): Promise<QueueItem> {
    return this.enqueue({ kind: 'checkin', body }, note);
  }

  /** Send what is queued, oldest first, until empty or the line fails. Passes run one after another. */
  flush(): Promise<PassReport> {
    return this.#serial(() => this.#pass());
  }

  /** What the server said about an item sent by this queue object (not kept across reloads). */
  outcome(key: string): Outcome | undefined {
    return this.#outcomes.get(key);
  }

  /**
   * Take an item back (an undo): removed when still pending, else what became of it. Runs between passes,
   * so the answer is final: `removed`, an outcome, or `unknown` (sent by an earlier page, before a reload).
   */
  withdraw(key: string): Promise<'removed' | Outcome | 'unknown'> {
    return this.#serial(async () => {
      if (await this.#store.remove(key)) return 'removed' as const;
      return this.#outcomes.get(key) ?? ('unknown' as const);
    });
  }

  pending(): Promise<QueueItem[]> {
    return this.#store.all();
  }

  failed(): Promise<FailedItem[]> {
    return this.#store.failed();
  }

  clearFailed(): Promise<void> {
    return this.#store.clearFailed();
  }

  /** Take one item off the failed list (the person at the kiosk was told at once). */
  forgetFailed(key: string): Promise<void> {
    return this.#store.removeFailed(key);
  }

  /**
   * The device was unpaired (told by the socket or by a 401 outside the queue): move every waiting item to
   * the failed list with that reason, between passes. Resolves with how many were moved.
   */
  refuseAll(error: ApiError): Promise<number> {
    return this.#serial(() => this.#failAll(error));
  }

  close(): void {
    this.#store.close();
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(task, task);
    this.#chain = run.catch(() => {});
    return run;
  }

  async #pass(): Promise<PassReport> {
    const report: PassReport = { sent: 0, refused: 0, stoppedBy: null };
    for (;;) {
      const item = await this.#store.first();
      if (!item) return report;
      try {
        const answer = await this.#send(item);
        await this.#store.remove(item.key);
        this.#remember(item.key, { status: 'sent', answer });
        report.sent += 1;
      } catch (error) {
        const verdict = classify(error);
        if (verdict === 'revoked' && error instanceof ApiError) {
          report.refused += await this.#failAll(error, item);
          report.revoked = error;
          return report;
        }
        if (verdict === 'refuse' && error instanceof ApiError) {
          await this.#fail(item, error, item.attempts + 1);
          report.refused += 1;
          continue;
        }
        await this.#store.update({
          ...item,
          attempts: item.attempts + 1,
          lastTriedAt: this.#now().toISOString(),
          lastError: error instanceof Error ? error.message : String(error),
        });
        report.stoppedBy = error;
        return report;
      }
    }
  }

  async #fail(item: QueueItem, error: ApiError, attempts: number): Promise<void> {
    const at = this.#now().toISOString();
    const code = isRevoked(error) ? REVOKED_CODE : error.code;
    await this.#store.fail({
      ...item,
      attempts,
      lastTriedAt: attempts > item.attempts ? at : item.lastTriedAt,
      lastError: error.message,
      failedAt: at,
      error: { statusCode: error.statusCode, code, message: error.message },
    });
    this.#remember(item.key, { status: 'refused', error });
  }

  /** Everything still waiting to the failed list, oldest first; `tried` is the item whose send was refused. */
  async #failAll(error: ApiError, tried?: QueueItem): Promise<number> {
    let moved = 0;
    for (const item of await this.#store.all()) {
      await this.#fail(item, error, item.key === tried?.key ? item.attempts + 1 : item.attempts);
      moved += 1;
    }
    return moved;
  }

  #remember(key: string, outcome: Outcome): void {
    this.#outcomes.set(key, outcome);
    if (this.#outcomes.size > OUTCOMES_KEPT) {
      const oldest = this.#outcomes.keys().next().value;
      if (oldest !== undefined) this.#outcomes.delete(oldest);
    }
  }
}
