/**
 * Gateball results (docs/rules.md "Gateball"). Each ball scores 1 point for each of gates 1, 2, 3 passed in order
 * and 2 more for hitting the goal pole afterwards, so a ball has 0, 1, 2, 3 or 5 points (never 4) and a team of
 * five at most 25. Side 1 is red (balls 1, 3, 5, 7, 9), side 2 white (balls 2, 4, 6, 8, 10).
 *
 * A result is `{balls: [[red five], [white five]]}`, `{score: [red, white]}` or `{walkover: participantId}`.
 * Equal totals are decided by the tournament's preset (`tiebreak.gateballGame`):
 * - `agari_gates` (Japanese): more balls at the pole, then more through gate 3, then gate 2, else a draw;
 * - `gates` (Korean): more balls through gate 3, then gate 2, then gate 1, else a draw.
 * A ball at the pole has passed all three gates, so it counts for every gate. With `{score}` only, the gates
 * cannot be counted and equal totals are a draw.
 */
import {
  isCount, isRecord, type MatchOutcome, type MatchSides, readWalkover, type RuleViolation, type Side, violation,
} from './outcome.ts';

export type GateballGamePreset = 'agari_gates' | 'gates';
export const DEFAULT_GATEBALL_GAME_PRESET: GateballGamePreset = 'agari_gates';

export type GateballRule =
  | 'invalid_shape' | 'wrong_ball_count' | 'ball_points_impossible' | 'invalid_points' | 'team_over_25'
  | 'score_impossible' | 'walkover_not_a_side';
export type GateballViolation = RuleViolation<GateballRule>;

export type GateballDecidedBy = 'score' | 'pole' | 'gate3' | 'gate2' | 'gate1' | 'draw' | 'walkover';

/** Points a ball can have; its progress 0–4 (gates 1–3, then pole) indexes this list. */
export const BALL_POINTS = [0, 1, 2, 3, 5] as const;
export const BALLS_PER_TEAM = 5;
export const MAX_TEAM_POINTS = 25;

export type TeamBalls = [number, number, number, number, number];

export interface GateballResult {
  ok: true;
  outcome: MatchOutcome;
  /** Totals, red first ([0, 0] for a walkover). */
  score: [number, number];
  /** Each ball's points in ball order, red first; `null` when only totals were entered. */
  balls: [TeamBalls, TeamBalls] | null;
  decidedBy: GateballDecidedBy;
  /** One sentence for the screen saying how the game was decided. */
  explanation: { message: string; messageZh: string };
}

const TEAM_EN = ['red', 'white'] as const;
const TEAM_ZH = ['红队', '白队'] as const;

/** Ball number 1–10 of the `index`-th (0-based) ball of a side: red 1, 3, 5, 7, 9; white 2, 4, 6, 8, 10. */
export function ballNumber(side: Side, index: number): number {
  return index * 2 + side;
}

/** The steps that can break a tie on totals. */
export type GateballTieStep = Exclude<GateballDecidedBy, 'score' | 'draw' | 'walkover'>;
type Step = GateballTieStep;
const PRESET_STEPS: Record<GateballGamePreset, readonly Step[]> = {
  agari_gates: ['pole', 'gate3', 'gate2'],
  gates: ['gate3', 'gate2', 'gate1'],
};
const STEP_MIN_POINTS: Record<Step, number> = { pole: 5, gate3: 3, gate2: 2, gate1: 1 };
const STEP_EN: Record<Step, string> = {
  pole: 'balls that reached the pole', gate3: 'balls through gate 3', gate2: 'balls through gate 2', gate1: 'balls through gate 1',
};
const STEP_ZH: Record<Step, string> = { pole: '撞柱球数', gate3: '通过第三门的球数', gate2: '通过第二门的球数', gate1: '通过第一门的球数' };

/** How many of a team's balls got at least as far as a step (the pole counts as past every gate). */
export function ballsReaching(balls: readonly number[], step: Step): number {
  return balls.filter((points) => points >= STEP_MIN_POINTS[step]).length;
}

export type GameDecision =
  | { winnerSide: Side; decidedBy: Exclude<GateballDecidedBy, 'draw' | 'walkover'>; counts: [number, number] }
  | { winnerSide: null; decidedBy: 'draw'; counts: [number, number] };

/**
 * Decides a game from each ball's points: totals, then the preset's steps in order, else a draw. `counts` are
 * the totals, or the counts of balls at the deciding step.
 */
export function decideGame(balls: readonly [readonly number[], readonly number[]], preset: GateballGamePreset): GameDecision {
  const score: [number, number] = [sum(balls[0]), sum(balls[1])];
  if (score[0] !== score[1]) return { winnerSide: score[0] > score[1] ? 1 : 2, decidedBy: 'score', counts: score };
  for (const step of PRESET_STEPS[preset]) {
    const counts: [number, number] = [ballsReaching(balls[0], step), ballsReaching(balls[1], step)];
    if (counts[0] !== counts[1]) return { winnerSide: counts[0] > counts[1] ? 1 : 2, decidedBy: step, counts };
  }
  return { winnerSide: null, decidedBy: 'draw', counts: score };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function shape(): GateballViolation {
  return violation('invalid_shape',
    'A gateball result is {balls: [[red balls 1, 3, 5, 7, 9], [white balls 2, 4, 6, 8, 10]]} with each ball\'s points, {score: [red, white]}, or {walkover: participantId}.',
    '门球比赛结果须为 {balls: [[红队 1、3、5、7、9 号球], [白队 2、4、6、8、10 号球]]}（每个球的得分），或 {score: [红队, 白队]}，或 {walkover: 参赛者ID}。');
}

function readBalls(value: unknown): [TeamBalls, TeamBalls] | GateballViolation {
  if (!Array.isArray(value) || value.length !== 2) return shape();
  const teams: TeamBalls[] = [];
  for (const [t, team] of (value as unknown[]).entries()) {
    const side: Side = t === 0 ? 1 : 2;
    if (!Array.isArray(team) || team.length !== BALLS_PER_TEAM) {
      return violation('wrong_ball_count',
        `The ${TEAM_EN[t]} team must have exactly ${BALLS_PER_TEAM} balls' points, one per ball in ball order (use 0 for a ball that scored nothing).`,
        `${TEAM_ZH[t]}须正好填写 ${BALLS_PER_TEAM} 个球的得分，按球号顺序每球一个（未得分的球填 0）。`);
    }
    for (const [i, points] of (team as unknown[]).entries()) {
      if (typeof points === 'number' && (BALL_POINTS as readonly number[]).includes(points)) continue;
      const ball = ballNumber(side, i);
      const four = points === 4;
      return violation('ball_points_impossible',
        four
          ? `Ball ${ball} (${TEAM_EN[t]}) cannot have 4 points: gates 1, 2 and 3 give 1 point each and the pole 2 more, so after 3 points the only next score is 5. Enter 3 or 5.`
          : `Ball ${ball} (${TEAM_EN[t]}) has ${JSON.stringify(points)} points, but a ball scores 0, 1, 2, 3 or 5 (1 for each of gates 1–3, and 2 more for the pole).`,
        four
          ? `${ball} 号球（${TEAM_ZH[t]}）不可能得 4 分：过第一、二、三门各得 1 分，撞柱再得 2 分，得 3 分之后只能是 5 分。请填 3 或 5。`
          : `${ball} 号球（${TEAM_ZH[t]}）的得分 ${JSON.stringify(points)} 不可能：每个球只能得 0、1、2、3 或 5 分（过第一至三门各 1 分，撞柱再得 2 分）。`,
        { ball });
    }
    teams.push(team as TeamBalls);
  }
  const [red, white] = teams as [TeamBalls, TeamBalls];
  return [red, white];
}

function readScore(value: unknown): [number, number] | GateballViolation {
  if (!Array.isArray(value) || value.length !== 2) return shape();
  for (const [t, total] of (value as unknown[]).entries()) {
    if (!isCount(total)) {
      return violation('invalid_points',
        `The ${TEAM_EN[t]} team's total must be a whole number of points from 0 to ${MAX_TEAM_POINTS}, not ${JSON.stringify(total)}.`,
        `${TEAM_ZH[t]}的总分须是 0 到 ${MAX_TEAM_POINTS} 的整数，而不是 ${JSON.stringify(total)}。`);
    }
    if (total > MAX_TEAM_POINTS) {
      return violation('team_over_25',
        `The ${TEAM_EN[t]} team cannot have ${total} points: five balls score at most 5 each, so a team has at most ${MAX_TEAM_POINTS}.`,
        `${TEAM_ZH[t]}不可能得 ${total} 分：五个球每球最多 5 分，全队最多 ${MAX_TEAM_POINTS} 分。`);
    }
    if (total === MAX_TEAM_POINTS - 1) {
      return violation('score_impossible',
        `The ${TEAM_EN[t]} team cannot have 24 points: with five balls of 0, 1, 2, 3 or 5 points, four balls at the pole make 20 and the fifth adds 0–3 or 5, giving 20–23 or 25.`,
        `${TEAM_ZH[t]}不可能得 24 分：每球只能得 0、1、2、3 或 5 分，四个球撞柱共 20 分，第五个球只能再加 0～3 分或 5 分，即 20～23 分或 25 分。`);
    }
  }
  return [value[0] as number, value[1] as number];
}

/** Validates and decides a gateball game. */
export function validateGateballResult(payload: unknown, ctx: { sides: MatchSides; preset: GateballGamePreset }):
  GateballResult | GateballViolation {
  const keys = isRecord(payload) ? ['balls', 'score', 'walkover'].filter((k) => k in payload) : [];
  if (keys.length !== 1 || !isRecord(payload)) return shape();
  const walkover = readWalkover(payload, ctx.sides);
  if (walkover) {
    if (!walkover.ok) return walkover;
    const t = walkover.outcome.winnerSide - 1;
    return {
      ok: true, outcome: walkover.outcome, score: [0, 0], balls: null, decidedBy: 'walkover',
      explanation: { message: `The ${TEAM_EN[t]} team wins by walkover.`, messageZh: `${TEAM_ZH[t]}不战而胜。` },
    };
  }
  if ('score' in payload) {
    const score = readScore(payload.score);
    if (!Array.isArray(score)) return score;
    if (score[0] !== score[1]) return decided(score, null, score[0] > score[1] ? 1 : 2, 'score', score);
    return {
      ok: true, outcome: { kind: 'draw' }, score, balls: null, decidedBy: 'draw',
      explanation: {
        message: `A draw at ${score[0]}–${score[1]}: only the totals were entered, so the balls at the pole and through the gates cannot be counted to break the tie. Enter each ball's points to apply the tie-break.`,
        messageZh: `${score[0]}:${score[1]} 平局：只录入了总分，无法比较撞柱和过门的球数。如需按规则决出胜负，请录入每个球的得分。`,
      },
    };
  }
  const balls = readBalls(payload.balls);
  if (!Array.isArray(balls)) return balls;
  const score: [number, number] = [sum(balls[0]), sum(balls[1])];
  const decision = decideGame(balls, ctx.preset);
  if (decision.winnerSide === null) {
    const steps = PRESET_STEPS[ctx.preset];
    return {
      ok: true, outcome: { kind: 'draw' }, score, balls, decidedBy: 'draw',
      explanation: {
        message: `A draw at ${score[0]}–${score[1]}: the teams are also level on ${steps.map((s) => STEP_EN[s]).join(', ')}.`,
        messageZh: `${score[0]}:${score[1]} 平局：双方的${steps.map((s) => STEP_ZH[s]).join('、')}也相同。`,
      },
    };
  }
  return decided(score, balls, decision.winnerSide, decision.decidedBy, decision.counts);
}

function decided(score: [number, number], balls: [TeamBalls, TeamBalls] | null, winnerSide: Side,
  decidedBy: Exclude<GateballDecidedBy, 'draw' | 'walkover'>, counts: [number, number]): GateballResult {
  const t = winnerSide - 1;
  const explanation = decidedBy === 'score'
    ? { message: `The ${TEAM_EN[t]} team wins ${score[0]}–${score[1]}.`, messageZh: `${TEAM_ZH[t]}以 ${score[0]}:${score[1]} 获胜。` }
    : {
      message: `Level at ${score[0]}–${score[1]}; the ${TEAM_EN[t]} team wins on ${STEP_EN[decidedBy]} (${counts[0]}–${counts[1]}).`,
      messageZh: `${score[0]}:${score[1]} 同分；${TEAM_ZH[t]}以${STEP_ZH[decidedBy]}（${counts[0]}:${counts[1]}）获胜。`,
    };
  return { ok: true, outcome: { kind: 'win', winnerSide }, score, balls, decidedBy, explanation };
}
