/**
 * Who is in the building now. Always computed from committed open visits (the database function
 * `venue_headcount`), never kept as a counter that could drift. A change publishes a late event
 * (outbox.ts: LateEvent) whose figures the sequencer computes when it numbers it, so successive
 * `headcount.changed` events of a venue never go backwards.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { LateEvent } from '../../realtime/outbox.ts';
import { canReadVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { findVenue } from '../venues/queries.ts';
import { venueTopic } from '../venues/service.ts';
import type { HeadcountDto } from './schemas.ts';

/** The headcount as of now, from `venue_headcount` (migration 202611291400): the one definition of it. */
export async function computeHeadcount(db: Kysely<DB> | Transaction<DB>, venueId: string): Promise<HeadcountDto> {
  const result = await sql<{ headcount: HeadcountDto }>`select venue_headcount(${venueId}::uuid) as headcount`.execute(db);
  const headcount = result.rows[0]?.headcount;
  if (!headcount) throw new Error(`venue_headcount returned nothing for ${venueId}`);
  return headcount;
}

/** A `headcount.changed` event for the venue, its data computed when it is numbered (outbox.ts: LateEvent). */
export function headcountEvent(venueId: string): LateEvent {
  return { topic: venueTopic(venueId), type: 'headcount.changed', compute: { fn: 'venue_headcount', arg: venueId } };
}

export async function getHeadcount(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<HeadcountDto> {
  const p = requirePrincipal(principal);
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  return computeHeadcount(db, venueId);
}
