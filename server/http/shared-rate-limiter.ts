/**
 * A fixed-window attempt counter kept in the database (table rate_limits), so that a limit holds for the
 * whole site whatever number of server processes share the database: with per-process counters, N processes
 * behind a load balancer would give a password guesser N times the tries. Used where attempts are rare and
 * worth a statement each (sign-in, pairing); the check-in flood guard stays in memory (rate-limiter.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export class SharedRateLimiter {
  constructor(
    private readonly db: Kysely<DB>,
    /** Keeps the counters of different limits apart ("login-address", "pairing"). */
    private readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt; returns the seconds to wait when this attempt is over the limit, else 0. */
  async hit(key: string): Promise<number> {
    const seconds = this.windowMs / 1000;
    const row = await sql<{ count: number; wait: number }>`
      insert into rate_limits as r (key, window_start, count) values (${this.key(key)}, now(), 1)
      on conflict (key) do update set
        count = case when r.window_start <= now() - make_interval(secs => ${seconds}) then 1 else r.count + 1 end,
        window_start = case when r.window_start <= now() - make_interval(secs => ${seconds}) then now() else r.window_start end
      returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${seconds}) - now())))::int as wait`.execute(this.db);
    const { count, wait } = row.rows[0]!;
    return count > this.limit ? Math.max(1, wait) : 0;
  }

  /** Whether the key is at its limit, without counting an attempt. */
  async blockedFor(key: string): Promise<number> {
    const seconds = this.windowMs / 1000;
    const row = await sql<{ wait: number }>`
      select ceil(extract(epoch from (window_start + make_interval(secs => ${seconds}) - now())))::int as wait
      from rate_limits
      where key = ${this.key(key)} and count >= ${this.limit} and window_start > now() - make_interval(secs => ${seconds})`.execute(this.db);
    return row.rows[0] ? Math.max(1, row.rows[0].wait) : 0;
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rateLimits').where('key', '=', this.key(key)).execute();
  }

  private key(key: string): string {
    return `${this.name}:${key}`;
  }
}

/** Windows long past are forgotten now and then so the table stays small (housekeeping, pruning.ts). */
export async function sweepRateLimits(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom('rateLimits').where('windowStart', '<', sql<Date>`now() - interval '1 day'`).execute();
}
