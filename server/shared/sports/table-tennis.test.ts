import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchSides } from './outcome.ts';
import {
  type BestOf, type GameScore, gameStatus, gamesToWin, validateTableTennisLive, validateTableTennisResult,
} from './table-tennis.ts';

const sides: MatchSides = ['p1', 'p2'];
const result = (games: unknown, bestOf: BestOf = 5) => validateTableTennisResult({ games }, { bestOf, sides });
const live = (payload: unknown, bestOf: BestOf = 5) => validateTableTennisLive(payload, { bestOf });

function refused(value: { ok: boolean }): { rule: string; message: string; messageZh: string; game?: number } {
  if (value.ok) throw new Error('accepted');
  return value as never;
}

describe('a table tennis game', () => {
  it.each([
    [11, 0], [11, 9], [9, 11], [12, 10], [10, 12], [13, 11], [20, 18], [0, 11],
  ])('%i–%i is a finished game', (a, b) => {
    expect(gameStatus(a, b).status).toBe('won');
  });

  it.each([[11, 10], [10, 10], [12, 11], [10, 9], [0, 0], [10, 0]])('%i–%i is not finished', (a, b) => {
    expect(gameStatus(a, b).status).toBe('in_progress');
  });

  it.each([[14, 10], [12, 9], [13, 0], [15, 11], [9, 12], [10, 13]])('%i–%i could not have been reached', (a, b) => {
    expect(gameStatus(a, b).status).toBe('overplayed');
  });

  it('names the game and the rule when a game is not finished', () => {
    const error = refused(result([[11, 7], [11, 10], [11, 5]]));
    expect(error).toMatchObject({ rule: 'game_not_finished', game: 2 });
    expect(error.message).toMatch(/^Game 2 \(11–10\) is not finished/);
    expect(error.messageZh).toMatch(/^第 2 局（11:10）尚未结束/);
  });

  it('says where an overplayed game would have ended', () => {
    const past = refused(result([[14, 10], [11, 5], [11, 5]]));
    expect(past).toMatchObject({ rule: 'game_overplayed', game: 1 });
    expect(past.message).toContain('12–10 or 14–12');
    const early = refused(result([[11, 5], [9, 12], [11, 5]]));
    expect(early).toMatchObject({ rule: 'game_overplayed', game: 2 });
    expect(early.message).toContain('would have ended at 9–11');
    expect(early.messageZh).toContain('9:11');
  });

  it('refuses points that are not whole numbers', () => {
    expect(refused(result([[11, 7], [11, -1], [11, 3]]))).toMatchObject({ rule: 'invalid_points', game: 2 });
    expect(refused(result([[11, 7.5]]))).toMatchObject({ rule: 'invalid_points', game: 1 });
    expect(refused(result([[11, '7']]))).toMatchObject({ rule: 'invalid_points', game: 1 });
    expect(refused(result([[11, 7, 1]]))).toMatchObject({ rule: 'invalid_shape', game: 1 });
  });
});

describe('a table tennis match', () => {
  it('accepts the contract example and reports games, points and the winner', () => {
    const ok = result([[11, 7], [9, 11], [11, 9], [11, 4]]);
    expect(ok).toEqual({
      ok: true, outcome: { kind: 'win', winnerSide: 1 }, games: [[11, 7], [9, 11], [11, 9], [11, 4]],
      gamesWon: [3, 1], pointsWon: [42, 31],
    });
  });

  it.each([[3, 2], [5, 3], [7, 4]] as const)('best of %i is won with %i games', (bestOf, need) => {
    expect(gamesToWin(bestOf)).toBe(need);
    const games = Array.from({ length: need }, (): GameScore => [5, 11]);
    expect(result(games, bestOf)).toMatchObject({ ok: true, outcome: { kind: 'win', winnerSide: 2 } });
    expect(refused(result(games.slice(1), bestOf))).toMatchObject({ rule: 'match_not_finished' });
  });

  it('refuses a game after the majority, naming it', () => {
    const error = refused(result([[11, 1], [11, 2], [11, 3], [3, 11]]));
    expect(error).toMatchObject({ rule: 'game_after_match_over', game: 4 });
    expect(error.message).toMatch(/Game 4 \(3–11\) cannot have been played: side 1 had already won 3 games of a best of 5/);
    expect(error.messageZh).toMatch(/第 4 局/);
    expect(refused(result([[11, 1], [11, 2], [5, 11]], 3))).toMatchObject({ rule: 'game_after_match_over', game: 3 });
  });

  it('refuses an unfinished match, saying how the games stand', () => {
    const error = refused(result([[11, 1], [7, 11], [11, 8], [6, 11]], 5));
    expect(error.rule).toBe('match_not_finished');
    expect(error.message).toContain('2–2');
    expect(refused(result([], 5)).rule).toBe('match_not_finished');
  });

  it('accepts a walkover that names one of the players', () => {
    expect(validateTableTennisResult({ walkover: 'p2' }, { bestOf: 5, sides })).toEqual({
      ok: true, outcome: { kind: 'walkover', winnerSide: 2, winnerId: 'p2' }, games: [], gamesWon: [0, 0], pointsWon: [0, 0],
    });
    for (const payload of [{ walkover: 'p9' }, { walkover: 3 }, { walkover: '' }]) {
      expect(refused(validateTableTennisResult(payload, { bestOf: 5, sides })).rule).toBe('walkover_not_a_side');
    }
    expect(refused(validateTableTennisResult({ walkover: 'p1' }, { bestOf: 5, sides: [null, 'p2'] })).rule)
      .toBe('walkover_not_a_side');
  });

  it('refuses payloads of the wrong form', () => {
    for (const payload of [null, 7, [], {}, { games: 'x' }, { games: [[11, 3]], walkover: 'p1' }]) {
      const error = refused(validateTableTennisResult(payload, { bestOf: 5, sides }));
      expect(error.rule).toBe('invalid_shape');
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.messageZh.length).toBeGreaterThan(10);
    }
  });
});

describe('a live table tennis score', () => {
  it('accepts what is possible so far', () => {
    expect(live({ games: [], current: [0, 0] })).toMatchObject({ ok: true, current: [0, 0], decidedFor: null });
    expect(live({ games: [[11, 9]], current: [10, 10] })).toMatchObject({ ok: true, gamesWon: [1, 0], current: [10, 10] });
    expect(live({ games: [[11, 9]], current: [14, 13] })).toMatchObject({ ok: true });
    expect(live({ games: [[11, 9]] })).toMatchObject({ ok: true, current: null });
  });

  it('shows a decided match with no game in play', () => {
    expect(live({ games: [[11, 9], [11, 9]] }, 3)).toMatchObject({ ok: true, decidedFor: 1, current: null });
    expect(live({ games: [[11, 9], [11, 9]], current: [0, 0] }, 3)).toMatchObject({ ok: true, decidedFor: 1, current: null });
    expect(refused(live({ games: [[11, 9], [11, 9]], current: [1, 0] }, 3))).toMatchObject({ rule: 'game_after_match_over', game: 3 });
  });

  it('refuses a current game that is over or past its end', () => {
    expect(refused(live({ games: [], current: [11, 5] }))).toMatchObject({ rule: 'current_game_finished', game: 1 });
    expect(refused(live({ games: [[5, 11]], current: [12, 5] }))).toMatchObject({ rule: 'game_overplayed', game: 2 });
    expect(refused(live({ games: [[5, 11]], current: [1] }))).toMatchObject({ rule: 'invalid_shape', game: 2 });
  });

  it('applies the game rules to the finished games', () => {
    expect(refused(live({ games: [[11, 10]], current: [0, 0] }))).toMatchObject({ rule: 'game_not_finished', game: 1 });
    expect(refused(live({ current: [0, 0] })).rule).toBe('invalid_shape');
  });
});

// ---- Properties: matches simulated point by point, and corrupted by one point. ----

/** Independent oracle: a finished score is one reached by rallies from 0–0 where the last rally ended the game. */
const over = (a: number, b: number): boolean => Math.max(a, b) >= 11 && Math.abs(a - b) >= 2;
const memo = new Map<string, boolean>();
function reachable(a: number, b: number): boolean {
  if (a < 0 || b < 0) return false;
  if (a === 0 && b === 0) return true;
  const key = `${a}:${b}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = (a > 0 && !over(a - 1, b) && reachable(a - 1, b)) || (b > 0 && !over(a, b - 1) && reachable(a, b - 1));
  memo.set(key, value);
  return value;
}
function oracleValid(games: GameScore[], bestOf: BestOf): boolean {
  const won = [0, 0];
  for (const [i, [a, b]] of games.entries()) {
    if (!over(a, b) || !reachable(a, b)) return false;
    won[a > b ? 0 : 1]! += 1;
    const decided = Math.max(won[0]!, won[1]!) === (bestOf + 1) / 2;
    if (decided !== (i === games.length - 1)) return false;
  }
  return games.length > 0;
}

/** Plays rallies (true = side 1 wins it) until the match is over; when they run out, side 1 wins the rest. */
function simulate(bestOf: BestOf, rallies: boolean[]): GameScore[] {
  const games: GameScore[] = [];
  const won = [0, 0];
  let current: GameScore = [0, 0];
  let i = 0;
  while (Math.max(won[0]!, won[1]!) < (bestOf + 1) / 2) {
    const side1 = rallies[i++] ?? true;
    current = side1 ? [current[0] + 1, current[1]] : [current[0], current[1] + 1];
    if (over(current[0], current[1])) {
      games.push(current);
      won[current[0] > current[1] ? 0 : 1]! += 1;
      current = [0, 0];
    }
  }
  return games;
}

const bestOfArb = fc.constantFrom<BestOf>(3, 5, 7);
// Long alternating runs reach 10–10 and beyond often enough to exercise deuce.
const ralliesArb = fc.oneof(
  fc.array(fc.boolean(), { maxLength: 400 }),
  fc.array(fc.oneof(fc.constant([true, false]), fc.constant([false, true]), fc.constant([true]), fc.constant([false])), { maxLength: 200 })
    .map((chunks) => chunks.flat()),
);

describe('properties', () => {
  it('every match played rally by rally is valid, with the right winner and totals', () => {
    fc.assert(fc.property(bestOfArb, ralliesArb, (bestOf, rallies) => {
      const games = simulate(bestOf, rallies);
      const checked = result(games, bestOf);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      const last = games.at(-1)!;
      expect(checked.outcome).toEqual({ kind: 'win', winnerSide: last[0] > last[1] ? 1 : 2 });
      expect(checked.pointsWon).toEqual([games.reduce((s, g) => s + g[0], 0), games.reduce((s, g) => s + g[1], 0)]);
    }), { numRuns: 500 });
  });

  it('a one-point change is refused exactly when it breaks a rule', () => {
    fc.assert(fc.property(bestOfArb, ralliesArb, fc.nat(), fc.boolean(), fc.constantFrom(1, -1), (bestOf, rallies, at, first, delta) => {
      const games = simulate(bestOf, rallies);
      const index = at % games.length;
      const corrupted = games.map((g, i): GameScore => {
        if (i !== index) return [g[0], g[1]];
        return first ? [g[0] + delta, g[1]] : [g[0], g[1] + delta];
      });
      const checked = result(corrupted, bestOf);
      expect(checked.ok).toBe(oracleValid(corrupted, bestOf));
      if (!checked.ok) {
        expect(checked.game).toBe(index + 1);
        expect(checked.message).toContain(`Game ${index + 1}`);
        expect(checked.messageZh).toContain(`第 ${index + 1} 局`);
      }
    }), { numRuns: 1000 });
  });

  it('a game more or a game less is always refused', () => {
    fc.assert(fc.property(bestOfArb, ralliesArb, fc.boolean(), (bestOf, rallies, extra) => {
      const games = simulate(bestOf, rallies);
      const changed = extra ? [...games, [11, 3] as GameScore] : games.slice(0, -1);
      const checked = result(changed, bestOf);
      expect(checked.ok).toBe(false);
      expect(refused(checked).rule).toBe(extra ? 'game_after_match_over' : 'match_not_finished');
    }), { numRuns: 300 });
  });

  it('every score on the way is a valid live score', () => {
    fc.assert(fc.property(bestOfArb, ralliesArb, fc.nat(), (bestOf, rallies, cut) => {
      const games = simulate(bestOf, rallies);
      const index = cut % games.length;
      const game = games[index]!;
      const partial: GameScore = game[0] > game[1] ? [game[0] - 1, game[1]] : [game[0], game[1] - 1];
      expect(live({ games: games.slice(0, index), current: partial }, bestOf).ok).toBe(true);
    }), { numRuns: 300 });
  });

  it('any pair of scores is classified the same way as the rally oracle', () => {
    fc.assert(fc.property(fc.nat({ max: 30 }), fc.nat({ max: 30 }), (a, b) => {
      const status = gameStatus(a, b).status;
      const expected = !reachable(a, b) ? 'overplayed' : over(a, b) ? 'won' : 'in_progress';
      expect(status).toBe(expected);
    }), { numRuns: 2000 });
  });
});
