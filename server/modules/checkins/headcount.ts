/**
 * Who is in the building now. Always computed from committed open visits (the database function
 * `venue_headcount`), never kept as a counter that could drift. A change publishes a late event
 * (events.ts headcountEvent) whose figures the sequencer computes when it numbers it, so successive
 * `headcount.changed` events of a venue never go backwards.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import { canReadVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { findVenue } from '../venues/queries.ts';
import { venueHeadcount } from './queries.ts';
import type { HeadcountDto } from './schemas.ts';

/** The headcount as of now, from `venue_headcount`: the one definition of it. */
export function computeHeadcount(db: Executor, venueId: string): Promise<HeadcountDto> {
  return venueHeadcount(db, venueId);
}

export async function getHeadcount(db: Kysely<DB>, principal: Principal | null, venueId: string): Promise<HeadcountDto> {
  const p = requirePrincipal(principal);
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) throw new AppError('forbidden', 'You may not see this venue.');
  return computeHeadcount(db, venueId);
}
