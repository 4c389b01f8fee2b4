/**
 * Changing a tournament after creating it. Before the start everything may change (players removed, courts and
 * times moved, or the draft deleted); after it, nothing here: a draw by lot is recorded through its own route
 * (lots.ts: only for a real tie, checked and audited), and a start is undone by undo-start.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, validationFailed } from '../../errors.ts';
import { tournamentTopic } from '../../realtime/topics.ts';
import { write } from '../../realtime/write.ts';
import type { Principal } from '../auth/principal.ts';
import { findRoom } from '../venues/queries.ts';
import * as q from './queries.ts';
import { managedTournament } from './row-access.ts';
import type { UpdateTournamentInput } from './schemas.ts';
import { toTournament } from './view.ts';

export async function updateTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string, input: UpdateTournamentInput) {
  const { t: existing } = await managedTournament(db, principal, tournamentId);
  if (existing.status !== 'draft') {
    throw new AppError('conflict', 'The tournament has started and its settings are fixed: record a draw by lot with PUT /api/tournaments/:id/lots, or undo the start while nothing is played.');
  }
  for (const roomId of input.roomIds ?? []) {
    const room = await findRoom(db, roomId);
    if (!room || room.venueId !== existing.venueId) throw validationFailed('roomIds', 'Every court or table must be a room of this venue.');
  }
  return write(db, async ({ trx, emit }) => {
    const t = (await q.lockTournament(trx, tournamentId))!;
    const tiebreak = input.tiebreak ? { ...(t.tiebreak ?? {}), ...input.tiebreak } : t.tiebreak;
    await q.changeTournament(trx, tournamentId, {
      ...(input.name ? { name: input.name.trim() } : {}),
      ...(input.roomIds ? { roomIds: input.roomIds } : {}),
      ...(input.startsAt !== undefined ? { startsAt: input.startsAt } : {}),
      ...(input.matchMinutes ? { matchMinutes: input.matchMinutes } : {}),
      tiebreak,
      version: t.version + 1,
    });
    const updated = (await q.findTournament(trx, tournamentId))!;
    emit({ topic: tournamentTopic(tournamentId), type: 'tournament.updated', data: { tournament: toTournament(updated) } });
    return toTournament(updated);
  });
}

export async function deleteDraft(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const { t } = await managedTournament(db, principal, tournamentId);
  if (t.status !== 'draft') throw new AppError('conflict', 'Only a tournament that has not started can be deleted.');
  await write(db, async ({ trx, emit }) => {
    await q.deleteDraftTournament(trx, tournamentId);
    emit({ topic: tournamentTopic(tournamentId), type: 'tournament.deleted', data: { tournamentId } });
  });
}
