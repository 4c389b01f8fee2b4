/**
 * Point-by-point scoring for the referee's tablet, as a pure reducer: every state is built from the points
 * scored so far, so undo is exact and a reloaded page can rebuild the state from the stored points.
 *
 * Service (docs/rules.md "Table tennis"; ITTF 2.13.3, 2.13.6 for the side level): the side that serves first in the match is chosen by the
 * referee (after the toss); in a game each side serves 2 points in turn, and from 10–10 the sequence stays the
 * same but each serves 1 point in turn; the side that served first in a game receives first in the next.
 * Doubles (which player serves to whom) and the expedite system are not modelled: `server` is the side.
 */
import { bump, otherSide, type Side } from './outcome.ts';
import { type BestOf, type GameScore, gamesToWin, gameStatus } from './table-tennis.ts';

export interface RallyState {
  readonly bestOf: BestOf;
  /** The side that served first in game 1. */
  readonly firstServer: Side;
  /** Every point in the order it was won: the source of truth for everything below. */
  readonly points: readonly Side[];
  /** Finished games, side 1 first. */
  readonly games: readonly GameScore[];
  /** The game in play (0–0 between games; the last game stays in `games` once the match is over). */
  readonly current: GameScore;
  readonly gamesWon: readonly [number, number];
  /** Who serves the next point; `null` once the match is over. */
  readonly server: Side | null;
  /** The side that won the majority of games; `null` while the match is in play. */
  readonly winner: Side | null;
}

/** The side that serves first in game `gameIndex` (0-based): sides alternate from game to game. */
export function firstServerOfGame(firstServer: Side, gameIndex: number): Side {
  return gameIndex % 2 === 0 ? firstServer : otherSide(firstServer);
}

/**
 * Who serves at score `a`–`b` in game `gameIndex`. Before 20 points: blocks of 2 serves. From 10–10 (20 points
 * played) every point, continuing the same sequence, so the first server of the game serves when the number of
 * points played is even.
 */
export function serverAt(firstServer: Side, gameIndex: number, a: number, b: number): Side {
  const first = firstServerOfGame(firstServer, gameIndex);
  const played = a + b;
  const turn = played < 20 ? Math.floor(played / 2) : played;
  return turn % 2 === 0 ? first : otherSide(first);
}

export function startMatch(options: { bestOf: BestOf; firstServer: Side }): RallyState {
  return {
    bestOf: options.bestOf, firstServer: options.firstServer, points: [], games: [], current: [0, 0],
    gamesWon: [0, 0], server: options.firstServer, winner: null,
  };
}

export function isMatchOver(state: RallyState): boolean {
  return state.winner !== null;
}

/** The side `side` wins a rally. After the match is over the state is returned unchanged. */
export function scorePoint(state: RallyState, side: Side): RallyState {
  if (state.winner !== null) return state;
  const points = [...state.points, side];
  const current: GameScore = side === 1 ? [state.current[0] + 1, state.current[1]] : [state.current[0], state.current[1] + 1];
  const status = gameStatus(current[0], current[1]);
  if (status.status !== 'won') {
    const server = serverAt(state.firstServer, state.games.length, current[0], current[1]);
    return { ...state, points, current, server };
  }
  const games = [...state.games, current];
  const gamesWon: [number, number] = [state.gamesWon[0], state.gamesWon[1]];
  const winner = bump(gamesWon, status.winner) === gamesToWin(state.bestOf) ? status.winner : null;
  const server = winner === null ? firstServerOfGame(state.firstServer, games.length) : null;
  return { ...state, points, games, current: [0, 0], gamesWon, server, winner };
}

/** Takes back the last point, whichever game it ended or began. */
export function undoPoint(state: RallyState): RallyState {
  if (state.points.length === 0) return state;
  return replayPoints({ bestOf: state.bestOf, firstServer: state.firstServer }, state.points.slice(0, -1));
}

/** Rebuilds the state from stored points (points after the end of the match are ignored). */
export function replayPoints(options: { bestOf: BestOf; firstServer: Side }, points: readonly Side[]): RallyState {
  let state = startMatch(options);
  for (const side of points) state = scorePoint(state, side);
  return state;
}

/** The live payload for `validateTableTennisLive` and the display screens. */
export function liveScore(state: RallyState): { games: GameScore[]; current: GameScore | null } {
  return { games: state.games.map((g): GameScore => [g[0], g[1]]), current: state.winner === null ? [state.current[0], state.current[1]] : null };
}

/** The final result payload once the match is over, else `null`. */
export function finalResult(state: RallyState): { games: GameScore[] } | null {
  return state.winner === null ? null : { games: state.games.map((g): GameScore => [g[0], g[1]]) };
}
