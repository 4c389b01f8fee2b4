/**
 * The statements of the shared attempt counters (table rate_limits; shared-rate-limiter.ts says how they are
 * used). A counter's key is already prefixed with its limit's name here; windows are given in seconds.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';

export interface CountedRow {
  count: number;
  /** Seconds until the window ends. */
  wait: number;
  windowStart: Date;
  windowEnd: Date;
  windowId: string;
}

/**
 * Counts one attempt and answers in the same statement (INSERT … ON CONFLICT … RETURNING): a window that is
 * over starts again at 1. Concurrent attempts are serialised by the row lock of the upsert.
 */
export async function countAttempt(db: Executor, key: string, seconds: number): Promise<CountedRow> {
  const row = await sql<CountedRow>`
    insert into rate_limits as r (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when r.window_start <= now() - make_interval(secs => ${seconds}) then 1 else r.count + 1 end,
      window_start = case when r.window_start <= now() - make_interval(secs => ${seconds}) then now() else r.window_start end
    returning count,
      ceil(extract(epoch from (window_start + make_interval(secs => ${seconds}) - now())))::int as wait,
      window_start as "windowStart",
      window_start + make_interval(secs => ${seconds}) as "windowEnd",
      (extract(epoch from window_start) * 1000000)::bigint::text as "windowId"`.execute(db);
  return row.rows[0]!;
}

/** Takes one attempt back, only in the window `windowId` (microseconds since the epoch) it was counted in. */
export async function uncountAttempt(db: Executor, key: string, windowId: string): Promise<void> {
  await sql`
    update rate_limits set count = greatest(count - 1, 0)
    where key = ${key} and (extract(epoch from window_start) * 1000000)::bigint = ${windowId}::bigint`.execute(db);
}

/** The counter in its current window, or undefined when nothing was counted in it. */
export async function counterInWindow(db: Executor, key: string, seconds: number): Promise<{ count: number; windowStart: Date; windowEnd: Date } | undefined> {
  const row = await sql<{ count: number; windowStart: Date; windowEnd: Date }>`
    select count, window_start as "windowStart", window_start + make_interval(secs => ${seconds}) as "windowEnd"
    from rate_limits
    where key = ${key} and window_start > now() - make_interval(secs => ${seconds})`.execute(db);
  return row.rows[0];
}

export async function deleteCounter(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('rateLimits').where('key', '=', key).execute();
}

/** Counters whose window started more than a day ago (longer than any limit's window). */
export async function deleteOldCounters(db: Executor): Promise<void> {
  await db.deleteFrom('rateLimits').where('windowStart', '<', sql<Date>`now() - interval '1 day'`).execute();
}
