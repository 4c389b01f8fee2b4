/**
 * The table tennis referee's state around the shared reducer (`server/shared/sports/table-tennis-referee.ts`): where it
 * starts when the page opens (this tablet's saved points, or the live score the server holds), and how it is
 * saved so a reload or a flat battery loses nothing.
 */
import {
  liveScore, replayPoints, type RallyState,
} from '../../server/shared/sports/table-tennis-referee.ts';
import type { Side } from '../../server/shared/sports/outcome.ts';
import type { BestOf } from '../../server/shared/sports/table-tennis.ts';
import type { GameScore, LiveSummary } from './types.ts';

export interface SavedRally {
  v: 1;
  matchId: string;
  bestOf: BestOf;
  firstServer: Side;
  points: Side[];
}

export const savedRallyKey = (matchId: string): string => `centre-ops.referee.tt.${matchId}`;

export function saveRally(matchId: string, state: RallyState): SavedRally {
  return { v: 1, matchId, bestOf: state.bestOf, firstServer: state.firstServer, points: [...state.points] };
}

export function parseSavedRally(text: string | null, matchId: string, bestOf: BestOf): SavedRally | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SavedRally>;
    if (value.v !== 1 || value.matchId !== matchId || value.bestOf !== bestOf) return null;
    if (value.firstServer !== 1 && value.firstServer !== 2) return null;
    if (!Array.isArray(value.points) || !value.points.every((p) => p === 1 || p === 2)) return null;
    return { v: 1, matchId, bestOf, firstServer: value.firstServer, points: value.points };
  } catch {
    return null;
  }
}

/**
 * A sequence of points that reaches these scores without ending a game early: in each game, points in turn
 * while both have some left, then the leader's. Service depends only on how many points were played, so
 * the server shown is right even though the real order is not known.
 */
export function pointsForScores(games: readonly GameScore[], current: GameScore | null): Side[] {
  const points: Side[] = [];
  for (const [a, b] of current ? [...games, current] : games) {
    const level = Math.min(a, b);
    for (let i = 0; i < level; i++) points.push(1, 2);
    for (let i = level; i < a; i++) points.push(1);
    for (let i = level; i < b; i++) points.push(2);
  }
  return points;
}

const sameLive = (state: RallyState, live: LiveSummary & { kind: 'games' }): boolean => {
  const mine = liveScore(state);
  const current = live.current && (live.current[0] > 0 || live.current[1] > 0) ? live.current : null;
  const myCurrent = mine.current && (mine.current[0] > 0 || mine.current[1] > 0) ? mine.current : null;
  return JSON.stringify(mine.games) === JSON.stringify(live.games) && JSON.stringify(myCurrent) === JSON.stringify(current);
};

const pointCount = (live: LiveSummary & { kind: 'games' }): number =>
  [...live.games, ...(live.current ? [live.current] : [])].reduce((n, [a, b]) => n + a + b, 0);

/**
 * Where to start: this tablet's points when they agree with the server's live score (or are further on:
 * sending failed meanwhile); the server's live score when another tablet got further; nothing when neither
 * exists (the referee tosses for service first). `firstServer` is needed to rebuild from the server's score.
 */
export function chooseStart(
  saved: SavedRally | null,
  live: LiveSummary | null,
  options: { bestOf: BestOf; firstServer: Side },
): { state: RallyState; from: 'saved' | 'server' } | null {
  const mine = saved ? replayPoints({ bestOf: saved.bestOf, firstServer: saved.firstServer }, saved.points) : null;
  const server = live?.kind === 'games' ? live : null;
  if (mine && (!server || sameLive(mine, server) || mine.points.length >= pointCount(server))) return { state: mine, from: 'saved' };
  if (server) {
    const firstServer = saved?.firstServer ?? options.firstServer;
    return { state: replayPoints({ bestOf: options.bestOf, firstServer }, pointsForScores(server.games, server.current)), from: 'server' };
  }
  return null;
}

/** The side that served first in the match, as the server keeps it in the live score (`firstServer`), or `null`. */
export function liveFirstServer(live: unknown): Side | null {
  if (typeof live !== 'object' || live === null) return null;
  const first = (live as Record<string, unknown>).firstServer;
  return first === 1 || first === 2 ? first : null;
}

/**
 * Where a tablet with nothing saved starts from the server's live score: `resume` when the server has points
 * (the referee is asked who served first only if the server does not know it), or the match as the server holds
 * it when the first server is known, even at 0:0 (the referee chose it, then left before the first point: a
 * reopened pad or a second tablet goes on without asking again). `null`: nothing to go on, toss for service.
 */
export function serverStart(raw: unknown, live: LiveSummary | null, bestOf: BestOf): { resume: boolean; state: RallyState | null } {
  const games = live?.kind === 'games' ? live : null;
  const resume = !!games && (games.games.length > 0 || !!games.current?.some((x) => x > 0));
  const first = games ? liveFirstServer(raw) : null;
  return { resume, state: first ? (chooseStart(null, games, { bestOf, firstServer: first })?.state ?? null) : null };
}
