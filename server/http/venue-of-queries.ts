/** The venue of one row, by primary key, for the access check (venue-of.ts). */
import type { Executor } from '../db/executor.ts';
import type { ResourceKind } from './access.ts';

export function venueIdOf(db: Executor, kind: ResourceKind, id: string): Promise<{ venueId: string } | undefined> {
  switch (kind) {
    case 'room':
      return db.selectFrom('rooms').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'booking':
      return db.selectFrom('bookings').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'closure':
      return db.selectFrom('venueClosures').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'device':
      return db.selectFrom('devices').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'visit':
      return db.selectFrom('visits').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'tournament':
      return db.selectFrom('tournaments').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'match':
      return db
        .selectFrom('matches')
        .innerJoin('tournaments', 'tournaments.id', 'matches.tournamentId')
        .select('tournaments.venueId')
        .where('matches.id', '=', id)
        .executeTakeFirst();
  }
}
