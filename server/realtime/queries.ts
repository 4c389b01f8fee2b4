/**
 * The outbox's statements: appending and numbering events (outbox.ts says why they are numbered after
 * commit), reading numbered ones for the dispatcher, and pruning old ones.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';

/** What a live event carries (rows read with `seq >` a number are numbered ones). */
const EVENT_COLUMNS = ['seq', 'topic', 'type', 'data', 'at'] as const;

export interface OutboxRow {
  seq: number;
  topic: string;
  type: string;
  data: unknown;
  at: Date;
}

/**
 * `outbox_append`: `events` (OutboxEvent objects) then `late` (LateEvent objects), in that order, in one
 * round trip; every dispatcher is woken when (and only if) the transaction commits.
 */
export async function appendToOutbox(trx: Executor, events: readonly object[], late: readonly object[]): Promise<void> {
  await sql`select outbox_append(${JSON.stringify(events)}::jsonb, ${JSON.stringify(late)}::jsonb)`.execute(trx);
}

/** One sequencer run (`outbox_sequence`): how many unnumbered rows it handled. */
export async function runSequencer(db: Executor, maxRows: number): Promise<number> {
  const result = await sql<{ handled: number }>`select outbox_sequence(${maxRows}) as handled`.execute(db);
  return Number(result.rows[0]?.handled ?? 0);
}

/** Delete numbered events older than `retentionDays` and raise the horizon under which `after` must resync. */
export async function pruneEvents(db: Executor, retentionDays: number): Promise<number> {
  const result = await sql<{ pruned: number }>`
    with deleted as (
      delete from outbox where at < now() - make_interval(days => ${retentionDays}) and seq is not null returning seq
    ), raised as (
      update outbox_horizon
         set pruned_through = greatest(pruned_through, (select max(seq) from deleted))
       where id = 1 and exists (select 1 from deleted)
    )
    select count(*)::int as pruned from deleted`.execute(db);
  return result.rows[0]?.pruned ?? 0;
}

/** The highest seq handed out so far (0 before the first). */
export async function maxSeq(db: Executor): Promise<number> {
  const row = await sql<{ seq: number | null }>`select max(seq) as seq from outbox`.execute(db);
  return Number(row.rows[0]?.seq ?? 0);
}

/** The seq through which events were pruned: an `after` below it cannot be replayed. */
export async function prunedThrough(db: Executor): Promise<number> {
  const row = await db.selectFrom('outboxHorizon').select('prunedThrough').executeTakeFirst();
  return row?.prunedThrough ?? 0;
}

/** Numbered events above `position`, in seq order, at most `limit`. */
export function eventsAfter(db: Executor, position: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .select([...EVENT_COLUMNS])
    .where('seq', '>', position)
    .orderBy('seq')
    .limit(limit)
    .$narrowType<{ seq: number }>()
    .execute();
}

/** A topic's events in (after, through], in seq order, at most `limit`. */
export function topicEventsBetween(db: Executor, topic: string, after: number, through: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .select([...EVENT_COLUMNS])
    .where('topic', '=', topic)
    .where('seq', '>', after)
    .where('seq', '<=', through)
    .orderBy('seq')
    .limit(limit)
    .$narrowType<{ seq: number }>()
    .execute();
}
