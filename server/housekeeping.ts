import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.ts';
import { deleteExpiredSessions } from './modules/auth/queries.ts';
import { sweepRateLimits } from './http/shared-rate-limiter.ts';
import { pruneOutbox } from './realtime/outbox.ts';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Hourly housekeeping in every process: drop outbox events past retention (raising the replay horizon),
 * long-expired sessions and old attempt counters. Three tables of three parts of the server, so it lives beside
 * app.ts, which starts it. Running it in several processes at once is harmless: the deletes are idempotent.
 */
export function startHousekeeping(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const run = async () => {
    try {
      const pruned = await pruneOutbox(db);
      await deleteExpiredSessions(db);
      await sweepRateLimits(db);
      if (pruned > 0) log.info({ pruned }, 'pruned old outbox events');
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; will try again in an hour');
    }
  };
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
