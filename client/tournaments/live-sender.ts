/**
 * Sends the referee's live score without piling up requests: one request at a time, and only the newest
 * score waits behind it (a score that was overtaken need never be sent). A failure that may pass (the network)
 * keeps the newest score and tries again; one that will not (the server refused it) is dropped and reported.
 * `idle()` resolves once everything pushed so far has been sent or dropped, so the final result goes after the
 * last live score, never before it.
 */

export type SenderStatus = 'idle' | 'sending' | 'retrying';

export interface SenderOptions<T> {
  send(payload: T): Promise<void>;
  /** True for an error that sending again cannot fix (a 4xx answer). */
  isFinal(error: unknown): boolean;
  onStatus?(status: SenderStatus, error: unknown): void;
  /** Waits before trying again; a timer in the browser, immediate in tests. */
  wait?(ms: number): Promise<void>;
  retryMs?: number;
}

export class LatestSender<T> {
  #pending: { payload: T } | null = null;
  #running: Promise<void> | null = null;
  #status: SenderStatus = 'idle';
  #stopped = false;
  readonly #options: SenderOptions<T>;

  constructor(options: SenderOptions<T>) {
    this.#options = options;
  }

  get status(): SenderStatus {
    return this.#status;
  }

  push(payload: T): void {
    if (this.#stopped) return;
    this.#pending = { payload };
    this.#running ??= this.#drain().finally(() => {
      this.#running = null;
    });
  }

  /** Resolves when nothing is waiting or in flight. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops sending (the page is closing, or the match is over): what is waiting is dropped. */
  stop(): void {
    this.#stopped = true;
    this.#pending = null;
  }

  #setStatus(status: SenderStatus, error: unknown = null): void {
    this.#status = status;
    this.#options.onStatus?.(status, error);
  }

  async #drain(): Promise<void> {
    while (this.#pending && !this.#stopped) {
      const { payload } = this.#pending;
      this.#pending = null;
      this.#setStatus('sending');
      try {
        await this.#options.send(payload);
      } catch (error) {
        if (this.#options.isFinal(error)) {
          this.#setStatus('idle', error);
          continue;
        }
        // Keep the newest: the one that failed, unless a newer one came meanwhile.
        this.#pending ??= { payload };
        this.#setStatus('retrying', error);
        const wait = this.#options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
        await wait(this.#options.retryMs ?? 3000);
        continue;
      }
    }
    if (this.#status !== 'idle' || this.#stopped) this.#setStatus('idle');
  }
}
