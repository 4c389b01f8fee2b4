/**
 * How long a member's sign-in lasts, and the sweep that ends lapsed ones.
 *
 * Much longer than staff sessions (a week, twelve idle hours: auth/expiry.ts): a member usually signs in once,
 * on a son's or daughter's phone, with a PIN handed out at the desk, and comes back weeks later to see
 * whether a waiting-list place was offered. Signing in again means finding the PIN slip, or a trip to the
 * desk. So a session lives 30 days at most and ends after 7 days unused; what it opens is one member's own
 * applications and seats (nothing of anyone else), and the desk can end it at once by issuing a new PIN.
 *
 * The sweep also ends the sessions of members who were removed, and closes the sockets of every session it
 * ends on every process (the `session.revoked` system event; member session ids are their own uuids).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { SYSTEM_TOPIC } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import * as q from './queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const MEMBER_SESSION_MAX_AGE_MS = 30 * DAY_MS;
export const MEMBER_SESSION_IDLE_MS = 7 * DAY_MS;
/** Recording use more often than this would write on every request for nothing. */
export const MEMBER_SESSION_TOUCH_MS = 5 * 60 * 1000;
const SWEEP_MS = 5 * 60 * 1000;

/** Ends member sessions past their expiry or idle limit, or of removed members, and closes their sockets; returns how many. */
export async function endLapsedMemberSessions(db: Kysely<DB>): Promise<number> {
  return write(db, async ({ trx, emit }) => {
    const ended = await q.deleteLapsedMemberSessions(trx, MEMBER_SESSION_IDLE_MS);
    for (const sessionId of ended) emit({ topic: SYSTEM_TOPIC, type: 'session.revoked', data: { sessionId } });
    return ended.length;
  });
}

export function startMemberSessionExpiryJob(db: Kysely<DB>, log: FastifyBaseLogger): () => void {
  const timer = setInterval(() => {
    endLapsedMemberSessions(db).then(
      (ended) => ended > 0 && log.info({ ended }, 'ended lapsed member sessions'),
      (error: unknown) => log.warn({ err: error }, 'could not end lapsed member sessions; will try again'),
    );
  }, SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
