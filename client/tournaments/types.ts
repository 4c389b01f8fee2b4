/**
 * The tournament shapes as the server sends them: the server's TypeBox schemas are the source (imported as
 * types only, so nothing of the server is bundled), with the loosely typed parts (`result`, `live`,
 * standings rows, `tiebreak`) read through the narrowers below.
 */
import type {
  CreateTournamentInput,
  AddParticipantInput,
  UpdateParticipantInput,
  MatchDto,
  ParticipantDto,
  TournamentDto,
} from '../../server/modules/tournaments/schemas.ts';

export type Tournament = TournamentDto;
export type Participant = ParticipantDto;
export type Match = MatchDto;
export type CreateTournamentRequest = CreateTournamentInput;
export type AddParticipantRequest = AddParticipantInput;
export type UpdateParticipantRequest = UpdateParticipantInput;

export type Sport = Tournament['sport'];
export type Format = Tournament['format'];
export type MatchStatus = Match['status'];
export type GateballGamePreset = 'agari_gates' | 'gates';
export type GateballStandingsStep = 'head_to_head' | 'score_difference' | 'points_for' | 'lot';

export const SPORTS: readonly Sport[] = ['table_tennis', 'gateball'];
export const FORMATS: readonly Format[] = ['single_elimination', 'double_elimination', 'round_robin', 'groups_then_knockout'];

/** One row of a group table; table tennis and gateball rows share these, the rest is per sport. */
export interface StandingRow {
  participantId: string;
  rank: number;
  played: number;
  won: number;
  lost: number;
  drawn?: number;
  matchPoints: number;
  gamesWon?: number;
  gamesLost?: number;
  pointsWon?: number;
  pointsLost?: number;
  pointsFor?: number;
  pointsAgainst?: number;
  scoreDifference?: number;
  /** Decided by lot: nothing left to play can separate (the server's lot-state.ts); drawn or still to draw. */
  byLot: boolean;
  /** By lot, and staff have recorded the order drawn. */
  lotDrawn?: boolean;
  tiedWith?: string[];
  decidedBy: string;
}

export interface StandingsGroup {
  group: string | null;
  rows: StandingRow[];
  /** Every match of the group is decided. */
  complete?: boolean;
}

export interface Placing {
  participantId: string;
  place: number;
}

/** `GET /api/tournaments/:id` */
export interface TournamentView {
  tournament: Tournament;
  participants: Participant[];
  matches: Match[];
  standings: StandingsGroup[];
  placings: Placing[];
}

export type GameScore = [number, number];

/** What a stored result says, read from `match.result` (`{payload, outcome, detail}`). */
export type ResultSummary =
  | { kind: 'walkover'; winnerId: string }
  | { kind: 'games'; games: GameScore[]; gamesWon: [number, number]; rubbers?: GameScore[][] }
  | { kind: 'gateball'; score: [number, number]; balls: [number[], number[]] | null; explanation: { message: string; messageZh: string } | null };

/** A live score, read from `match.live` (the payload the referee sent). */
export type LiveSummary =
  | { kind: 'games'; games: GameScore[]; current: GameScore | null; gamesWon: [number, number] }
  | { kind: 'gateball'; score: [number, number]; balls: [number[], number[]] | null };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function readPair(value: unknown): [number, number] | null {
  return Array.isArray(value) && value.length === 2 && isCount(value[0]) && isCount(value[1]) ? [value[0], value[1]] : null;
}

function readGames(value: unknown): GameScore[] | null {
  if (!Array.isArray(value)) return null;
  const games: GameScore[] = [];
  for (const g of value) {
    const pair = readPair(g);
    if (!pair) return null;
    games.push(pair);
  }
  return games;
}

/** A team match's rubbers `[{games}, …]`, or `null`. */
function readRubbers(value: unknown): GameScore[][] | null {
  if (!Array.isArray(value)) return null;
  const rubbers: GameScore[][] = [];
  for (const r of value) {
    const games = isObject(r) ? readGames(r.games) : null;
    if (!games) return null;
    rubbers.push(games);
  }
  return rubbers;
}

/** Rubbers won by each side (a rubber goes to the side with more games). */
export function rubbersWonOf(rubbers: readonly (readonly GameScore[])[]): [number, number] {
  const won: [number, number] = [0, 0];
  for (const games of rubbers) {
    const [a, b] = gamesWonOf(games);
    if (a > b) won[0] += 1;
    else if (b > a) won[1] += 1;
  }
  return won;
}

function readBalls(value: unknown): [number[], number[]] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [a, b] = value as unknown[];
  if (!Array.isArray(a) || !Array.isArray(b) || !a.every(isCount) || !b.every(isCount)) return null;
  return [a as number[], b as number[]];
}

/** Games won by each side; a game with equal points (not a finished game) counts for nobody. */
export function gamesWonOf(games: readonly GameScore[]): [number, number] {
  const won: [number, number] = [0, 0];
  for (const [a, b] of games) {
    if (a > b) won[0] += 1;
    else if (b > a) won[1] += 1;
  }
  return won;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Reads a score payload (`{games}`, `{balls}`, `{score}`, `{walkover}`) as the referee sent it. */
function readPayload(payload: unknown): ResultSummary | null {
  if (!isObject(payload)) return null;
  if (typeof payload.walkover === 'string') return { kind: 'walkover', winnerId: payload.walkover };
  const games = readGames(payload.games);
  if (games) return { kind: 'games', games, gamesWon: gamesWonOf(games) };
  // A team match: the headline is rubbers won, the rubbers' games kept apart.
  const rubbers = readRubbers(payload.rubbers);
  if (rubbers) return { kind: 'games', games: [], gamesWon: rubbersWonOf(rubbers), rubbers };
  const balls = readBalls(payload.balls);
  if (balls) return { kind: 'gateball', score: [sum(balls[0]), sum(balls[1])], balls, explanation: null };
  const score = readPair(payload.score);
  if (score) return { kind: 'gateball', score, balls: null, explanation: null };
  return null;
}

/** The stored result of a match, or `null` when there is none (or it cannot be read). */
export function readResult(result: unknown): ResultSummary | null {
  if (!isObject(result)) return null;
  const summary = readPayload(result.payload);
  if (summary?.kind === 'gateball' && isObject(result.detail) && isObject(result.detail.result)) {
    const explanation = result.detail.result.explanation;
    if (isObject(explanation) && typeof explanation.message === 'string' && typeof explanation.messageZh === 'string') {
      return { ...summary, explanation: { message: explanation.message, messageZh: explanation.messageZh } };
    }
  }
  return summary;
}

/** The score in play of a match, or `null`. */
export function readLive(live: unknown): LiveSummary | null {
  if (!isObject(live)) return null;
  const games = readGames(live.games);
  if (games) {
    const current = live.current === undefined || live.current === null ? null : readPair(live.current);
    return { kind: 'games', games, current, gamesWon: gamesWonOf(games) };
  }
  const summary = readPayload(live);
  return summary?.kind === 'gateball' ? { kind: 'gateball', score: summary.score, balls: summary.balls } : null;
}

/** The tournament's tie-break settings, read from `tournament.tiebreak`. */
export function readTiebreak(value: unknown): { gateballGame?: GateballGamePreset; gateballStandings?: GateballStandingsStep[]; lots?: Record<string, number> } {
  if (!isObject(value)) return {};
  const out: ReturnType<typeof readTiebreak> = {};
  if (value.gateballGame === 'agari_gates' || value.gateballGame === 'gates') out.gateballGame = value.gateballGame;
  if (Array.isArray(value.gateballStandings)) {
    out.gateballStandings = value.gateballStandings.filter((s): s is GateballStandingsStep =>
      s === 'head_to_head' || s === 'score_difference' || s === 'points_for' || s === 'lot');
  }
  if (isObject(value.lots)) out.lots = Object.fromEntries(Object.entries(value.lots).filter((e): e is [string, number] => isCount(e[1])));
  return out;
}

/** Reads `standings` rows defensively (they are typed as records on the wire). */
export function readStandings(value: unknown): StandingsGroup[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((g) => ({
    group: typeof g.group === 'string' ? g.group : null,
    rows: (Array.isArray(g.rows) ? g.rows : []).filter(isObject).filter((r) => typeof r.participantId === 'string') as unknown as StandingRow[],
    ...(typeof g.complete === 'boolean' ? { complete: g.complete } : {}),
  }));
}
