/**
 * Deadlines that pass on their own: an offer not accepted in time, and an admitted seat with a fee not paid by
 * its `payBy`. Every process runs this every few seconds; the rows are taken with `for update skip locked` and
 * changed only if their status still says so, so with several processes (or a restart half-way) each lapse is
 * acted on exactly once, and a member accepting at the last second either wins or is told the offer expired.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { write } from '../../realtime/write.ts';
import { offerFreeSeats } from './offers.ts';
import * as q from './queries.ts';

const EVERY_MS = 15 * 1000;
const BATCH = 200;

/** One sweep; returns how many offers and unpaid seats were released. */
export async function releaseLapsedSeats(db: Kysely<DB>): Promise<number> {
  let released = 0;
  for (;;) {
    const n = await write(db, async ({ trx }) => {
      const lapsed = await q.lapsedPlacements(trx, BATCH);
      const classes = new Map<string, string>();
      for (const p of lapsed) {
        await q.setPlacementStatus(trx, p.id, { status: 'withdrawn', withdrawnReason: p.status === 'offered' ? 'offer_expired' : 'unpaid', offerExpiresAt: null });
        classes.set(p.classId, p.termId);
      }
      const terms = new Map<string, q.TermRow>();
      for (const [classId, termId] of classes) {
        const term = terms.get(termId) ?? (await q.findTerm(trx, termId))!;
        terms.set(termId, term);
        await offerFreeSeats({ trx }, term, classId);
      }
      for (const termId of terms.keys()) await q.markSeatsChanged(trx, termId);
      return lapsed.length;
    });
    released += n;
    if (n < BATCH) return released;
  }
}

export function startSeatDeadlineJob(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    releaseLapsedSeats(db).then(
      (n) => n > 0 && log.info({ released: n }, 'released lapsed offers and unpaid seats to the waiting lists'),
      (error: unknown) => log.warn({ err: error }, 'could not release lapsed seats; will try again'),
    );
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
