/**
 * Running a tournament: create it, add players or teams, start it (draw, order of play, courts booked on the
 * calendar), enter and correct results. Every change recomputes the bracket and standings from the draw and
 * all stored results in one transaction, and tells `tournament:ID` what changed.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, validationFailed } from '../../errors.ts';
import { tournamentTopic } from '../../realtime/topics.ts';
import { write, type Write } from '../../realtime/write.ts';
import { matchResult } from '../audit/entries.ts';
import { canReadVenue, requirePrincipal, type Principal } from '../auth/principal.ts';
import { findRoom, findVenue } from '../venues/queries.ts';
import {
  drawDoubleElimination, drawGroupsThenKnockout, drawRoundRobin, drawSingleElimination, EngineError, applyResults, type Bracket,
} from './engine/index.ts';
import { type LiveViolation, validateLiveScore, validateMatchResult } from '../../shared/sports/result.ts';
import * as q from './queries.ts';
import { recompute, toMatch, toTournament, rulesOf, drawOf, enteredResults } from './view.ts';
import { derive, type Derived } from './derive.ts';
import { bookCourts } from './courts.ts';
import { emitMatches, emitStandings } from './events.ts';
import { managedTournament, scoredMatch, userOfVenue } from './row-access.ts';
import type { CreateTournamentInput, MatchDto } from './schemas.ts';

export async function createTournament(db: Kysely<DB>, principal: Principal | null, input: CreateTournamentInput) {
  if (!(await findVenue(db, input.venueId))) throw validationFailed('venueId', 'The chosen venue does not exist.');
  const user = userOfVenue(principal, input.venueId);
  for (const roomId of input.roomIds ?? []) {
    const room = await findRoom(db, roomId);
    if (!room || room.venueId !== input.venueId) throw validationFailed('roomIds', 'Every court or table must be a room of this venue.');
  }
  if (input.format === 'groups_then_knockout' && (!input.groupCount || !input.advancePerGroup)) {
    throw validationFailed('groupCount', 'Groups then knockout needs groupCount and advancePerGroup.');
  }
  if (input.sport === 'gateball' && input.bestOf !== undefined && input.bestOf !== 1) {
    throw validationFailed('bestOf', 'A gateball match is one game; leave bestOf out.');
  }
  if (input.sport === 'table_tennis' && input.bestOf === 1) throw validationFailed('bestOf', 'Table tennis is best of 3, 5 or 7.');
  if (input.team && input.sport !== 'table_tennis') throw validationFailed('team', 'Team events (rubbers) are for table tennis; a gateball team is one side.');
  return write(db, async ({ trx, emit }) => {
    const id = await q.insertTournament(trx, {
      venueId: input.venueId,
      name: input.name.trim(),
      sport: input.sport,
      format: input.format,
      bestOf: input.sport === 'table_tennis' ? (input.bestOf ?? 5) : null,
      team: input.team ?? false,
      groupCount: input.groupCount ?? null,
      advancePerGroup: input.advancePerGroup ?? null,
      tiebreak: input.tiebreak ?? {},
      roomIds: input.roomIds ?? [],
      startsAt: input.startsAt ?? null,
      matchMinutes: input.matchMinutes ?? (input.sport === 'gateball' ? 40 : 30),
      createdBy: user.userId,
    });
    const tournament = toTournament((await q.findTournament(trx, id))!);
    emit({ topic: tournamentTopic(tournament.id), type: 'tournament.updated', data: { tournament } });
    return tournament;
  });
}

function draw(t: q.TournamentRow, participants: Array<{ id: string; seed: number | null }>, drawSeed: number): Bracket {
  const field = participants.map((p) => ({ id: p.id, seed: p.seed }));
  switch (t.format) {
    case 'single_elimination':
      return drawSingleElimination(field, { drawSeed });
    case 'double_elimination':
      return drawDoubleElimination(field, { drawSeed });
    case 'round_robin':
      return drawRoundRobin(field, { drawSeed });
    case 'groups_then_knockout':
      return drawGroupsThenKnockout(field, { groupCount: t.groupCount ?? 2, advancePerGroup: t.advancePerGroup ?? 2, drawSeed });
  }
}

export async function startTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const { user } = await managedTournament(db, principal, tournamentId);
  return write(db, async (w) => {
    const { trx, emit } = w;
    const t = (await q.lockTournament(trx, tournamentId))!;
    if (t.status !== 'draft') throw new AppError('conflict', 'This tournament has already started.');
    const participants = await q.listParticipants(trx, tournamentId);
    if (participants.length < 2) throw new AppError('conflict', 'A tournament needs at least 2 players or teams to start.');
    if (participants.length > 256) throw new AppError('validation_failed', 'A tournament takes at most 256 players or teams.', { field: 'participants' });
    const drawSeed = randomInt(1, 2 ** 31 - 1);
    let bracket: Bracket;
    try {
      bracket = draw(t, participants, drawSeed);
    } catch (error) {
      if (error instanceof EngineError) throw validationFailed('groupCount', `${error.message.replace(/\.?$/, '.')}`);
      throw error;
    }
    const state = applyResults(bracket, {});
    const slots = await bookCourts(w, t, bracket, state, user);
    await q.insertMatches(
      trx,
      tournamentId,
      bracket.matches.map((m) => ({
        key: m.key,
        stage: m.stage,
        group: m.group,
        round: m.round,
        number: m.number,
        roomId: slots[m.key]?.roomId ?? null,
        scheduledAt: slots[m.key]?.at ?? null,
      })),
    );
    await q.changeTournament(trx, tournamentId, { status: 'running', draw: { bracket, drawSeed }, version: t.version + 1 });
    const started = (await q.findTournament(trx, tournamentId))!;
    const { derived } = await recompute(trx, started);
    emit({ topic: tournamentTopic(tournamentId), type: 'tournament.updated', data: { tournament: toTournament(started), matches: (await q.listMatches(trx, tournamentId)).map(toMatch) } });
    emitStandings(w, tournamentId, derived);
    return toTournament(started);
  });
}

export async function getTournament(db: Kysely<DB>, principal: Principal | null, tournamentId: string) {
  const p = requirePrincipal(principal);
  const t = await q.findTournament(db, tournamentId);
  if (!t) throw notFound('The tournament');
  if (!canReadVenue(p, t.venueId)) {
    throw new AppError('forbidden', 'You may not see this tournament.');
  }
  const [participants, matches] = await Promise.all([q.listParticipants(db, t.id), q.listMatches(db, t.id)]);
  const bracket = drawOf(t);
  const derived = bracket ? derive(rulesOf(t), bracket, enteredResults(await q.currentResults(db, t.id))) : null;
  // Say where a side still waiting for its player comes from ("A1", "winner of K1-3"), for brackets and screens.
  const origins = new Map((derived?.bracket.matches ?? []).map((m) => [m.key, m.sides]));
  const withOrigins = matches.map(toMatch).map((m) => ({
    ...m,
    sides: m.sides.map((side, i) => {
      const slot = origins.get(m.key)?.[i];
      return {
        ...side, ...(slot?.from ? { from: slot.from } : {}), ...(slot?.bye ? { bye: true } : {}), ...(slot?.awaitingLot ? { awaitingLot: true } : {}),
      };
    }),
  }));
  return {
    tournament: toTournament(t),
    participants,
    matches: withOrigins,
    standings: derived?.standings.map((s) => ({ group: s.group, rows: s.rows, complete: s.complete })) ?? [],
    placings: derived?.placings ?? [],
  };
}

export async function listTournaments(db: Kysely<DB>, principal: Principal | null, venueId: string) {
  const p = requirePrincipal(principal);
  if (!(await findVenue(db, venueId))) throw notFound('The venue');
  if (!canReadVenue(p, venueId)) {
    throw new AppError('forbidden', 'You may not see this venue.');
  }
  return (await q.listTournaments(db, venueId)).map(toTournament);
}

function invalidScore(violation: LiveViolation): AppError {
  const message = /[.!?]$/.test(violation.message) ? violation.message : `${violation.message}.`;
  const { ok: _ok, message: _m, ...fields } = violation;
  return new AppError('invalid_score', message, fields);
}

/** The matches a result changed, and the standings when anything changed. */
function publish(w: Write, tournamentId: string, changed: readonly MatchDto[], derived: Derived): void {
  emitMatches(w, tournamentId, changed);
  if (changed.length > 0) emitStandings(w, tournamentId, derived);
}

export async function putResult(db: Kysely<DB>, principal: Principal | null, matchId: string, payload: Record<string, unknown>) {
  const { match: found, user } = await scoredMatch(db, principal, matchId);
  return write(db, async (w) => {
    const { trx, emit, audit } = w;
    const t = (await q.lockTournament(trx, found.tournamentId))!;
    const match = (await q.findMatchRow(trx, matchId))!;
    if (!match.side1 || !match.side2) throw new AppError('conflict', 'This match is still waiting for its players.');
    const sides: [string, string] = [match.side1, match.side2];
    const tiebreak = (t.tiebreak ?? {}) as { gateballGame?: 'agari_gates' | 'gates' };
    const validated = validateMatchResult(payload, {
      sport: t.sport,
      sides,
      ...(t.bestOf === 3 || t.bestOf === 5 || t.bestOf === 7 ? { bestOf: t.bestOf } : {}),
      ...(tiebreak.gateballGame ? { gateballGame: tiebreak.gateballGame } : {}),
      team: t.team,
    });
    if (!validated.ok) throw invalidScore(validated);
    await q.storeResult(trx, matchId, { payload, outcome: validated.outcome, detail: validated.detail }, sides, user.userId);
    await q.clearLiveScore(trx, matchId);
    const { derived, changed } = await recompute(trx, t);
    // A correction can reopen a finished tournament (a later result no longer fits and must be played again).
    const status = derived.state.complete ? 'finished' : 'running';
    if (status !== t.status) {
      await q.changeTournament(trx, t.id, { status, version: t.version + 1 });
      emit({ topic: tournamentTopic(t.id), type: 'tournament.updated', data: { tournament: toTournament((await q.findTournament(trx, t.id))!) } });
    }
    publish(w, t.id, changed, derived);
    const current = (await q.findMatchRow(trx, matchId))!;
    // The log shows people, not ids: the two sides' names, and the knockout's size to name its rounds (半决赛).
    const entry = matchResult(match, current, payload, t);
    const people = new Map((await q.listParticipants(trx, t.id)).map((p) => [p.id, p.name]));
    const knockoutRounds = Math.max(0, ...derived.bracket.matches.filter((m) => m.stage === 'knockout' && m.key !== 'K3P').map((m) => m.round));
    await audit(user, {
      ...entry,
      details: { ...entry.details, names: Object.fromEntries(sides.map((id) => [id, people.get(id) ?? null])), knockoutRounds },
    });
    return { match: toMatch(current), flags: derived.state.flags };
  });
}

export async function putLiveScore(db: Kysely<DB>, principal: Principal | null, matchId: string, payload: Record<string, unknown>) {
  const { match: found } = await scoredMatch(db, principal, matchId);
  return write(db, async ({ trx, emit }) => {
    const t = (await q.lockTournament(trx, found.tournamentId))!;
    const match = (await q.findMatchRow(trx, matchId))!;
    if (match.status !== 'ready' && match.status !== 'live') throw new AppError('conflict', 'Only a match that is ready or in play can take a live score.');
    const checked = validateLiveScore(payload, {
      sport: t.sport,
      sides: [match.side1, match.side2],
      ...(t.bestOf === 3 || t.bestOf === 5 || t.bestOf === 7 ? { bestOf: t.bestOf } : {}),
      team: t.team,
    });
    if (!checked.ok) throw invalidScore(checked);
    await q.setLiveScore(trx, matchId, checked.stored);
    const current = toMatch((await q.findMatchRow(trx, matchId))!);
    emit({ topic: tournamentTopic(t.id), type: 'match.updated', data: { match: current } });
    return { match: current };
  });
}

/** The venue of `tournament:ID`, for the topic's access check (server/realtime/topic-access.ts). */
export function tournamentTopicVenue(db: Kysely<DB>) {
  return async (tournamentId: string) => (await q.findTournament(db, tournamentId))?.venueId ?? null;
}
