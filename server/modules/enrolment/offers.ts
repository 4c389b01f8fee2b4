/**
 * Freed seats go to the waiting list (补录): whenever a class has a free seat — a withdrawal, a declined or expired
 * offer, an unpaid seat released, a larger capacity — the first still waiting are offered it for the term's
 * `offerHours`. An offer holds the seat (it counts in `taken`), so a class is never over capacity however offers
 * and acceptances interleave. The class row is locked first, so two writers never offer one seat twice.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as q from './queries.ts';

export async function offerFreeSeats({ trx }: { trx: Transaction<DB> }, term: { offerHours: number }, classId: string): Promise<string[]> {
  const [locked] = await q.lockClasses(trx, [classId]);
  if (!locked) return [];
  const free = locked.capacity - locked.taken;
  if (free <= 0) return [];
  const next = await q.nextWaiting(trx, classId, free);
  const expires = new Date(Date.now() + term.offerHours * 3_600_000);
  for (const p of next) await q.setPlacementStatus(trx, p.id, { status: 'offered', offerExpiresAt: expires });
  return next.map((p) => p.id);
}
