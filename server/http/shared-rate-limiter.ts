/**
 * A fixed-window attempt counter kept in the database (table rate_limits), so that a limit holds for the
 * whole site whatever number of server processes share the database: with per-process counters, N processes
 * behind a load balancer would give a password guesser N times the tries. Used where attempts are rare and
 * worth a statement each (sign-in, password change, pairing); the check-in flood guard stays in memory
 * (rate-limiter.ts).
 *
 * Count first, then check: a caller counts the attempt (`attempt`, one atomic INSERT … ON CONFLICT … RETURNING
 * that increments and answers in the same statement) BEFORE it looks at the password or code, and goes on only
 * when that answer allows it. Asking "blocked?" first and counting the failure afterwards let a burst of
 * parallel guesses all pass the question before any of them was counted (docs/security.md "Abuse limits": 30 parallel wrong
 * sign-ins had 30 passwords checked under a limit of 10). There is deliberately no read-only "blocked?" here.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../db/executor.ts';
import type { DB } from '../db/schema.ts';
import { countAttempt, counterInWindow, deleteCounter, deleteOldCounters, uncountAttempt } from './rate-limit-queries.ts';

/** The answer to one counted attempt. */
export interface Attempt {
  /** Seconds to wait when this attempt is over the limit (refused), else 0 (go on). */
  wait: number;
  /** Attempts counted in the window so far, this one included. */
  count: number;
  /** When the window started, and when it ends (the counter starts again from 0). */
  windowStart: Date;
  windowEnd: Date;
  /** Which window this attempt was counted in (microseconds since the epoch), for `refund`. */
  windowId: string;
}

/** What a counter says now, without counting anything (what admins are shown). */
export interface CounterState {
  count: number;
  windowStart: Date;
  windowEnd: Date;
}

export class SharedRateLimiter {
  constructor(
    private readonly db: Kysely<DB>,
    /** Keeps the counters of different limits apart ("login-address", "pairing-address"). */
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /**
   * Counts one attempt and answers, in the same statement, whether it is within the limit. Concurrent
   * attempts are serialised by the row lock of the upsert, so of N parallel attempts exactly
   * `limit - count so far` are allowed, on one process or many.
   */
  async attempt(key: string): Promise<Attempt> {
    const { count, wait, windowStart, windowEnd, windowId } = await countAttempt(this.db, this.key(key), this.windowMs / 1000);
    return { count, wait: count > this.limit ? Math.max(1, wait) : 0, windowStart: new Date(windowStart), windowEnd: new Date(windowEnd), windowId };
  }

  /** Counts one attempt; returns the seconds to wait when this attempt is over the limit, else 0. */
  async hit(key: string): Promise<number> {
    return (await this.attempt(key)).wait;
  }

  /**
   * Takes back one allowed attempt that turned out to be legitimate (a right password, a real pairing code),
   * so that only failures use up the limit. Only in the window it was counted in: once that window is over,
   * the new window's count is other attempts', not this one's.
   */
  async refund(key: string, counted: Pick<Attempt, 'windowId'>): Promise<void> {
    await uncountAttempt(this.db, this.key(key), counted.windowId);
  }

  /** The counter of a key as it stands (null when nothing was counted in the current window). */
  async state(key: string): Promise<CounterState | null> {
    const found = await counterInWindow(this.db, this.key(key), this.windowMs / 1000);
    return found ? { count: found.count, windowStart: new Date(found.windowStart), windowEnd: new Date(found.windowEnd) } : null;
  }

  /** Forgets the key's counter (inside `executor`'s transaction when given, e.g. beside an audit entry). */
  async reset(key: string, executor: Executor = this.db): Promise<void> {
    await deleteCounter(executor, this.key(key));
  }

  private key(key: string): string {
    return `${this.name}:${key}`;
  }
}

/** Windows long past are forgotten now and then so the table stays small (server/housekeeping.ts). */
export async function sweepRateLimits(db: Kysely<DB>): Promise<void> {
  await deleteOldCounters(db);
}
