/**
 * How long a sign-in lasts. A session ends a week after sign-in at the latest, and sooner when it has not
 * been used for twelve hours: a coordinator who leaves the front-desk computer signed in overnight finds it
 * signed out in the morning, while a day's work is never interrupted. Use is recorded at most every five
 * minutes per session, so the check costs no write on most requests.
 *
 * Lapsed sessions are also swept every few minutes: marked revoked, and their open sockets closed on every
 * process (the `session.revoked` system event), so a live calendar left open does not outlive its session.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import * as q from './queries.ts';

export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Recording use more often than this would write on every request for nothing. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;
const SWEEP_MS = 5 * 60 * 1000;

/** Ends the sessions past their expiry or idle limit and closes their sockets; returns how many. */
export async function endLapsedSessions(db: Kysely<DB>): Promise<number> {
  return write(db, async ({ trx, emit }) => {
    const ended = await q.revokeLapsedSessions(trx, SESSION_IDLE_MS);
    for (const sessionId of ended) emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    return ended.length;
  });
}

export function startSessionExpiryJob(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    endLapsedSessions(db).then(
      (ended) => ended > 0 && log.info({ ended }, 'ended lapsed sessions'),
      (error: unknown) => log.warn({ err: error }, 'could not end lapsed sessions; will try again'),
    );
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
