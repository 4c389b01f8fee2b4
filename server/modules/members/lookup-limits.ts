/**
 * How often a kiosk may look members up (docs/security.md "Kiosk look-ups"). Two limits, both per kiosk and counted in the database
 * (table rate_limits), so that they hold whatever number of server processes the kiosk's requests reach:
 *
 * - every look-up (`?q=` and `?code=`): LOOKUPS_PER_MINUTE, several times what a queue of members needs (a
 *   card every 3 s, a name typed a few letters at a time), far below the hundreds a second a script sends;
 * - misses of what can be guessed, a card code or a whole phone number that finds nobody: MISSES_PER_WINDOW
 *   per 10 minutes and MISSES_PER_DAY. A member whose card will not scan, or who mistypes their number, misses
 *   once or twice; a kiosk guessing card codes or the four hidden digits of `139****1741` (10,000 numbers)
 *   misses all day, and at 100 a day would need months for one member.
 *
 * A miss is counted before the look-up (a burst of parallel guesses cannot all pass a check made before any of
 * them was counted) and given back when the look-up finds someone: a queue of cards that scan well never
 * uses the budget. Over either limit the answer is 429 rate_limited with retryAfter, for hits and misses
 * alike, so the answer says nothing about the code or number asked.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { SharedRateLimiter } from '../../http/shared-rate-limiter.ts';

export const LOOKUPS_PER_MINUTE = 60;
export const MISSES_PER_WINDOW = 20;
export const MISS_WINDOW_MS = 10 * 60 * 1000;
export const MISSES_PER_DAY = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The kiosk shows its own words for this (kiosk dictionary, `kiosk.problem.busy`); this is for logs and scripts. */
const tooMany = (wait: number) =>
  new AppError('rate_limited', `This kiosk has looked members up too often; please wait ${wait} seconds, or ask staff for help.`, { retryAfter: wait });

export class KioskLookupLimits {
  private readonly lookups: SharedRateLimiter;
  /** Misses are counted first and refunded on a hit (SharedRateLimiter.refund, in the window they were counted in). */
  private readonly misses: SharedRateLimiter[];

  constructor(db: Kysely<DB>) {
    this.lookups = new SharedRateLimiter(db, 'kiosk-lookup', LOOKUPS_PER_MINUTE, 60 * 1000);
    this.misses = [
      new SharedRateLimiter(db, 'kiosk-miss-10min', MISSES_PER_WINDOW, MISS_WINDOW_MS),
      new SharedRateLimiter(db, 'kiosk-miss-day', MISSES_PER_DAY, DAY_MS),
    ];
  }

  /** Counts one look-up by this kiosk; throws rate_limited past the limit. */
  async lookUp(deviceId: string): Promise<void> {
    const wait = await this.lookups.hit(deviceId);
    if (wait) throw tooMany(wait);
  }

  /**
   * Runs a guessable look-up (a card code, a whole number) within the kiosk's miss budget: counted as a miss
   * first, given back when `found` says it found someone. Throws rate_limited past either limit, without
   * looking anything up.
   */
  async guess<T>(deviceId: string, lookUp: () => Promise<T>, found: (result: T) => boolean): Promise<T> {
    const attempts = await Promise.all(this.misses.map((m) => m.attempt(deviceId)));
    const wait = Math.max(...attempts.map((a) => a.wait));
    if (wait) {
      // Refused without looking: nothing was missed, so the windows that still had room get it back.
      await Promise.all(this.misses.map((m, i) => (attempts[i]!.wait ? Promise.resolve() : m.refund(deviceId, attempts[i]!))));
      throw tooMany(wait);
    }
    const result = await lookUp();
    if (found(result)) await Promise.all(this.misses.map((m, i) => m.refund(deviceId, attempts[i]!)));
    return result;
  }
}

/**
 * The same miss budget kept in this process's memory, for check-ins by card code from a kiosk: a check-in
 * that finds no card is as much a guess as a look-up, but a statement per check-in would cost the hot path
 * (docs/performance.md), so each process counts its own (N processes give a guesser N times the budget, still
 * a few hundred a day). Counted first, given back when the card was found.
 */
export class LocalGuessBudget {
  private readonly windows = new Map<string, Array<{ count: number; resetAt: number }>>();
  private lastSweep = 0;
  private readonly limits: ReadonlyArray<{ limit: number; ms: number }> = [
    { limit: MISSES_PER_WINDOW, ms: MISS_WINDOW_MS },
    { limit: MISSES_PER_DAY, ms: DAY_MS },
  ];

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one presumed miss; the seconds to wait when it is over a limit (then nothing is counted), else 0. */
  take(key: string): number {
    const now = this.now();
    this.sweep(now);
    const windows = (this.windows.get(key) ?? []).map((w, i) => (w.resetAt > now ? w : { count: 0, resetAt: now + this.limits[i]!.ms }));
    while (windows.length < this.limits.length) windows.push({ count: 0, resetAt: now + this.limits[windows.length]!.ms });
    const full = windows.filter((w, i) => w.count >= this.limits[i]!.limit);
    if (full.length > 0) {
      this.windows.set(key, windows);
      return Math.max(...full.map((w) => Math.max(1, Math.ceil((w.resetAt - now) / 1000))));
    }
    for (const w of windows) w.count += 1;
    this.windows.set(key, windows);
    return 0;
  }

  /** The check-in found the card: it was not a miss. */
  giveBack(key: string): void {
    for (const w of this.windows.get(key) ?? []) w.count = Math.max(0, w.count - 1);
  }

  /** Throws rate_limited when over a limit; otherwise the caller must give back a hit. */
  takeOrRefuse(key: string): void {
    const wait = this.take(key);
    if (wait) throw tooMany(wait);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < MISS_WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, windows] of this.windows) if (windows.every((w) => w.resetAt <= now)) this.windows.delete(key);
  }
}
