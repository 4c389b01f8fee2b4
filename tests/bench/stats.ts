/**
 * The arithmetic of the benchmark figures: percentiles of one run's samples, and the median of repeated runs.
 * Every reported figure is a median over repeated runs; a ratio is computed inside each run (against the
 * baseline measured in that same run) and only then summarised, never as a ratio of two medians.
 */

/** Percentile by linear interpolation between closest ranks (p in 0..100); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[high] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** One run's figures, by name (e.g. `{ outboxTps, bareTps, ratio }`). */
export type RunFigures = Record<string, number>;

export interface Repeated<T extends RunFigures> {
  /** The median of each figure over the measured runs. */
  median: T;
  /** Every measured run, in order (the warm-up runs are not included). */
  runs: T[];
}

export interface RepeatOptions {
  warmups: number;
  runs: number;
  /** Called after each run with its figures, for progress output. */
  onRun?: (index: number, figures: RunFigures, warmup: boolean) => void;
}

/** The lowest and highest value of one figure over the measured runs (how much the runs disagree). */
export function spread<T extends RunFigures>(repeated: Repeated<T>, key: keyof T & string): [number, number] {
  const values = repeated.runs.map((run) => run[key] ?? Number.NaN);
  return [Math.min(...values), Math.max(...values)];
}

/** Run `once` warm-up times (discarded), then `runs` times, and take the median of every figure. */
export async function repeat<T extends RunFigures>(options: RepeatOptions, once: (index: number) => Promise<T>): Promise<Repeated<T>> {
  for (let i = 0; i < options.warmups; i += 1) options.onRun?.(i, await once(-1 - i), true);
  const runs: T[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const figures = await once(i);
    runs.push(figures);
    options.onRun?.(i, figures, false);
  }
  const first = runs[0];
  if (!first) throw new Error('repeat() needs at least one measured run');
  const summary: RunFigures = {};
  for (const key of Object.keys(first)) summary[key] = median(runs.map((run) => run[key] ?? Number.NaN));
  return { median: summary as T, runs };
}
