/**
 * `tournament:<id>` events applied to the loaded tournament as patches (a full reload only on resync, or when
 * an event names something the display has never been told about, such as a player added before the start:
 * adding players sends no event, and `tournament.updated` carries no participants).
 */
import type { MatchInfo, PlacingInfo, StandingsGroup, TournamentData, TournamentInfo } from './tournament-types.ts';

export interface PatchOutcome {
  data: TournamentData;
  /** The event refers to players or matches not loaded: load the whole tournament again. */
  reload: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isMatch(value: unknown): value is MatchInfo {
  return isObject(value) && typeof value.id === 'string' && typeof value.key === 'string' && Array.isArray(value.sides);
}

function unknownPlayers(data: TournamentData, matches: readonly MatchInfo[]): boolean {
  const known = new Set(data.participants.map((p) => p.id));
  return matches.some((m) => m.sides.some((s) => s.participantId !== null && !known.has(s.participantId)));
}

export function applyTournamentEvent(data: TournamentData, event: { type: string; data: unknown }): PatchOutcome {
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
      matches[index] = match;
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
      if (Array.isArray(payload.matches)) {
        const matches = payload.matches.filter(isMatch);
        return { data: { ...next, matches }, reload: unknownPlayers(data, matches) };
      }
      // Started (drawn) without the matches in the event: only a reload can show the draw.
      const started = data.tournament.status === 'draft' && next.tournament.status !== 'draft';
      return { data: next, reload: started };
    }
    default:
      return { data, reload: false };
  }
}
