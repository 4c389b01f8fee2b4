/**
 * Table tennis team match on the referee's tablet: the finished rubbers (individual matches) and the rubber in
 * play as a rally state (the shared point-by-point reducer). A game entered whole is replayed as points, so
 * point by point and game by game mix freely. Sends `{rubbers, current}` live and `{rubbers}` at the end.
 */
import type { Side } from '../../server/shared/sports/outcome.ts';
import {
  liveScore, replayPoints, scorePoint, type RallyState,
} from '../../server/shared/sports/table-tennis-referee.ts';
import {
  MAX_RUBBERS, RUBBERS_TO_WIN, TEAM_ORDERS, validateTeamMatchLive,
} from '../../server/shared/sports/table-tennis-team.ts';
import { type BestOf, type GameScore, gameStatus } from '../../server/shared/sports/table-tennis.ts';

export interface TeamRefState {
  /** Finished rubbers' games, in playing order. */
  readonly rubbers: readonly (readonly GameScore[])[];
  /** The rubber in play; `null` before its toss. Once won it stays here until the next rubber starts. */
  readonly rally: RallyState | null;
}

/** The finished rubbers, counting the rubber in play once it is won. */
export function finishedRubbers(state: TeamRefState): GameScore[][] {
  const done = state.rubbers.map((games) => games.map((g): GameScore => [g[0], g[1]]));
  if (state.rally?.winner) done.push(state.rally.games.map((g): GameScore => [g[0], g[1]]));
  return done;
}

/** Rubbers won by side 1 and side 2. */
export function rubbersWon(rubbers: readonly (readonly GameScore[])[]): [number, number] {
  const won: [number, number] = [0, 0];
  for (const games of rubbers) {
    let a = 0;
    let b = 0;
    for (const [x, y] of games) {
      if (x > y) a += 1;
      else b += 1;
    }
    won[a > b ? 0 : 1] += 1;
  }
  return won;
}

/** The side that has won three rubbers, or `null`. */
export function teamWinner(state: TeamRefState): Side | null {
  const [a, b] = rubbersWon(finishedRubbers(state));
  return a >= RUBBERS_TO_WIN ? 1 : b >= RUBBERS_TO_WIN ? 2 : null;
}

/** The live score in the team shape. */
export function teamLive(state: TeamRefState): { rubbers: { games: GameScore[] }[]; current?: { games: GameScore[]; current: GameScore | null } } {
  const rubbers = finishedRubbers(state).map((games) => ({ games }));
  if (!state.rally || state.rally.winner || teamWinner(state)) return { rubbers };
  return { rubbers, current: liveScore(state.rally) };
}

/** The final result once a team has three rubbers. */
export function teamFinal(state: TeamRefState): { rubbers: { games: GameScore[] }[] } | null {
  return teamWinner(state) ? { rubbers: finishedRubbers(state).map((games) => ({ games })) } : null;
}

/** Points that make up whole games and a score in the current game, alternating then the leader's. */
export function pointsFor(games: readonly GameScore[], current: GameScore | null): Side[] {
  const points: Side[] = [];
  for (const [a, b] of [...games, ...(current ? [current] : [])]) {
    const even = Math.min(a, b);
    for (let i = 0; i < even; i += 1) points.push(1, 2);
    for (let i = even; i < a; i += 1) points.push(1);
    for (let i = even; i < b; i += 1) points.push(2);
  }
  return points;
}

/** Adds a whole game to the rubber in play; `null` when that is not a finished game or one is under way. */
export function addGame(rally: RallyState, game: GameScore): RallyState | null {
  if (rally.winner !== null || rally.current[0] + rally.current[1] > 0) return null;
  const status = gameStatus(game[0], game[1]);
  if (status.status !== 'won') return null;
  let next = rally;
  for (const side of pointsFor([game], null)) next = scorePoint(next, side);
  return next;
}

/** Starts the next rubber's rally (after its toss), keeping the finished ones. */
export function startRubber(state: TeamRefState, firstServer: Side, bestOf: BestOf): TeamRefState {
  return { rubbers: finishedRubbers(state), rally: replayPoints({ bestOf, firstServer }, []) };
}

type TeamPlayer = { name: string; ballNumber?: number | null };

/**
 * The player in place `place` (1 = A or X) of a team: by the order entered (`ballNumber`), or by the listed
 * order for a team entered without one.
 */
function playerAt(players: readonly TeamPlayer[] | undefined, place: number): TeamPlayer | undefined {
  if (!players) return undefined;
  return players.some((p) => typeof p.ballNumber === 'number') ? players.find((p) => p.ballNumber === place) : players[place - 1];
}

/** Who meets in rubber `index` (0-based): the order labels and the players' names when the teams list them. */
export function rubberPlayers(
  index: number,
  teams: readonly [readonly TeamPlayer[] | undefined, readonly TeamPlayer[] | undefined],
): [string, string] {
  const pairing = TEAM_ORDERS.five_singles[Math.min(index, MAX_RUBBERS - 1)] ?? ['?', '?'];
  const named = (label: string, players: readonly TeamPlayer[] | undefined, letters: string): string => {
    const name = playerAt(players, letters.indexOf(label) + 1)?.name;
    return name ? `${label} ${name}` : label;
  };
  return [named(pairing[0], teams[0], 'ABC'), named(pairing[1], teams[1], 'XYZ')];
}

/**
 * What the server holds live for this match, to continue from: the finished rubbers, and the rubber in play as
 * points to replay once the referee says who served first in it. `null` when nothing usable is there.
 */
export function readTeamLive(live: unknown, bestOf: BestOf): { rubbers: GameScore[][]; points: Side[] } | null {
  const read = validateTeamMatchLive(live, { bestOf });
  if (!read.ok) return null;
  return {
    rubbers: read.rubbers.map((r) => r.games.map((g): GameScore => [g[0], g[1]])),
    points: read.current ? pointsFor(read.current.games, read.current.current) : [],
  };
}
