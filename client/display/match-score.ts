/**
 * A match's score as the display shows it, read from the referee's live update (`match.live`) while it is in
 * play and from the stored result (`match.result.payload`) once decided:
 * - table tennis: the games (side 1's points first), games won, and the game in play;
 * - gateball: team totals (red = side 1 first), each ball's progress (gates 1–3, pole), whose turn and the
 *   30-minute clock when the live update carries them.
 * Unknown shapes give `null` (nothing shown), never an exception: the screen must keep running.
 */
import { BALL_POINTS } from '../../server/shared/sports/gateball.ts';
import { GAME_MS } from '../../server/shared/sports/gateball-scoreboard.ts';
import { serverAt } from '../../server/shared/sports/table-tennis-referee.ts';

export type Pair = [number, number];

export interface TableTennisScore {
  kind: 'table_tennis';
  /** Finished games (or, in a team match, each rubber's games won). */
  games: Pair[];
  /** Games (team match: rubbers) won by side 1 and side 2. */
  won: Pair;
  /** The game in play. */
  current: Pair | null;
  unit: 'games' | 'rubbers';
  /** Team match in play: the rubber under way (1-based number, its finished games, games won); `current` is its game in play. */
  rubber: { number: number; games: Pair[]; won: Pair } | null;
  /** The side serving now (0 = side 1), while a game is in play and the referee's pad knows it. */
  server: 0 | 1 | null;
}

/** Progress of one ball: 0 none, 1–3 gates passed, 4 at the pole. */
export type BallProgress = 0 | 1 | 2 | 3 | 4;

export interface GateballClock {
  /** Milliseconds left of the 30 minutes (0 when time is up). */
  remainingMs: number;
  running: boolean;
}

export interface GateballScore {
  kind: 'gateball';
  totals: Pair;
  /** Balls 1–10 (index = ball − 1), or `null` when only totals were entered. */
  progress: BallProgress[] | null;
  /** The ball in play (1–10), when the live update says. */
  turn: number | null;
  clock: GateballClock | null;
  /** The game is over (a team finished, or time ran out and the last turn was played). */
  over: boolean;
  /** Time ran out in a red turn: one white ball still plays (docs/guide-tournaments.md). */
  lastTurn: boolean;
}

export interface WalkoverScore {
  kind: 'walkover';
  winnerId: string | null;
}

export type MatchScore = TableTennisScore | GateballScore | WalkoverScore;

/** A gateball game's length, the rules' own (server/shared/sports/gateball-scoreboard.ts). */
export const GATEBALL_GAME_MS = GAME_MS;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function asPair(value: unknown): Pair | null {
  return Array.isArray(value) && value.length === 2 && isCount(value[0]) && isCount(value[1]) ? [value[0], value[1]] : null;
}

function asPairs(value: unknown): Pair[] | null {
  if (!Array.isArray(value)) return null;
  const pairs = value.map(asPair);
  return pairs.every((p): p is Pair => p !== null) ? pairs : null;
}

function gamesWon(games: readonly Pair[]): Pair {
  const won: Pair = [0, 0];
  for (const [a, b] of games) {
    if (a > b) won[0] += 1;
    else if (b > a) won[1] += 1;
  }
  return won;
}

function tableTennis(payload: Record<string, unknown>): TableTennisScore | null {
  if (Array.isArray(payload.rubbers)) {
    const rubbers = payload.rubbers.map((r) => (isObject(r) ? asPairs(r.games) : null));
    if (!rubbers.every((r): r is Pair[] => r !== null)) return null;
    const games = rubbers.map(gamesWon);
    const inPlay = isObject(payload.current) ? payload.current : null;
    const rubberGames = inPlay ? asPairs(inPlay.games) : null;
    const rubber = rubberGames ? { number: rubbers.length + 1, games: rubberGames, won: gamesWon(rubberGames) } : null;
    const current = rubber && inPlay ? asPair(inPlay.current) : null;
    return { kind: 'table_tennis', games, won: gamesWon(games), current, unit: 'rubbers', rubber, server: null };
  }
  const games = asPairs(payload.games);
  if (!games) return null;
  const current = asPair(payload.current);
  return { kind: 'table_tennis', games, won: gamesWon(games), current, unit: 'games', rubber: null, server: serving(payload, games, current) };
}

/**
 * Who serves at this score (ITTF 2.13.3–2.13.4): worked out from the side that served first in the match
 * when the pad sent it (2 serves each, 1 each from 10–10, the first server alternating from game to game),
 * else the side the pad says; nobody between games or once the match is over.
 */
function serving(payload: Record<string, unknown>, games: readonly Pair[], current: Pair | null): 0 | 1 | null {
  if (!current) return null;
  const first = payload.firstServer;
  if (first === 1 || first === 2) return serverAt(first, games.length, current[0], current[1]) === 1 ? 0 : 1;
  return payload.server === 1 ? 0 : payload.server === 2 ? 1 : null;
}

function progressOfPoints(points: number): BallProgress | null {
  const index = (BALL_POINTS as readonly number[]).indexOf(points);
  return index < 0 ? null : (index as BallProgress);
}

/** `balls: [[red 1,3,5,7,9], [white 2,4,6,8,10]]` (points) → progress of balls 1–10; or `progress` directly. */
function readProgress(payload: Record<string, unknown>): BallProgress[] | null {
  const teams = payload.balls;
  if (Array.isArray(teams) && teams.length === 2 && teams.every((t) => Array.isArray(t) && t.length === 5)) {
    const out: BallProgress[] = [];
    for (let ball = 1; ball <= 10; ball += 1) {
      const team = teams[(ball - 1) % 2] as unknown[];
      const points = team[Math.floor((ball - 1) / 2)];
      const progress = typeof points === 'number' ? progressOfPoints(points) : null;
      if (progress === null) return null;
      out.push(progress);
    }
    return out;
  }
  const progress = payload.progress;
  if (Array.isArray(progress) && progress.length === 10 && progress.every((p) => isCount(p) && p <= 4)) {
    return progress as BallProgress[];
  }
  return null;
}

const instant = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

/**
 * The clock, from whichever of these the live update carries (at the top level or under `clock`):
 * `{remainingMs, running?, at?}` (remaining when sent), `{endsAt}` (when the 30 minutes run out),
 * `{elapsedMs, runningSince}` (the referee's scoreboard state), or `"MM:SS"`.
 */
export function readClock(payload: Record<string, unknown>, now: number): GateballClock | null {
  const raw = payload.clock;
  if (typeof raw === 'string') {
    const match = /^(\d{1,2}):(\d{2})$/.exec(raw.trim());
    return match ? { remainingMs: (Number(match[1]) * 60 + Number(match[2])) * 1000, running: false } : null;
  }
  const source = isObject(raw) ? raw : payload;
  const clamp = (ms: number) => Math.max(0, Math.min(GATEBALL_GAME_MS, ms));
  const endsAt = instant(source.endsAt);
  if (endsAt !== null) return { remainingMs: clamp(endsAt - now), running: true };
  if (typeof source.remainingMs === 'number') {
    const running = source.running === true;
    const at = instant(source.at);
    const gone = running && at !== null ? Math.max(0, now - at) : 0;
    return { remainingMs: clamp(source.remainingMs - gone), running };
  }
  if (typeof source.elapsedMs === 'number') {
    const since = instant(source.runningSince);
    const elapsed = source.elapsedMs + (since !== null ? Math.max(0, now - since) : 0);
    return { remainingMs: clamp(GATEBALL_GAME_MS - elapsed), running: since !== null };
  }
  return null;
}

function gateball(payload: Record<string, unknown>, now: number): GateballScore | null {
  const progress = readProgress(payload);
  let totals: Pair | null = null;
  if (progress) {
    totals = [0, 0];
    const sums: Pair = [0, 0];
    progress.forEach((p, i) => {
      sums[i % 2 === 0 ? 0 : 1] += BALL_POINTS[p];
    });
    totals = sums;
  } else {
    totals = asPair(payload.score);
  }
  if (!totals) return null;
  const turnSource = isCount(payload.turn) ? payload.turn : isObject(payload.clock) && isCount(payload.clock.turn) ? payload.clock.turn : null;
  const turn = turnSource !== null && turnSource >= 1 && turnSource <= 10 ? turnSource : null;
  const phase = typeof payload.phase === 'string' ? payload.phase : typeof payload.status === 'string' ? payload.status : null;
  return { kind: 'gateball', totals, progress, turn, clock: readClock(payload, now), over: phase === 'over', lastTurn: phase === 'last_white_turn' };
}

function read(payload: unknown, sport: string, now: number): MatchScore | null {
  if (!isObject(payload)) return null;
  if ('walkover' in payload) return { kind: 'walkover', winnerId: typeof payload.walkover === 'string' ? payload.walkover : null };
  return sport === 'gateball' ? gateball(payload, now) : tableTennis(payload);
}

/** The score in play (`match.live`), or `null`. */
export function liveScore(live: unknown, sport: string, now: number): MatchScore | null {
  return read(live, sport, now);
}

/** The decided score (`match.result.payload`), or `null`. */
export function resultScore(result: unknown, sport: string): MatchScore | null {
  if (!isObject(result)) return null;
  const score = read(result.payload, sport, 0);
  return score?.kind === 'gateball' ? { ...score, turn: null, clock: null, over: true, lastTurn: false } : score;
}

/** What to show for a match now: the live score while in play, the result once done. */
export function matchScore(match: { status: string; live: unknown; result: unknown }, sport: string, now: number): MatchScore | null {
  if (match.status === 'live') return liveScore(match.live, sport, now);
  if (match.status === 'done') return resultScore(match.result, sport);
  return null;
}

/** The one number per side a bracket box shows: games (rubbers) won, or gateball points. */
export function sideNumbers(score: MatchScore | null): Pair | null {
  if (!score) return null;
  if (score.kind === 'table_tennis') return score.won;
  if (score.kind === 'gateball') return score.totals;
  return null;
}

/** "MM:SS" counting down, rounded up so that "00:00" means time is up. */
export function clockText(remainingMs: number): string {
  const seconds = Math.ceil(Math.max(0, remainingMs) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
