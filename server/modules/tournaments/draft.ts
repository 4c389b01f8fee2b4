/**
 * Changing a tournament after creating it. Before the start everything may change (players removed, courts and
 * times moved, or the draft deleted); after it, only the lots a referee draws for players the rules leave equal,
 * which re-rank the standings at once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { writeTransaction } from '../../realtime/outbox.ts';
import { requireVenueManager, type Principal } from '../auth/principal.ts';
import { findRoom } from '../venues/queries.ts';
import * as q from './queries.ts';
import type { UpdateTournamentInput } from './schemas.ts';
import { recompute, toTournament, tournamentTopic } from './view.ts';

async function managedTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const t = await q.findTournament(db, tournamentId);
  if (!t) throw notFound('The tournament');
  requireVenueManager(principal, t.venueId);
  return t;
}

export async function updateTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string, input: UpdateTournamentInput) {
  const existing = await managedTournament(db, principal, tournamentId);
  const onlyLots = Object.keys(input).every((k) => k === 'tiebreak') && input.tiebreak && Object.keys(input.tiebreak).every((k) => k === 'lots');
  if (existing.status !== 'draft' && !onlyLots) {
    throw new AppError('conflict', 'The tournament has started: only the lots drawn for tied players can still change.');
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
    if (updated.status !== 'draft') {
      const { derived } = await recompute(trx, updated);
      emit({ topic: tournamentTopic(tournamentId), type: 'standings.changed', data: { standings: derived.standings, placings: derived.placings } });
    }
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
