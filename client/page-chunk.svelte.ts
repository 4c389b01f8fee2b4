/**
 * One page of the coordinator app whose code is a chunk of its own, loaded by dynamic import() when the page is
 * first needed (docs/performance.md "First load": the calendar with FullCalendar, the reports with Chart.js, members, tournaments,
 * administration and the audit log no longer make everyone's first download). The import starts at most once
 * at a time and its result is kept, so going back to a page shows it at once.
 */
export type PageChunkStatus = 'idle' | 'loading' | 'ready' | 'failed';

export class PageChunk<C> {
  status = $state<PageChunkStatus>('idle');
  component = $state.raw<C | null>(null);
  error = $state.raw<unknown>(null);
  readonly #importer: () => Promise<{ default: C }>;
  #pending: Promise<void> | null = null;

  constructor(importer: () => Promise<{ default: C }>) {
    this.#importer = importer;
  }

  /** Starts loading the page's code unless it is loaded or on its way; call it as early as the page is known. */
  load(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (!this.#pending) {
      this.status = 'loading';
      this.#pending = this.#importer().then(
        (module) => {
          this.component = module.default;
          this.status = 'ready';
        },
        (error: unknown) => {
          this.error = error;
          this.status = 'failed';
          this.#pending = null;
        },
      );
    }
    return this.#pending;
  }
}
