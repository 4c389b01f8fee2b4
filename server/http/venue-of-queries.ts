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
    case 'term':
      return db.selectFrom('terms').select('venueId').where('id', '=', id).executeTakeFirst();
    case 'class':
      return db.selectFrom('termClasses').innerJoin('terms', 'terms.id', 'termClasses.termId').select('terms.venueId').where('termClasses.id', '=', id).executeTakeFirst();
    case 'application':
      return db
        .selectFrom('enrolmentApplications')
        .innerJoin('terms', 'terms.id', 'enrolmentApplications.termId')
        .select('terms.venueId')
        .where('enrolmentApplications.id', '=', id)
        .executeTakeFirst();
    case 'placement':
      return db.selectFrom('placements').innerJoin('terms', 'terms.id', 'placements.termId').select('terms.venueId').where('placements.id', '=', id).executeTakeFirst();
  }
}
