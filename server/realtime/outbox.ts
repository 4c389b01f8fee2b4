/**
 * The write side of live events. A service changes its rows and records its events in ONE transaction;
 * the events become visible only when that transaction commits, and never if it rolls back.
 *
 * Ordering: writers insert their events unnumbered, with no lock, so their commits run side by side and
 * share WAL flushes. The sequencer (`outbox_sequence`, migration 202611291400; run by the dispatchers) numbers
 * committed rows in insertion order, one run at a time under an advisory lock, and commits. Numbers come only
 * from sequencer runs, each after the previous one committed, so a reader that has seen seq N will never later
 * see a row below N: the dispatcher's `seq > position` stays exactly-once and in order. A transaction's own
 * events keep their order (insertion order), and so do the events of transactions that wait for each other
 * (the later one inserts after the earlier one committed).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { LiveEventMap, VenueEventType } from './protocol.ts';
import type { SystemEventMap, SystemEventType } from './system-events.ts';
import type { SYSTEM_TOPIC, TournamentTopic, VenueTopic } from './topics.ts';

export const OUTBOX_CHANNEL = 'centre_ops_outbox';

/** Every event a writer may record: the apps' events and the processes' `system` events. */
export type OutboxEventMap = LiveEventMap & SystemEventMap;
export type OutboxEventType = keyof OutboxEventMap;

/** The topic an event type goes to: venue events to `venue:<id>`, system events to `system`, the rest to a tournament. */
type TopicOf<T extends OutboxEventType> = T extends SystemEventType ? typeof SYSTEM_TOPIC : T extends VenueEventType ? VenueTopic : TournamentTopic;

/** An event as a writer records it (typed by its `type`); it gets its seq and time when numbered. */
export type OutboxEvent<K extends OutboxEventType = OutboxEventType> = {
  [T in K]: { topic: TopicOf<T>; type: T; data: OutboxEventMap[T] };
}[K];

/** @deprecated use `write` (server/realtime/write.ts); kept while the services move over. */
export type Emit = <T extends OutboxEventType>(event: OutboxEvent<T>) => void;

/**
 * An event whose data describes the state when it is numbered — a venue's headcount: the sequencer computes
 * it with a database function from everything committed by then, so successive such events never go
 * backwards, and several waiting at once for one venue go out as one (the latest).
 */
export interface LateEvent {
  topic: VenueTopic;
  type: 'headcount.changed';
  /** The database function that computes the data, and its argument. */
  compute: { fn: 'venue_headcount'; arg: string };
}

export type EmitLate = (event: LateEvent) => void;

/**
 * Append events to the outbox inside `trx` in one round trip (`outbox_append`): they are inserted in the
 * order given, late events after the others, and every dispatcher is woken when (and only if) `trx` commits.
 */
export async function appendEvents(trx: Transaction<DB>, events: readonly OutboxEvent[], late: readonly LateEvent[] = []): Promise<void> {
  if (events.length === 0 && late.length === 0) return;
  const rows = JSON.stringify(events.map((e) => ({ topic: e.topic, type: e.type, data: e.data ?? null })));
  const lateRows = JSON.stringify(late.map((e) => ({ topic: e.topic, type: e.type, fn: e.compute.fn, arg: e.compute.arg })));
  await sql`select outbox_append(${rows}::jsonb, ${lateRows}::jsonb)`.execute(trx);
}

/**
 * @deprecated use `write` (server/realtime/write.ts); kept while the services move over.
 */
export async function writeTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>, emit: Emit, emitLate: EmitLate) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const events: OutboxEvent[] = [];
    const late: LateEvent[] = [];
    const result = await work(trx, (event) => void events.push(event as OutboxEvent), (event) => void late.push(event));
    await appendEvents(trx, events, late);
    return result;
  });
}

/** Most rows one sequencer run numbers; a longer backlog takes several runs (the dispatcher loops). */
export const SEQUENCE_BATCH = 500;

/**
 * One sequencer run (see the top of this file). Safe to call from any number of processes at once: the runs
 * queue on the advisory lock. Returns how many unnumbered rows it handled.
 */
export async function sequenceEvents(db: Kysely<DB>, maxRows = SEQUENCE_BATCH): Promise<number> {
  const result = await sql<{ handled: number }>`select outbox_sequence(${maxRows}) as handled`.execute(db);
  return Number(result.rows[0]?.handled ?? 0);
}

/** Events are kept at least this long, so a client away for a week can still catch up by replay. */
export const OUTBOX_RETENTION_DAYS = 8;

/** Delete events older than the retention and raise the horizon under which `after` must resync. */
export async function pruneOutbox(db: Kysely<DB>, retentionDays = OUTBOX_RETENTION_DAYS): Promise<number> {
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
