/**
 * The players and teams entered in a tournament. A player or team is named; its `players` are the people who
 * play for it — members from the member list or people typed by name (a visiting team's players are often not
 * members) — with a gateball player's place in the team's order as `ballNumber`. Before the start everything
 * may change; after it only the players of an entry (a substitute comes in), never its name or seed, which the
 * draw and the screens already show. Each change is one transaction that tells `tournament:ID`, so a second
 * coordinator's page and the hall screens follow it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { writeTransaction } from '../../realtime/outbox.ts';
import { requireVenueManager, type Principal } from '../auth/principal.ts';
import * as q from './queries.ts';
import type { AddParticipantInput, ParticipantDto, PlayerInput, UpdateParticipantInput } from './schemas.ts';
import { tournamentTopic } from './view.ts';

type StoredPlayer = ParticipantDto['players'][number];

async function managedTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const t = await q.findTournament(db, tournamentId);
  if (!t) throw notFound('The tournament');
  requireVenueManager(principal, t.venueId);
  return t;
}

/** The shorthand `memberIds` + `ballNumbers` and the full `players` say the same thing; one of them at most. */
function playersOf(input: AddParticipantInput): PlayerInput[] {
  if (input.players && (input.memberIds || input.ballNumbers)) {
    throw validationFailed('players', 'Give the players either as players or as memberIds (with ballNumbers), not both.');
  }
  if (input.players) return input.players;
  const memberIds = input.memberIds ?? [];
  if (input.ballNumbers && input.ballNumbers.length !== memberIds.length) {
    throw validationFailed('ballNumbers', 'Give one ball number for each member, in the same order.');
  }
  return memberIds.map((memberId, i) => ({ memberId, ballNumber: input.ballNumbers?.[i] }));
}

/** Checks the players and takes members' names from the member list (a member's name is not retyped). */
async function resolvePlayers(trx: Transaction<DB>, tournamentId: string, exceptParticipant: string | null, players: PlayerInput[]): Promise<StoredPlayer[]> {
  const memberIds = players.flatMap((p) => (p.memberId ? [p.memberId] : []));
  if (new Set(memberIds).size !== memberIds.length) throw validationFailed('players', 'The same member is listed twice.');
  const balls = players.flatMap((p) => (p.ballNumber === undefined || p.ballNumber === null ? [] : [p.ballNumber]));
  if (new Set(balls).size !== balls.length) throw validationFailed('players', 'Two players have the same ball number.');
  for (const [i, p] of players.entries()) {
    if (!p.memberId && !p.name?.trim()) throw validationFailed(`players/${i}`, 'Each player needs a member or a name.');
  }
  // Shared locks until the entry commits: a removal of one of them waits, then erases the copy made here
  // (members/erasure.ts), instead of missing an entry not yet committed.
  const members = memberIds.length
    ? await trx.selectFrom('members').select(['id', 'name']).where('id', 'in', memberIds).where('removedAt', 'is', null).forShare().execute()
    : [];
  if (members.length !== memberIds.length) throw validationFailed('players', 'One of the chosen members was not found.');
  if (memberIds.length) {
    // A member plays for one entry of a tournament: two teams cannot both field the same person.
    let other = trx
      .selectFrom('participants')
      .select('name')
      .where('tournamentId', '=', tournamentId)
      .where(sql<boolean>`exists (select 1 from jsonb_array_elements(players) as p where p->>'memberId' in (${sql.join(memberIds)}))`);
    if (exceptParticipant) other = other.where('id', '!=', exceptParticipant);
    const clash = await other.executeTakeFirst();
    if (clash) throw new AppError('duplicate', `A chosen member already plays for “${clash.name}” in this tournament.`, { field: 'players' });
  }
  const names = new Map(members.map((m) => [m.id, m.name]));
  return players.map((p) => ({
    memberId: p.memberId ?? null,
    name: p.memberId ? names.get(p.memberId)! : p.name!.trim(),
    ballNumber: p.ballNumber ?? null,
  }));
}

function duplicateError(error: unknown): AppError {
  const field = String((error as { constraint?: string }).constraint ?? '').includes('seed') ? 'seed' : 'name';
  return new AppError('duplicate', field === 'seed' ? 'Another player already has this seed.' : 'A player or team with this name is already entered.', { field });
}

export async function addParticipant(db: Kysely<DB>, principal: Principal | null, tournamentId: string, input: AddParticipantInput): Promise<ParticipantDto> {
  await managedTournament(db, principal, tournamentId);
  const players = playersOf(input);
  try {
    return await writeTransaction(db, async (trx, emit) => {
      // Locked so that an entry cannot slip in while another request starts (draws) the tournament.
      const t = (await q.lockTournament(trx, tournamentId))!;
      if (t.status !== 'draft') throw new AppError('conflict', 'The tournament has started; players can no longer be added.');
      const stored = await resolvePlayers(trx, tournamentId, null, players);
      const participant = await trx
        .insertInto('participants')
        .values({ tournamentId, name: input.name.trim(), seed: input.seed ?? null, players: JSON.stringify(stored) })
        .returning(['id', 'name', 'seed', 'players'])
        .executeTakeFirstOrThrow();
      emit({ topic: tournamentTopic(tournamentId), type: 'participant.added', data: { participant } });
      return participant;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(error);
    throw error;
  }
}

export async function updateParticipant(
  db: Kysely<DB>, principal: Principal | null, tournamentId: string, participantId: string, input: UpdateParticipantInput,
): Promise<ParticipantDto> {
  await managedTournament(db, principal, tournamentId);
  try {
    return await writeTransaction(db, async (trx, emit) => {
      const t = (await q.lockTournament(trx, tournamentId))!;
      const existing = await trx.selectFrom('participants').select(['id']).where('id', '=', participantId).where('tournamentId', '=', tournamentId).executeTakeFirst();
      if (!existing) throw notFound('The player or team');
      if (t.status !== 'draft' && (input.name !== undefined || input.seed !== undefined)) {
        throw new AppError('conflict', 'The tournament has started: a name or seed can no longer change (the players of a team still can).');
      }
      if (t.status === 'finished') throw new AppError('conflict', 'The tournament has finished; its entries are kept as they were.');
      const stored = input.players ? await resolvePlayers(trx, tournamentId, participantId, input.players) : undefined;
      const participant = await trx
        .updateTable('participants')
        .set({
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.seed !== undefined ? { seed: input.seed } : {}),
          ...(stored ? { players: JSON.stringify(stored) } : {}),
        })
        .where('id', '=', participantId)
        .returning(['id', 'name', 'seed', 'players'])
        .executeTakeFirstOrThrow();
      emit({ topic: tournamentTopic(tournamentId), type: 'participant.updated', data: { participant } });
      return participant;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateError(error);
    throw error;
  }
}

export async function removeParticipant(db: Kysely<DB>, principal: Principal | null, tournamentId: string, participantId: string) {
  await managedTournament(db, principal, tournamentId);
  await writeTransaction(db, async (trx, emit) => {
    const t = (await q.lockTournament(trx, tournamentId))!;
    if (t.status !== 'draft') throw new AppError('conflict', 'The tournament has started; players can no longer be removed (enter a walkover instead).');
    const deleted = await trx.deleteFrom('participants').where('id', '=', participantId).where('tournamentId', '=', tournamentId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('The player or team');
    emit({ topic: tournamentTopic(tournamentId), type: 'participant.removed', data: { participantId } });
  });
}
