/**
 * Undoing a start (docs/rules.md "Draws and formats"): "开始比赛" made the draw, fixed the entries and booked the courts; while no match
 * has been played, staff may take it back to the draft (to add a late entry, fix a seed, move the courts) and
 * start again, which draws afresh. Refused once any result was ever entered: a played match cannot be undrawn.
 * The drawn matches and the start's calendar bookings go; audited; told to `tournament:ID` and the venue.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { tournamentTopic, venueTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import { cancelBookings } from '../bookings/queries.ts';
import { toBooking } from '../bookings/dto.ts';
import { bookingsCancelled } from '../audit/entries.ts';
import type { Principal } from '../auth/principal.ts';
import { emitStandings } from './events.ts';
import * as q from './queries.ts';
import { managedTournament } from './row-access.ts';
import { toTournament } from './view.ts';

export async function undoStart(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const { user } = await managedTournament(db, principal, tournamentId);
  return write(db, async (w) => {
    const { trx, emit, audit } = w;
    const t = (await q.lockTournament(trx, tournamentId))!;
    if (t.status === 'draft') throw new AppError('conflict', 'This tournament has not started.');
    if (await q.anyResultEntered(trx, t.id)) {
      throw new AppError('conflict', 'A result has been entered: a tournament whose matches have begun cannot go back to the draft.');
    }
    const live = (await q.listMatches(trx, t.id)).some((m) => m.live !== null && m.live !== undefined);
    if (live) throw new AppError('conflict', 'A match is being scored: a tournament whose matches have begun cannot go back to the draft.');
    await q.deleteMatches(trx, t.id);
    const cancelled = (await cancelBookings(trx, await q.startBookingIds(trx, t))).map(toBooking);
    await q.changeTournament(trx, t.id, { status: 'draft', draw: null, version: t.version + 1 });
    const draft = toTournament((await q.findTournament(trx, t.id))!);
    emit({ topic: tournamentTopic(t.id), type: 'tournament.updated', data: { tournament: draft, matches: [] } });
    emitStandings(w, t.id, { standings: [], placings: [] });
    if (cancelled.length > 0) {
      emit({ topic: venueTopic(t.venueId), type: 'booking.cancelled', data: { bookings: cancelled } });
      await audit(user, bookingsCancelled(cancelled[0]!, cancelled, { tournamentId: t.id }));
    }
    await audit(user, {
      action: 'tournament.start_undone',
      entity: { kind: 'tournament', id: t.id, label: t.name },
      venueId: t.venueId,
      changes: { status: { from: t.status, to: 'draft' } },
      details: { bookingsCancelled: cancelled.length },
    });
    return draft;
  });
}
