/**
 * `tournament:<id>` events applied to the loaded tournament as patches (a full reload only on resync, or when
 * an event names something the display has never been told about, or on the start: the draw's matches in the
 * event do not say where their waiting sides come from). Entries added, changed (a substitute) or removed
 * come as `participant.*` events.
 */
import type { UncheckedEvent } from '../lib/live.svelte.ts';
import { keepOrigins, markAwaitingLots } from '../tournaments/side-origin.ts';
import type { MatchInfo, ParticipantInfo, PlacingInfo, StandingsGroup, TournamentData, TournamentInfo } from './tournament-types.ts';

export interface PatchOutcome {
  data: TournamentData;
  /** The event refers to players or matches not loaded: load the whole tournament again. */
  reload: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isMatch(value: unknown): value is MatchInfo {
  return isObject(value) && typeof value.id === 'string' && typeof value.key === 'string' && Array.isArray(value.sides);
}

function isParticipant(value: unknown): value is ParticipantInfo {
  return isObject(value) && typeof value.id === 'string' && typeof value.name === 'string';
}

function unknownPlayers(data: TournamentData, matches: readonly MatchInfo[]): boolean {
  const known = new Set(data.participants.map((p) => p.id));
  return matches.some((m) => m.sides.some((s) => s.participantId !== null && !known.has(s.participantId)));
}

/** Applies an event; the knockout places waiting for a draw by lot follow the standings ("待抽签"). */
export function applyTournamentEvent(data: TournamentData, event: UncheckedEvent): PatchOutcome {
  const outcome = applyOne(data, event);
  if (outcome.data === data) return outcome;
  return { ...outcome, data: { ...outcome.data, matches: markAwaitingLots(outcome.data.matches, outcome.data.standings) } };
}

function applyOne(data: TournamentData, event: UncheckedEvent): PatchOutcome {
  const payload = event.data;
  if (!isObject(payload)) return { data, reload: false };
  switch (event.type) {
    case 'match.updated': {
      const match = payload.match;
      if (!isMatch(match)) return { data, reload: false };
      const index = data.matches.findIndex((m) => m.id === match.id);
      if (index < 0) return { data, reload: true };
      const current = data.matches[index]!;
      // Events come in order; a version that went backwards is an old copy (a replay racing a reload).
      if (typeof current.version === 'number' && typeof match.version === 'number' && match.version < current.version) {
        return { data, reload: false };
      }
      const matches = data.matches.slice();
      matches[index] = keepOrigins(current, match);
      return { data: { ...data, matches }, reload: unknownPlayers(data, [match]) };
    }
    case 'standings.changed': {
      const standings = Array.isArray(payload.standings) ? (payload.standings as StandingsGroup[]) : data.standings;
      const placings = Array.isArray(payload.placings) ? (payload.placings as PlacingInfo[]) : data.placings;
      return { data: { ...data, standings, placings }, reload: false };
    }
    case 'tournament.updated': {
      const tournament = payload.tournament;
      if (!isObject(tournament) || tournament.id !== data.tournament.id) return { data, reload: false };
      const next: TournamentData = { ...data, tournament: tournament as unknown as TournamentInfo };
      // Started (drawn): only a reload shows the draw with where its waiting sides come from.
      const started = data.tournament.status === 'draft' && next.tournament.status !== 'draft';
      if (Array.isArray(payload.matches)) {
        const known = new Map(data.matches.map((m) => [m.id, m]));
        const matches = payload.matches.filter(isMatch).map((m) => {
          const current = known.get(m.id);
          return current ? keepOrigins(current, m) : m;
        });
        return { data: { ...next, matches }, reload: started || unknownPlayers(data, matches) };
      }
      return { data: next, reload: started };
    }
    case 'participant.added':
    case 'participant.updated': {
      const participant = payload.participant;
      if (!isParticipant(participant)) return { data, reload: false };
      const index = data.participants.findIndex((p) => p.id === participant.id);
      const participants = data.participants.slice();
      if (index < 0) participants.push(participant);
      else participants[index] = participant;
      return { data: { ...data, participants }, reload: false };
    }
    case 'participant.removed': {
      const id = payload.participantId;
      if (typeof id !== 'string' || !data.participants.some((p) => p.id === id)) return { data, reload: false };
      return { data: { ...data, participants: data.participants.filter((p) => p.id !== id) }, reload: false };
    }
    default:
      return { data, reload: false };
  }
}
