/**
 * Visits left open are ended at the venue's closing time (docs/rules.md "Check-ins"): members forget to check out, and a
 * headcount must not carry yesterday's people. Every process checks once a minute; ending a visit is a
 * conditional update, so two processes doing it at once end each visit once.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { addDays, localDateOf, zonedToInstant } from '../../shared/zoned-time.ts';
import { write } from '../../realtime/write.ts';
import { listVenues } from '../venues/queries.ts';
import { openVisitsBefore } from './queries.ts';
import { closeVisits } from './service.ts';

const EVERY_MS = 60 * 1000;

/**
 * When a visit begun at `checkedInAt` is ended if nobody checks it out: that day's closing time; a visit begun
 * after closing (an evening event run late) at the end of that local day.
 */
export function closingFor(checkedInAt: Date, closesAt: string, timeZone: string): Date {
  const day = localDateOf(checkedInAt, timeZone);
  const closing = zonedToInstant(day, closesAt, timeZone);
  return closing.getTime() > checkedInAt.getTime() ? closing : zonedToInstant(addDays(day, 1), '00:00', timeZone);
}

export async function closeOpenVisits(db: Kysely<DB>, now = new Date()): Promise<number> {
  let closed = 0;
  for (const venue of await listVenues(db, 'all')) {
    // Everything begun before now is a candidate; each ends at its own day's closing once that has passed.
    const open = await openVisitsBefore(db, venue.id, now);
    const rows = open
      .map((v) => ({ id: v.id, at: closingFor(v.checkedInAt, venue.closesAt, venue.timezone) }))
      .filter((r) => r.at.getTime() <= now.getTime());
    if (rows.length === 0) continue;
    const ended = await write(db, (w) => closeVisits(w, venue.id, rows));
    closed += ended.length;
  }
  return closed;
}

export function startClosingTimeJob(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const closed = await closeOpenVisits(db);
      if (closed > 0) log.info({ closed }, 'ended visits left open at closing time');
    } catch (error) {
      log.warn({ err: error }, 'closing-time job failed; will try again in a minute');
    }
  };
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
