/**
 * Who is in the building now. Always computed from committed open visits, never kept as a counter that could
 * drift; published inside the check-in's own transaction after the outbox lock (outbox.ts: EmitAfterLock),
 * so successive `headcount.changed` events follow commit order.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { OutboxEvent } from '../../realtime/outbox.ts';
import { canReadVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { findVenue } from '../venues/queries.ts';
import { venueTopic } from '../venues/service.ts';
import { headcountRows } from './queries.ts';
import type { HeadcountDto } from './schemas.ts';

export function capacityLevel(count: number, capacity: number): 'ok' | 'warning' | 'full' {
  if (count >= capacity) return 'full';
  return count * 10 >= capacity * 9 ? 'warning' : 'ok';
}

export async function computeHeadcount(db: Kysely<DB> | Transaction<DB>, venueId: string): Promise<HeadcountDto> {
  const { rooms, total } = await headcountRows(db, venueId);
  return {
    venueId,
    total,
    rooms: rooms.map((r) => ({ roomId: r.roomId, count: r.count, capacity: r.capacity, level: capacityLevel(r.count, r.capacity) })),
    at: new Date().toISOString(),
  };
}

export async function getHeadcount(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<HeadcountDto> {
  const p = requirePrincipal(principal);
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  return computeHeadcount(db, venueId);
}

/** The `headcount.changed` event of a venue, computed at the point of commit. */
export async function headcountEvent(trx: Transaction<DB>, venueId: string): Promise<{ event: OutboxEvent; headcount: HeadcountDto }> {
  const headcount = await computeHeadcount(trx, venueId);
  return { event: { topic: venueTopic(venueId), type: 'headcount.changed', data: headcount }, headcount };
}
