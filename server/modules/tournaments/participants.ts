/**
 * The players and teams entered in a tournament. A player or team is named; its `players` are the people who
 * play for it — members from the member list or people typed by name (a visiting team's players are often not
 * members) — with a gateball player's place in the team's order as `ballNumber`. Before the start everything
 * may change; after it only the players of an entry (a substitute comes in), never its name or seed, which the
 * draw and the screens already show. Each change is one transaction that tells `tournament:ID`, so a second
 * coordinator's page and the hall screens follow it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { tournamentTopic } from '../../realtime/topics.ts';
import { write, type Write } from '../../realtime/write.ts';
import type { Principal } from '../auth/principal.ts';
import { lockCurrentMembers } from '../members/queries.ts';
import * as q from './queries.ts';
import { managedTournament } from './row-access.ts';
import type { AddParticipantInput, ParticipantDto, PlayerInput, UpdateParticipantInput } from './schemas.ts';

type StoredPlayer = ParticipantDto['players'][number];

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
async function resolvePlayers(trx: Write['trx'], tournamentId: string, exceptParticipant: string | null, players: PlayerInput[]): Promise<StoredPlayer[]> {
  const memberIds = players.flatMap((p) => (p.memberId ? [p.memberId] : []));
  if (new Set(memberIds).size !== memberIds.length) throw validationFailed('players', 'The same member is listed twice.');
  const balls = players.flatMap((p) => (p.ballNumber === undefined || p.ballNumber === null ? [] : [p.ballNumber]));
  if (new Set(balls).size !== balls.length) throw validationFailed('players', 'Two players have the same ball number.');
  for (const [i, p] of players.entries()) {
    if (!p.memberId && !p.name?.trim()) throw validationFailed(`players/${i}`, 'Each player needs a member or a name.');
  }
  // Shared locks until the entry commits: a removal of one of them waits, then erases the copy made here
  // (members/erasure.ts), instead of missing an entry not yet committed.
  const members = await lockCurrentMembers(trx, memberIds);
  if (members.length !== memberIds.length) throw validationFailed('players', 'One of the chosen members was not found.');
  if (memberIds.length) {
    // A member plays for one entry of a tournament: two teams cannot both field the same person.
    const clash = await q.entryFielding(trx, tournamentId, memberIds, exceptParticipant);
    if (clash !== undefined) throw new AppError('duplicate', `A chosen member already plays for “${clash}” in this tournament.`, { field: 'players' });
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
    return await write(db, async ({ trx, emit }) => {
      // Locked so that an entry cannot slip in while another request starts (draws) the tournament.
      const t = (await q.lockTournament(trx, tournamentId))!;
      if (t.status !== 'draft') throw new AppError('conflict', 'The tournament has started; players can no longer be added.');
      const stored = await resolvePlayers(trx, tournamentId, null, players);
      const participant = await q.insertParticipant(trx, { tournamentId, name: input.name.trim(), seed: input.seed ?? null, players: stored });
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
    return await write(db, async ({ trx, emit }) => {
      const t = (await q.lockTournament(trx, tournamentId))!;
      if (!(await q.participantExists(trx, tournamentId, participantId))) throw notFound('The player or team');
      if (t.status !== 'draft' && (input.name !== undefined || input.seed !== undefined)) {
        throw new AppError('conflict', 'The tournament has started: a name or seed can no longer change (the players of a team still can).');
      }
      if (t.status === 'finished') throw new AppError('conflict', 'The tournament has finished; its entries are kept as they were.');
      const stored = input.players ? await resolvePlayers(trx, tournamentId, participantId, input.players) : undefined;
      const participant = await q.changeParticipant(trx, participantId, {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.seed !== undefined ? { seed: input.seed } : {}),
        ...(stored ? { players: stored } : {}),
      });
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
  await write(db, async ({ trx, emit }) => {
    const t = (await q.lockTournament(trx, tournamentId))!;
    if (t.status !== 'draft') throw new AppError('conflict', 'The tournament has started; players can no longer be removed (enter a walkover instead).');
    if (!(await q.deleteParticipant(trx, tournamentId, participantId))) throw notFound('The player or team');
    emit({ topic: tournamentTopic(tournamentId), type: 'participant.removed', data: { participantId } });
  });
}
