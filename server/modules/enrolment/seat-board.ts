/**
 * `seats.changed` on `term:<id>`, coalesced. Every write that changes a term's seats leaves a mark in
 * term_seat_changes (insert-only, so racing writers never wait on each other there). A short timer in every
 * process takes the committed marks (`for update skip locked`: each mark is taken by one process) and sends ONE
 * event per term with the counts as committed then. A burst of 2,000 applications thus becomes a few events a
 * second, each complete, and the last always reflects the last change: its mark is taken by a later flush.
 * A process that dies leaves its marks for the others' next flush.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../db/executor.ts';
import { termTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import * as q from './queries.ts';
import type { SeatsDto } from './schemas.ts';

/** How often a process flushes: at most this many events a second per term and process. */
export const SEAT_FLUSH_MS = 300;

export async function seatsOf(db: Executor, termId: string): Promise<SeatsDto> {
  const counts = await q.seatCounts(db, termId);
  return { termId, classes: counts.map(({ classId, capacity, admitted, waitlisted, offered }) => ({ classId, capacity, admitted, waitlisted, offered })) };
}

/** Sends one seats.changed per term with marks; returns the terms. */
export async function flushSeatChanges(db: Kysely<DB>): Promise<string[]> {
  return write(db, async ({ trx, emit }) => {
    const terms = await q.takeSeatChanges(trx);
    for (const termId of terms) {
      if (!(await q.findTerm(trx, termId))) continue;
      emit({ topic: termTopic(termId), type: 'seats.changed', data: await seatsOf(trx, termId) });
    }
    return terms;
  });
}

export function startSeatBoard(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  let running = false;
  let failures = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    flushSeatChanges(db)
      .then(
        () => void (failures = 0),
        (error: unknown) => {
          // Quietly retried; logged once per run of failures, not three times a second.
          if (failures++ === 0) log.warn({ err: error }, 'could not send seat counts; will keep trying');
        },
      )
      .finally(() => void (running = false));
  }, SEAT_FLUSH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
