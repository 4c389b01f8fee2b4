/**
 * Changing a tournament after creating it. Before the start everything may change (players removed, courts and
 * times moved, or the draft deleted); after it, nothing here: a draw by lot is recorded through its own route
 * (lots.ts: only for a real tie, checked and audited), and a start is undone by undo-start.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { writeTransaction } from '../../realtime/outbox.ts';
import { requireVenueManager, type Principal } from '../auth/principal.ts';
import { findRoom } from '../venues/queries.ts';
import * as q from './queries.ts';
import type { UpdateTournamentInput } from './schemas.ts';
import { toTournament, tournamentTopic } from './view.ts';

async function managedTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const t = await q.findTournament(db, tournamentId);
  if (!t) throw notFound('The tournament');
  requireVenueManager(principal, t.venueId);
  return t;
}

export async function updateTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string, input: UpdateTournamentInput) {
  const existing = await managedTournament(db, principal, tournamentId);
  if (existing.status !== 'draft') {
    throw new AppError('conflict', 'The tournament has started and its settings are fixed: record a draw by lot with PUT /api/tournaments/:id/lots, or undo the start while nothing is played.');
  }
  for (const roomId of input.roomIds ?? []) {
    const room = await findRoom(db, roomId);
    if (!room || room.venueId !== existing.venueId) throw validationFailed('roomIds', 'Every court or table must be a room of this venue.');
  }
  return writeTransaction(db, async (trx, emit) => {
    const t = (await q.lockTournament(trx, tournamentId))!;
    const tiebreak = input.tiebreak ? { ...(t.tiebreak ?? {}), ...input.tiebreak } : t.tiebreak;
    await trx
      .updateTable('tournaments')
      .set({
        ...(input.name ? { name: input.name.trim() } : {}),
        ...(input.roomIds ? { roomIds: JSON.stringify(input.roomIds) } : {}),
        ...(input.startsAt !== undefined ? { startsAt: input.startsAt } : {}),
        ...(input.matchMinutes ? { matchMinutes: input.matchMinutes } : {}),
        tiebreak: JSON.stringify(tiebreak),
        version: t.version + 1,
      })
      .where('id', '=', tournamentId)
      .execute();
    const updated = (await q.findTournament(trx, tournamentId))!;
    emit({ topic: tournamentTopic(tournamentId), type: 'tournament.updated', data: { tournament: toTournament(updated) } });
    return toTournament(updated);
  });
}

export async function deleteDraft(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const t = await managedTournament(db, principal, tournamentId);
  if (t.status !== 'draft') throw new AppError('conflict', 'Only a tournament that has not started can be deleted.');
  await writeTransaction(db, async (trx, emit) => {
    await trx.deleteFrom('tournaments').where('id', '=', tournamentId).where('status', '=', 'draft').execute();
    emit({ topic: tournamentTopic(tournamentId), type: 'tournament.deleted', data: { tournamentId } });
  });
}
