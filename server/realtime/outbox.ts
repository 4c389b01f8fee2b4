/**
 * The write side of live events. A service changes its rows and records its events in ONE transaction;
 * the events become visible only when that transaction commits, and never if it rolls back.
 *
 * Ordering: writers insert their events unnumbered, with no lock, so their commits run side by side and
 * share WAL flushes. The sequencer (server/db/functions/outbox_sequence.sql; run by the dispatchers) numbers
 * committed rows in insertion order, one run at a time under an advisory lock, and commits. Numbers come only
 * from sequencer runs, each after the previous one committed, so a reader that has seen seq N will never later
 * see a row below N: the dispatcher's `seq > position` stays exactly-once and in order. A transaction's own
 * events keep their order (insertion order), and so do the events of transactions that wait for each other
 * (the later one inserts after the earlier one committed).
 */
import type { Transaction } from 'kysely';
import type { Executor } from '../db/executor.ts';
import type { DB } from '../db/schema.ts';
import type { LiveEventMap, VenueEventType } from './protocol.ts';
import { appendToOutbox, pruneEvents, runSequencer } from './queries.ts';
import type { SystemEventMap, SystemEventType } from './system-events.ts';
import type { SYSTEM_TOPIC, TermTopic, TournamentTopic, VenueTopic } from './topics.ts';

/** The NOTIFY channel; defined beside the database functions that notify on it. */
export { OUTBOX_CHANNEL } from '../db/functions.ts';

/** Every event a writer may record: the apps' events and the processes' `system` events. */
export type OutboxEventMap = LiveEventMap & SystemEventMap;
export type OutboxEventType = keyof OutboxEventMap;

/** The topic an event type goes to: venue events to `venue:<id>`, system events to `system`, seat counts to `term:<id>`, the rest to a tournament. */
type TopicOf<T extends OutboxEventType> = T extends SystemEventType
  ? typeof SYSTEM_TOPIC
  : T extends VenueEventType
    ? VenueTopic
    : T extends 'seats.changed' | 'term.updated'
      ? TermTopic
      : TournamentTopic;

/** An event as a writer records it (typed by its `type`); it gets its seq and time when numbered. */
export type OutboxEvent<K extends OutboxEventType = OutboxEventType> = {
  [T in K]: { topic: TopicOf<T>; type: T; data: OutboxEventMap[T] };
}[K];

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

/**
 * Append events to the outbox inside `trx` in one round trip (`outbox_append`, which reads these objects as
 * they are): they are inserted in the order given, late events after the others, and every dispatcher is
 * woken when (and only if) `trx` commits.
 */
export async function appendEvents(trx: Transaction<DB>, events: readonly OutboxEvent[], late: readonly LateEvent[] = []): Promise<void> {
  if (events.length === 0 && late.length === 0) return;
  await appendToOutbox(trx, events, late);
}

/** Most rows one sequencer run numbers; a longer backlog takes several runs (the dispatcher loops). */
export const SEQUENCE_BATCH = 500;

/**
 * One sequencer run (see the top of this file). Safe to call from any number of processes at once: the runs
 * queue on the advisory lock. Returns how many unnumbered rows it handled.
 */
export function sequenceEvents(db: Executor, maxRows = SEQUENCE_BATCH): Promise<number> {
  return runSequencer(db, maxRows);
}

/** Events are kept at least this long, so a client away for a week can still catch up by replay. */
export const OUTBOX_RETENTION_DAYS = 8;

/** Delete events older than the retention and raise the horizon under which `after` must resync. */
export function pruneOutbox(db: Executor, retentionDays = OUTBOX_RETENTION_DAYS): Promise<number> {
  return pruneEvents(db, retentionDays);
}
