/**
 * One report on the page: its answer, whether it is loading, and what went wrong. A new `run` aborts the
 * one before, so a slow answer for old filters never replaces the answer for the new ones.
 */
export class Loader<T> {
  data = $state<T | null>(null);
  loading = $state(false);
  error = $state<unknown>(null);
  #controller: AbortController | null = null;

  async run(fetcher: (signal: AbortSignal) => Promise<T>): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    this.data = null;
    try {
      const data = await fetcher(controller.signal);
      if (!controller.signal.aborted) this.data = data;
    } catch (error) {
      if (!controller.signal.aborted) this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = null;
  }
}
