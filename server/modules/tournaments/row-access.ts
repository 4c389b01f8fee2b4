/**
 * The authorization the tournament services keep: row-level checks. Who may call a route at all (signed in
 * or not, which roles and device kinds) is decided once, by the access table (server/http/access.ts), before
 * any handler runs; a role check here could never fire, so there is none. What stays is the check on the row
 * the service itself loads: the tournament or match acted on is at one of the caller's venues (every venue
 * for an admin, every venue for a referee assigned to none). It holds however the service is reached, and
 * it is where the service gets the user it records (`createdBy`, audit entries).
 */
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../errors.ts';
import { userOfVenue, type Principal, type UserPrincipal } from '../auth/principal.ts';
import * as q from './queries.ts';

/** One definition, shared with the other modules (auth/principal.ts). */
export { userOfVenue };

/** The tournament a coordinator or admin changes (404 when there is none), and who changes it. */
export async function managedTournament(db: Executor, principal: Principal | null, tournamentId: string): Promise<{ t: q.TournamentRow; user: UserPrincipal }> {
  const t = await q.findTournament(db, tournamentId);
  if (!t) throw notFound('The tournament');
  return { t, user: userOfVenue(principal, t.venueId) };
}

/** The match a referee, coordinator or admin scores (404 when there is none), and who scores it. */
export async function scoredMatch(db: Executor, principal: Principal | null, matchId: string) {
  const match = await q.findMatch(db, matchId);
  if (!match) throw notFound('The match');
  return { match, user: userOfVenue(principal, match.venueId) };
}
