import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BALL_POINTS, ballNumber, decideGame, type GateballGamePreset, validateGateballResult } from './gateball.ts';
import type { MatchSides } from './outcome.ts';

const sides: MatchSides = ['red-team', 'white-team'];
const game = (payload: unknown, preset: GateballGamePreset = 'agari_gates') => validateGateballResult(payload, { sides, preset });
const balls = (red: number[], white: number[], preset: GateballGamePreset = 'agari_gates') => game({ balls: [red, white] }, preset);

function refused(value: { ok: boolean }): { rule: string; message: string; messageZh: string; ball?: number } {
  if (value.ok) throw new Error('accepted');
  return value as never;
}

describe('gateball ball numbers', () => {
  it('red plays the odd balls and white the even ones', () => {
    expect([0, 1, 2, 3, 4].map((i) => ballNumber(1, i))).toEqual([1, 3, 5, 7, 9]);
    expect([0, 1, 2, 3, 4].map((i) => ballNumber(2, i))).toEqual([2, 4, 6, 8, 10]);
  });
});

describe('a gateball result', () => {
  it('is decided by the totals first', () => {
    expect(balls([5, 5, 3, 2, 1], [5, 3, 1, 0, 0])).toMatchObject({
      ok: true, outcome: { kind: 'win', winnerSide: 1 }, score: [16, 9], decidedBy: 'score',
      explanation: { message: 'The red team wins 16–9.', messageZh: '红队以 16:9 获胜。' },
    });
    expect(game({ score: [17, 15] })).toMatchObject({ ok: true, outcome: { winnerSide: 1 }, score: [17, 15], balls: null, decidedBy: 'score' });
    expect(game({ score: [0, 25] })).toMatchObject({ ok: true, outcome: { winnerSide: 2 }, decidedBy: 'score' });
  });

  it('the contract example ties 11–11 and the two presets decide it differently', () => {
    const payload = { balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] };
    const agari = game(payload, 'agari_gates');
    expect(agari).toMatchObject({ ok: true, score: [11, 11], outcome: { kind: 'win', winnerSide: 2 }, decidedBy: 'pole' });
    if (agari.ok) expect(agari.explanation.message).toBe('Level at 11–11; the white team wins on balls that reached the pole (1–2).');
    expect(game(payload, 'gates')).toMatchObject({ ok: true, outcome: { kind: 'win', winnerSide: 1 }, decidedBy: 'gate2' });
  });

  describe('equal totals under "agari_gates": pole, then gate 3, then gate 2, else a draw', () => {
    it.each([
      ['pole', [5, 0, 0, 0, 0], [3, 1, 1, 0, 0], 1],
      ['gate3', [3, 3, 0, 0, 0], [3, 1, 1, 1, 0], 1],
      ['gate2', [3, 2, 1, 1, 0], [3, 2, 2, 0, 0], 2],
      ['draw', [5, 3, 2, 1, 0], [0, 1, 2, 3, 5], null],
    ] as const)('decided by %s', (step, red, white, winner) => {
      const checked = balls([...red], [...white], 'agari_gates');
      expect(checked).toMatchObject({ ok: true, decidedBy: step });
      if (checked.ok) expect(checked.outcome).toEqual(winner === null ? { kind: 'draw' } : { kind: 'win', winnerSide: winner });
    });

    it('explains a draw', () => {
      const checked = balls([3, 2, 1, 0, 0], [2, 3, 0, 1, 0]);
      expect(checked).toMatchObject({ ok: true, outcome: { kind: 'draw' }, decidedBy: 'draw' });
      if (checked.ok) {
        expect(checked.explanation.message).toBe(
          'A draw at 6–6: the teams are also level on balls that reached the pole, balls through gate 3, balls through gate 2.');
        expect(checked.explanation.messageZh).toContain('平局');
      }
    });
  });

  describe('equal totals under "gates": gate 3, then gate 2, then gate 1, else a draw', () => {
    it.each([
      ['gate3', [3, 3, 0, 0, 0], [2, 2, 2, 0, 0], 1],
      ['gate3', [5, 0, 0, 0, 0], [2, 2, 1, 0, 0], 1],
      ['gate2', [3, 2, 2, 0, 0], [3, 2, 1, 1, 0], 1],
      ['gate1', [5, 0, 0, 0, 0], [3, 1, 1, 0, 0], 2],
      ['draw', [5, 5, 1, 0, 0], [1, 0, 0, 5, 5], null],
    ] as const)('decided by %s', (step, red, white, winner) => {
      const checked = balls([...red], [...white], 'gates');
      expect(checked).toMatchObject({ ok: true, decidedBy: step });
      if (checked.ok) expect(checked.outcome).toEqual(winner === null ? { kind: 'draw' } : { kind: 'win', winnerSide: winner });
    });
  });

  it('with totals only, a tie is a draw and says why', () => {
    const checked = game({ score: [15, 15] }, 'gates');
    expect(checked).toMatchObject({ ok: true, outcome: { kind: 'draw' }, decidedBy: 'draw', balls: null });
    if (checked.ok) {
      expect(checked.explanation.message).toMatch(/only the totals were entered/);
      expect(checked.explanation.messageZh).toMatch(/只录入了总分/);
    }
  });

  it('refuses a ball with 4 points, naming the ball', () => {
    const error = refused(balls([5, 3, 2, 1, 0], [5, 4, 1, 0, 0]));
    expect(error).toMatchObject({ rule: 'ball_points_impossible', ball: 4 });
    expect(error.message).toMatch(/^Ball 4 \(white\) cannot have 4 points/);
    expect(error.messageZh).toMatch(/^4 号球（白队）不可能得 4 分/);
  });

  it.each([[6], [-1], [2.5], ['3'], [null]])('refuses a ball with %j points', (value) => {
    const error = refused(balls([5, 3, value as number, 1, 0], [0, 0, 0, 0, 0]));
    expect(error).toMatchObject({ rule: 'ball_points_impossible', ball: 5 });
    expect(error.message).toContain('0, 1, 2, 3 or 5');
  });

  it('refuses a team total above 25, and 24, which five balls cannot make', () => {
    const over = refused(game({ score: [26, 3] }));
    expect(over.rule).toBe('team_over_25');
    expect(over.message).toBe('The red team cannot have 26 points: five balls score at most 5 each, so a team has at most 25.');
    expect(over.messageZh).toBe('红队不可能得 26 分：五个球每球最多 5 分，全队最多 25 分。');
    expect(refused(game({ score: [3, 24] })).rule).toBe('score_impossible');
    expect(refused(game({ score: [3, -1] })).rule).toBe('invalid_points');
    expect(refused(game({ score: [3, 1.5] })).rule).toBe('invalid_points');
    expect(game({ score: [25, 23] }).ok).toBe(true);
  });

  it('needs exactly five balls a team', () => {
    expect(refused(balls([5, 3, 2, 1], [0, 0, 0, 0, 0]))).toMatchObject({ rule: 'wrong_ball_count' });
    expect(refused(balls([5, 3, 2, 1, 0, 0], [0, 0, 0, 0, 0])).message).toMatch(/red team must have exactly 5/);
    expect(refused(game({ balls: [[0, 0, 0, 0, 0]] })).rule).toBe('invalid_shape');
  });

  it('accepts a walkover for one of the teams', () => {
    expect(game({ walkover: 'white-team' })).toMatchObject({
      ok: true, outcome: { kind: 'walkover', winnerSide: 2, winnerId: 'white-team' }, decidedBy: 'walkover', score: [0, 0],
    });
    expect(refused(game({ walkover: 'someone' })).rule).toBe('walkover_not_a_side');
  });

  it('refuses payloads of the wrong form', () => {
    for (const payload of [null, [], {}, { score: [1, 2], balls: [] }, { score: 3 }, { goals: 3 }]) {
      const error = refused(game(payload));
      expect(error.rule).toBe('invalid_shape');
      expect(error.messageZh).toContain('门球');
    }
  });
});

const ballArb = fc.constantFrom(...BALL_POINTS);
const teamArb = fc.tuple(ballArb, ballArb, ballArb, ballArb, ballArb);

describe('properties', () => {
  it('every set of legal balls is accepted, totals at most 25, and swapping the teams swaps the winner', () => {
    fc.assert(fc.property(teamArb, teamArb, fc.constantFrom<GateballGamePreset>('agari_gates', 'gates'), (red, white, preset) => {
      const a = balls(red, white, preset);
      const b = balls(white, red, preset);
      if (!a.ok || !b.ok) throw new Error('refused');
      expect(Math.max(...a.score)).toBeLessThanOrEqual(25);
      expect(b.decidedBy).toBe(a.decidedBy);
      if (a.outcome.kind === 'win' && b.outcome.kind === 'win') expect(b.outcome.winnerSide).toBe(3 - a.outcome.winnerSide);
      else expect([a.outcome.kind, b.outcome.kind]).toEqual(['draw', 'draw']);
      // Equal totals always leave a draw exactly when the teams have the same balls at every stage.
      const same = (k: number) => red.filter((p) => p >= k).length === white.filter((p) => p >= k).length;
      if (a.decidedBy === 'draw') expect([1, 2, 3, 5].every(same)).toBe(true);
    }), { numRuns: 1000 });
  });

  it('the totals five balls can make are 0 to 25 except 24, and exactly those are accepted as a score', () => {
    const makeable = new Set<number>();
    for (const a of BALL_POINTS) for (const b of BALL_POINTS) for (const c of BALL_POINTS) for (const d of BALL_POINTS) {
      for (const e of BALL_POINTS) makeable.add(a + b + c + d + e);
    }
    for (let total = 0; total <= 30; total++) {
      expect(game({ score: [total, 0] }).ok).toBe(makeable.has(total));
    }
  });

  it('decideGame agrees with the result', () => {
    fc.assert(fc.property(teamArb, teamArb, (red, white) => {
      const decision = decideGame([red, white], 'gates');
      const checked = balls(red, white, 'gates');
      expect(checked.ok && checked.decidedBy).toBe(decision.decidedBy);
    }), { numRuns: 300 });
  });
});
