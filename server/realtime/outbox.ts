/**
 * The write side of live events. A service changes its rows and records its events in ONE transaction;
 * the events become visible to dispatchers only when that transaction commits, and never if it rolls back.
 *
 * Ordering: `seq` comes from a sequence, which hands out numbers in call order, not commit order. If two
 * transactions could commit out of seq order, a dispatcher that had read up to seq 12 could later see seq 11
 * appear and would skip it. So appending takes a transaction-scoped advisory lock first and is always the last
 * step of the transaction (writeTransaction guarantees it): whoever holds the lock takes the next numbers and
 * commits before the next writer may take any. Hence: committed seq order = commit order, and a reader that has
 * seen seq N will never later see a committed row below N. Rolled-back numbers leave harmless gaps.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export const OUTBOX_CHANNEL = 'centre_ops_outbox';
const OUTBOX_APPEND_LOCK = 7_202_611_291;

export interface OutboxEvent<TData = unknown> {
  topic: string;
  type: string;
  data: TData;
}

export type Emit = (event: OutboxEvent) => void;

/**
 * Events whose data must describe the state as of this commit, in commit order — a headcount, say: computed
 * after the append lock is taken, every transaction that committed before this one is visible and none that
 * commits after it can have appended yet, so successive such events never go backwards.
 */
export type EmitAfterLock = (compute: (trx: Transaction<DB>) => Promise<OutboxEvent[]>) => void;

/**
 * Append events to the outbox inside `trx`; wakes every dispatcher when (and only if) it commits.
 * One statement, so the append lock is held for one round trip plus the commit: take the lock, insert the
 * events in the order given (their seqs follow that order), and NOTIFY — which PostgreSQL delivers at commit
 * and drops on rollback.
 */
export async function appendEvents(trx: Transaction<DB>, events: readonly OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(events.map((e) => ({ topic: e.topic, type: e.type, data: e.data ?? null })));
  await sql`
    with locked as (select pg_advisory_xact_lock(${OUTBOX_APPEND_LOCK})),
    appended as (
      insert into outbox (topic, type, data)
      select e.topic, e.type, e.data
        from locked,
             rows from (jsonb_to_recordset(${rows}::jsonb) as (topic text, type text, data jsonb))
             with ordinality as e(topic, type, data, ord)
       order by e.ord
      returning seq
    )
    select pg_notify(${OUTBOX_CHANNEL}, '') from (select 1 from appended limit 1) as any_appended`.execute(trx);
}

/**
 * Run `work` in a transaction that may emit events. Events are appended after `work` finishes, as the last
 * statements before COMMIT, so the append lock is held only for the commit itself.
 */
export async function writeTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>, emit: Emit, emitAfterLock: EmitAfterLock) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const events: OutboxEvent[] = [];
    const late: Array<(trx: Transaction<DB>) => Promise<OutboxEvent[]>> = [];
    const result = await work(trx, (event) => events.push(event), (compute) => late.push(compute));
    if (late.length > 0) {
      await sql`select pg_advisory_xact_lock(${OUTBOX_APPEND_LOCK})`.execute(trx);
      for (const compute of late) events.push(...(await compute(trx)));
    }
    await appendEvents(trx, events);
    return result;
  });
}

/** Events are kept at least this long, so a client away for a week can still catch up by replay. */
export const OUTBOX_RETENTION_DAYS = 8;

/** Delete events older than the retention and raise the horizon under which `after` must resync. */
export async function pruneOutbox(db: Kysely<DB>, retentionDays = OUTBOX_RETENTION_DAYS): Promise<number> {
  const result = await sql<{ pruned: number }>`
    with deleted as (
      delete from outbox where at < now() - make_interval(days => ${retentionDays}) returning seq
    ), raised as (
      update outbox_horizon
         set pruned_through = greatest(pruned_through, (select max(seq) from deleted))
       where id = 1 and exists (select 1 from deleted)
    )
    select count(*)::int as pruned from deleted`.execute(db);
  return result.rows[0]?.pruned ?? 0;
}
