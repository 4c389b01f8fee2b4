/**
 * The gateball referee's state around the shared scoreboard reducer (`server/shared/sports/gateball-scoreboard.ts`):
 * saved on the tablet after every change (the state is plain data; the clock is instants, so time spent with
 * the page closed still counts), rebuilt from the server's live balls when another tablet got further, and a
 * clock the referee can set when the tablet joins a game already under way.
 */
import {
  GAME_MS, newScoreboard, POLE, scoreboardView, type ScoreboardState,
} from '../../server/shared/sports/gateball-scoreboard.ts';
import type { LiveSummary } from './types.ts';

export interface SavedScoreboard {
  v: 1;
  matchId: string;
  state: ScoreboardState;
}

export const savedScoreboardKey = (matchId: string): string => `centre-ops.referee.gb.${matchId}`;

const PHASES = new Set(['not_started', 'playing', 'last_white_turn', 'over']);
const REASONS = new Set([null, 'time_up', 'red_finished', 'white_finished']);

function isPlay(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return Array.isArray(p.progress) && p.progress.length === 10 &&
    p.progress.every((x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= POLE) &&
    Number.isInteger(p.turn) && (p.turn as number) >= 1 && (p.turn as number) <= 10 &&
    PHASES.has(p.phase as string) && REASONS.has(p.endReason as string | null) &&
    (p.endedAt === null || typeof p.endedAt === 'number');
}

export function parseSavedScoreboard(text: string | null, matchId: string): SavedScoreboard | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<SavedScoreboard>;
    const s = value.state as unknown as Record<string, unknown> | undefined;
    if (value.v !== 1 || value.matchId !== matchId || !s || !isPlay(s)) return null;
    if (typeof s.elapsedMs !== 'number' || (s.runningSince !== null && typeof s.runningSince !== 'number')) return null;
    if (!Array.isArray(s.history) || !s.history.every(isPlay)) return null;
    return { v: 1, matchId, state: value.state as ScoreboardState };
  } catch {
    return null;
  }
}

/** Progress 0–4 of a ball with these points (0, 1, 2, 3, 5); `null` for points no ball can have. */
export function progressOf(points: number): number | null {
  return [0, 1, 2, 3, 5].indexOf(points) >= 0 ? [0, 1, 2, 3, 5].indexOf(points) : null;
}

/**
 * A scoreboard showing these balls (red five, white five, in ball order), in play, clock standing at 30:00:
 * the referee sets the clock and starts it.
 */
export function scoreboardFromBalls(balls: readonly [readonly number[], readonly number[]]): ScoreboardState | null {
  const progress: number[] = [];
  for (let i = 0; i < 5; i++) {
    const red = progressOf(balls[0][i] ?? -1);
    const white = progressOf(balls[1][i] ?? -1);
    if (red === null || white === null) return null;
    progress.push(red, white);
  }
  return { ...newScoreboard(), progress, phase: 'playing' };
}

const progressTotal = (state: ScoreboardState): number => state.progress.reduce((a, b) => a + b, 0);

/**
 * The server's live state beyond the balls (`match.live`: `turn`, `phase`, `clock`, as gateball-live.ts
 * stores them) applied to a scoreboard rebuilt from its balls, so a tablet taking over a game continues with
 * the ball in play and the clock where they were. `clockKnown` is false when the server had no clock: then
 * the referee sets it from the field's.
 */
export function withServerState(state: ScoreboardState, live: unknown, now: number): { state: ScoreboardState; clockKnown: boolean } {
  if (typeof live !== 'object' || live === null) return { state, clockKnown: false };
  const l = live as Record<string, unknown>;
  let next = state;
  if (typeof l.turn === 'number' && Number.isInteger(l.turn) && l.turn >= 1 && l.turn <= 10) next = { ...next, turn: l.turn };
  if (l.phase === 'last_white_turn') next = { ...next, phase: 'last_white_turn' };
  if (l.phase === 'over') next = { ...next, phase: 'over', endedAt: now };
  const clock = typeof l.clock === 'object' && l.clock !== null ? (l.clock as Record<string, unknown>) : null;
  if (!clock || typeof clock.remainingMs !== 'number' || typeof clock.running !== 'boolean') return { state: next, clockKnown: false };
  const at = typeof clock.at === 'string' ? Date.parse(clock.at) : Number.NaN;
  const gone = clock.running && !Number.isNaN(at) ? Math.max(0, now - at) : 0;
  const remaining = Math.min(GAME_MS, Math.max(0, clock.remainingMs - gone));
  const running = clock.running && next.phase !== 'over';
  return { state: { ...next, elapsedMs: GAME_MS - remaining, runningSince: running ? now : null }, clockKnown: true };
}

/**
 * This tablet's scoreboard unless the server's live balls are further on (another tablet scored); from the
 * server, with its turn, phase and clock when `raw` (the match's `live`) carries them.
 */
export function chooseScoreboard(saved: SavedScoreboard | null, live: LiveSummary | null, raw: unknown = null, now = Date.now()):
  { state: ScoreboardState; from: 'saved' | 'server' | 'new'; clockKnown: boolean } {
  const server = live?.kind === 'gateball' && live.balls ? scoreboardFromBalls(live.balls) : null;
  if (saved && (!server || progressTotal(saved.state) >= progressTotal(server))) return { state: saved.state, from: 'saved', clockKnown: true };
  if (server) return { ...withServerState(server, raw, now), from: 'server' };
  return { state: newScoreboard(), from: 'new', clockKnown: true };
}

/** Sets the clock to show `remainingMs` now, running or standing as it was. */
export function withRemaining(state: ScoreboardState, remainingMs: number, now: number): ScoreboardState {
  const remaining = Math.min(GAME_MS, Math.max(0, Math.round(remainingMs)));
  return { ...state, elapsedMs: GAME_MS - remaining, runningSince: state.runningSince === null ? null : now };
}

/** The live payload (`PUT /api/matches/:id/live`) and the result once the game is over: each ball's points. */
export const ballsPayload = (state: ScoreboardState, now: number): { balls: [number[], number[]] } => scoreboardView(state, now).result;

/** Gates and pole of a ball as four steps for the screen: passed or not. */
export function ballSteps(progress: number): [boolean, boolean, boolean, boolean] {
  return [progress >= 1, progress >= 2, progress >= 3, progress >= POLE];
}
