/**
 * A gateball game in play as the referee's tablet sends it (`PUT /api/matches/:id/live`) and the hall screens
 * show it (docs/rules.md "Gateball": each ball's progress, team totals, whose turn, the clock from 30:00 down and
 * "time up, play continues"):
 *
 *   {balls: [[red 1,3,5,7,9], [white 2,4,6,8,10]]} or {score: [red, white]}   (the same rules as a result)
 *   turn?:  1–10, the ball in play, or null (before the start, after the end)
 *   clock?: {remainingMs: 0–1 800 000, running: boolean, at?: ISO instant when remainingMs was read}
 *   phase?: 'not_started' | 'playing' | 'last_white_turn' | 'over'  (the scoreboard's, gateball-scoreboard.ts)
 *
 * Every refusal names the field and says what is allowed, in English and Chinese (the tablet shows the Chinese).
 * The clock's `at` is kept only when it is close to the server's clock: a tablet whose clock is wrong would
 * otherwise make the hall's countdown wrong, so then the server's time of receipt stands in for it.
 */
import { GAME_MS, type GateballPhase } from './gateball-scoreboard.ts';
import { DEFAULT_GATEBALL_GAME_PRESET, type GateballResult, type GateballViolation, validateGateballResult } from './gateball.ts';
import { isRecord, type MatchSides, type RuleViolation, violation } from './outcome.ts';

export type GateballLiveRule = 'invalid_turn' | 'invalid_clock' | 'invalid_phase' | 'walkover_not_live' | 'not_gateball';
export type GateballLiveViolation = RuleViolation<GateballLiveRule>;

export interface GateballClockState {
  remainingMs: number;
  running: boolean;
  /** When `remainingMs` was read (ISO instant). */
  at: string;
}

export interface GateballLive {
  ok: true;
  balls: GateballResult['balls'];
  score: [number, number];
  turn: number | null;
  clock: GateballClockState | null;
  phase: GateballPhase | null;
  /** What is stored as `match.live` and sent to the screens. */
  stored: Record<string, unknown>;
}

/** How far the tablet's clock may be from the server's before the server's time is used instead. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;
const PHASES: readonly GateballPhase[] = ['not_started', 'playing', 'last_white_turn', 'over'];
/** Fields of a table tennis live score: sent for a gateball game they mean the pad has the wrong sport. */
const TABLE_TENNIS_FIELDS = ['games', 'current', 'rubbers', 'server', 'firstServer'];

function readTurn(value: unknown): number | null | GateballLiveViolation {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10) return value;
  return violation('invalid_turn',
    `"turn" is the number of the ball in play, a whole number from 1 to 10 (or null before the start and after the end), not ${JSON.stringify(value)}.`,
    `“轮到的球”须是正在击球的球号（1 到 10 的整数；开赛前和比赛结束后为空），而不是 ${JSON.stringify(value)}。`);
}

function clockProblem(what: string, whatZh: string): GateballLiveViolation {
  return violation('invalid_clock',
    `The clock is {remainingMs, running, at?}: ${what}.`,
    `计时须为 {remainingMs, running, at?}：${whatZh}。`);
}

function readClock(value: unknown, now: number): GateballClockState | null | GateballLiveViolation {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return clockProblem(`got ${JSON.stringify(value)}`, `收到的是 ${JSON.stringify(value)}`);
  const extra = Object.keys(value).filter((k) => k !== 'remainingMs' && k !== 'running' && k !== 'at');
  if (extra.length > 0) return clockProblem(`"${extra[0]}" is not one of its fields`, `“${extra[0]}”不是计时的字段`);
  const { remainingMs, running, at } = value;
  if (typeof remainingMs !== 'number' || !Number.isInteger(remainingMs) || remainingMs < 0 || remainingMs > GAME_MS) {
    return clockProblem(
      `remainingMs is the time left in milliseconds, a whole number from 0 to ${GAME_MS} (a game lasts 30 minutes), not ${JSON.stringify(remainingMs)}`,
      `remainingMs 是剩余时间（毫秒），须是 0 到 ${GAME_MS} 的整数（一场比赛 30 分钟），而不是 ${JSON.stringify(remainingMs)}`);
  }
  if (typeof running !== 'boolean') {
    return clockProblem(`running is true or false (is the clock going), not ${JSON.stringify(running)}`,
      `running 须为 true 或 false（计时是否在走），而不是 ${JSON.stringify(running)}`);
  }
  let readAt = now;
  if (at !== undefined) {
    const ms = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    if (Number.isNaN(ms)) {
      return clockProblem(`at is the instant remainingMs was read, as an ISO date-time, not ${JSON.stringify(at)}`,
        `at 是读取剩余时间的时刻（ISO 日期时间），而不是 ${JSON.stringify(at)}`);
    }
    if (Math.abs(ms - now) <= CLOCK_SKEW_MS) readAt = ms;
  }
  return { remainingMs, running, at: new Date(readAt).toISOString() };
}

function readPhase(value: unknown): GateballPhase | null | GateballLiveViolation {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && (PHASES as readonly string[]).includes(value)) return value as GateballPhase;
  return violation('invalid_phase',
    `"phase" is one of ${PHASES.join(', ')}, not ${JSON.stringify(value)}.`,
    `“阶段”须是 ${PHASES.join('、')} 之一，而不是 ${JSON.stringify(value)}。`);
}

/** Validates a gateball live score; `now` is the server's clock (milliseconds). */
export function validateGateballLive(payload: unknown, ctx: { sides: MatchSides; now: number }): GateballLive | GateballLiveViolation | GateballViolation {
  if (isRecord(payload) && 'walkover' in payload) {
    return violation('walkover_not_live',
      'A walkover is a result, not a live score: send it as the result of the match.',
      '弃权是比赛结果，不是实时比分：请作为本场结果提交。');
  }
  const wrong = isRecord(payload) ? TABLE_TENNIS_FIELDS.find((k) => k in payload) : undefined;
  if (wrong) {
    return violation('not_gateball',
      `"${wrong}" belongs to a table tennis score; a gateball live score has balls (or score), turn, clock and phase.`,
      `“${wrong}”是乒乓球比分的字段；门球实时比分只有各球得分（或总分）、轮到的球、计时和阶段。`);
  }
  const rest = isRecord(payload) ? { ...payload } : payload;
  if (isRecord(rest)) for (const k of ['turn', 'clock', 'phase']) delete rest[k];
  const scored = validateGateballResult(rest, { sides: ctx.sides, preset: DEFAULT_GATEBALL_GAME_PRESET });
  if (!scored.ok) return scored;
  const body = payload as Record<string, unknown>;
  const turn = readTurn(body.turn);
  if (turn !== null && typeof turn !== 'number') return turn;
  const clock = readClock(body.clock, ctx.now);
  if (clock !== null && 'ok' in clock) return clock;
  const phase = readPhase(body.phase);
  if (phase !== null && typeof phase !== 'string') return phase;
  if (phase === 'last_white_turn' && turn !== null && turn % 2 === 1) {
    return violation('invalid_turn',
      `After time ran out in a red turn the last turn is a white ball's (an even number), not ball ${turn}.`,
      `红球回合中时间到后，最后一杆应由白球（双号球）击打，而不是 ${turn} 号球。`);
  }
  const stored: Record<string, unknown> = scored.balls ? { balls: scored.balls } : { score: scored.score };
  if (body.turn !== undefined) stored.turn = turn;
  if (clock) stored.clock = clock;
  if (phase) stored.phase = phase;
  return { ok: true, balls: scored.balls, score: scored.score, turn, clock, phase, stored };
}
