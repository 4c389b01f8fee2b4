/**
 * The live gateball scoreboard as a pure reducer: every function takes the state (and `now`, in milliseconds,
 * where time matters) and returns a new state; there are no timers. The screen calls `scoreboardView(state, now)`
 * as often as it likes to show the clock.
 *
 * Rules (docs/rules.md "Gateball"): balls 1–10 play in turn, red (odd) first; a ball's progress is gate 1, gate 2, gate 3, then
 * the pole (0→1→2→3→pole, worth 0, 1, 2, 3, 5 points). A ball at the pole has finished and its turns are skipped.
 * A team whose five balls all finish ends the game at once. The game lasts 30 minutes; when time runs out the
 * turn in play finishes, and if it was red's, the next white ball still plays once, then the game ends.
 */
import { BALL_POINTS } from './gateball.ts';

export const GAME_MS = 30 * 60 * 1000;
export const POLE = 4;

export type GateballPhase = 'not_started' | 'playing' | 'last_white_turn' | 'over';
export type GateballEndReason = 'time_up' | 'red_finished' | 'white_finished';

interface Play {
  /** Progress of balls 1–10 (index = ball − 1): 0 none, 1–3 gates passed, 4 at the pole. */
  readonly progress: readonly number[];
  /** The ball whose turn it is (1–10). */
  readonly turn: number;
  readonly phase: GateballPhase;
  readonly endReason: GateballEndReason | null;
  /** When the game ended (the clock stops showing time after it). */
  readonly endedAt: number | null;
}

export interface ScoreboardState extends Play {
  /** Playing time before the clock last started; `runningSince` is `null` while the clock stands. */
  readonly elapsedMs: number;
  readonly runningSince: number | null;
  /** Earlier plays for undo; clock starts and pauses are not undone (real time went on). */
  readonly history: readonly Play[];
}

export function newScoreboard(): ScoreboardState {
  return {
    progress: Array.from({ length: 10 }, () => 0), turn: 1, phase: 'not_started', endReason: null, endedAt: null,
    elapsedMs: 0, runningSince: null, history: [],
  };
}

export function elapsedMs(state: ScoreboardState, now: number): number {
  const until = state.endedAt === null ? now : Math.min(now, state.endedAt);
  return state.elapsedMs + (state.runningSince === null ? 0 : Math.max(0, until - state.runningSince));
}

export function remainingMs(state: ScoreboardState, now: number): number {
  return Math.max(0, GAME_MS - elapsedMs(state, now));
}

export function isTimeUp(state: ScoreboardState, now: number): boolean {
  return elapsedMs(state, now) >= GAME_MS;
}

/** Starts the game and its clock: ball 1 (red) plays first. */
export function startGame(state: ScoreboardState, now: number): ScoreboardState {
  if (state.phase !== 'not_started') return state;
  return { ...state, phase: 'playing', runningSince: now };
}

/** Stops the clock (an injury, a referee's consultation). */
export function pauseClock(state: ScoreboardState, now: number): ScoreboardState {
  if (state.runningSince === null || state.phase === 'over') return state;
  return { ...state, elapsedMs: elapsedMs(state, now), runningSince: null };
}

export function resumeClock(state: ScoreboardState, now: number): ScoreboardState {
  if (state.runningSince !== null || state.phase === 'not_started' || state.phase === 'over') return state;
  return { ...state, runningSince: now };
}

function play(state: ScoreboardState): Play {
  const { progress, turn, phase, endReason, endedAt } = state;
  return { progress, turn, phase, endReason, endedAt };
}

function withPlay(state: ScoreboardState, next: Partial<Play>): ScoreboardState {
  return { ...state, ...next, history: [...state.history, play(state)] };
}

/** 1 for red (odd balls), 2 for white. */
export function teamOf(ball: number): 1 | 2 {
  return ball % 2 === 1 ? 1 : 2;
}

function teamFinished(progress: readonly number[], team: 1 | 2): boolean {
  return progress.every((p, i) => teamOf(i + 1) !== team || p === POLE);
}

/**
 * Ball `ball` passes its next gate, or hits the pole after gate 3. Any ball may move at any time while the game
 * is in play (a ball can be driven through by another's stroke; whether it counts is the referee's call).
 * The fifth ball of a team reaching the pole ends the game.
 */
export function advanceBall(state: ScoreboardState, ball: number, now: number): ScoreboardState {
  const current = state.progress[ball - 1];
  if (current === undefined || current >= POLE || (state.phase !== 'playing' && state.phase !== 'last_white_turn')) return state;
  const progress = state.progress.map((p, i) => (i === ball - 1 ? p + 1 : p));
  const team = teamOf(ball);
  if (teamFinished(progress, team)) {
    return withPlay(state, { progress, phase: 'over', endReason: team === 1 ? 'red_finished' : 'white_finished', endedAt: now });
  }
  return withPlay(state, { progress });
}

/** The next ball after `ball` in the order 1–10 that has not finished and matches `accept`. */
function nextBall(progress: readonly number[], ball: number, accept: (b: number) => boolean): number | null {
  for (let step = 1; step <= 10; step++) {
    const b = ((ball - 1 + step) % 10) + 1;
    if (progress[b - 1] !== POLE && accept(b)) return b;
  }
  return null;
}

/**
 * The turn in play ends at `now`. If time is up by then, this was the turn in play when time ran out: after a
 * white turn the game ends; after a red turn the next white ball that has not finished plays once more.
 */
export function endTurn(state: ScoreboardState, now: number): ScoreboardState {
  if (state.phase === 'last_white_turn') return withPlay(state, { phase: 'over', endReason: 'time_up', endedAt: now });
  if (state.phase !== 'playing') return state;
  if (isTimeUp(state, now)) {
    const white = teamOf(state.turn) === 1 ? nextBall(state.progress, state.turn, (b) => teamOf(b) === 2) : null;
    if (white === null) return withPlay(state, { phase: 'over', endReason: 'time_up', endedAt: now });
    return withPlay(state, { phase: 'last_white_turn', turn: white });
  }
  // A team still in play has an unfinished ball, so there is always a next ball here.
  return withPlay(state, { turn: nextBall(state.progress, state.turn, () => true) ?? state.turn });
}

/** Takes back the last ball movement or end of turn (the clock is left as it is). */
export function undo(state: ScoreboardState): ScoreboardState {
  const previous = state.history.at(-1);
  if (previous === undefined) return state;
  return { ...state, ...previous, history: state.history.slice(0, -1) };
}

export type ClockStatus = 'not_started' | 'running' | 'paused' | 'time_up_play_continues' | 'over';

export interface ScoreboardView {
  balls: Array<{ ball: number; team: 'red' | 'white'; gates: number; atPole: boolean; points: number }>;
  /** Red first. */
  totals: [number, number];
  /** The ball in play, or `null` before the start and after the end. */
  turn: number | null;
  remainingMs: number;
  /** "MM:SS" counting down from 30:00, rounded up so "00:00" means time is up. */
  clock: string;
  status: ClockStatus;
  /** True during the white ball's extra turn after time ran out in a red turn. */
  lastTurn: boolean;
  endReason: GateballEndReason | null;
  /** Each team's points per ball in ball order, ready for `validateGateballResult({balls})`. */
  result: { balls: [number[], number[]] };
}

export function scoreboardView(state: ScoreboardState, now: number): ScoreboardView {
  const balls = state.progress.map((p, i) => ({
    ball: i + 1, team: teamOf(i + 1) === 1 ? 'red' as const : 'white' as const, gates: Math.min(p, 3), atPole: p === POLE,
    points: BALL_POINTS[p] ?? 0,
  }));
  const red = balls.filter((b) => b.team === 'red').map((b) => b.points);
  const white = balls.filter((b) => b.team === 'white').map((b) => b.points);
  const left = remainingMs(state, now);
  const seconds = Math.ceil(left / 1000);
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  let status: ClockStatus;
  if (state.phase === 'not_started' || state.phase === 'over') status = state.phase;
  else if (left === 0) status = 'time_up_play_continues';
  else status = state.runningSince === null ? 'paused' : 'running';
  return {
    balls, totals: [sum(red), sum(white)], turn: state.phase === 'playing' || state.phase === 'last_white_turn' ? state.turn : null,
    remainingMs: left, clock, status, lastTurn: state.phase === 'last_white_turn', endReason: state.endReason,
    result: { balls: [red, white] },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
