/**
 * The tournament as the display reads it (`GET /api/tournaments/:id`, docs/api.md "Tournaments"). Typed
 * loosely where the server says `unknown` (results, live scores, standings rows): the display reads what it
 * knows and shows nothing for what it does not, rather than failing on a field added later.
 */

export type Sport = 'table_tennis' | 'gateball';
export type TournamentFormat = 'single_elimination' | 'double_elimination' | 'round_robin' | 'groups_then_knockout';
export type MatchStatus = 'waiting' | 'ready' | 'live' | 'done' | 'bye';
export type MatchStage = 'group' | 'round_robin' | 'knockout' | 'winners' | 'losers' | 'grand_final';

export interface TournamentInfo {
  id: string;
  venueId: string;
  name: string;
  sport: Sport;
  format: TournamentFormat;
  bestOf?: number | null;
  status: 'draft' | 'running' | 'finished';
  roomIds: string[];
  startsAt?: string | null;
  version?: number;
}

export interface ParticipantInfo {
  id: string;
  name: string;
  seed: number | null;
  /** Members, or people typed by name who are not members (`memberId: null`). */
  players?: Array<{ memberId: string | null; name: string; ballNumber: number | null }>;
}

export interface MatchInfo {
  id: string;
  key: string;
  stage: MatchStage | string;
  group: string | null;
  round: number;
  number: number;
  /** `from` (loaded copies only, not events): where a waiting side's player comes from; `bye`: nobody will. */
  sides: Array<{ participantId: string | null; from?: unknown; bye?: boolean }>;
  status: MatchStatus;
  /** `{payload, outcome, detail}` once decided. */
  result: unknown;
  /** The score in play (the referee's last live update), `null` otherwise. */
  live: unknown;
  winnerId: string | null;
  flag: string | null;
  roomId: string | null;
  scheduledAt: string | null;
  version?: number;
}

export interface StandingsRow {
  participantId: string;
  rank: number;
  played?: number;
  won?: number;
  drawn?: number;
  lost?: number;
  matchPoints?: number;
  scoreDifference?: number;
  pointsFor?: number;
  byLot?: boolean;
  /** By lot, and staff have recorded the order drawn. */
  lotDrawn?: boolean;
  /** The others of the level set this row was separated from (or is tied by lot with). */
  tiedWith?: string[];
  [field: string]: unknown;
}

export interface StandingsGroup {
  group: string | null;
  rows: StandingsRow[];
}

export interface PlacingInfo {
  participantId: string;
  place: number;
}

export interface TournamentData {
  tournament: TournamentInfo;
  participants: ParticipantInfo[];
  matches: MatchInfo[];
  standings: StandingsGroup[];
  placings: PlacingInfo[];
}
