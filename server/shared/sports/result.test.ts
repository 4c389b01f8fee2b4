import { describe, expect, it } from 'vitest';
import { validateLiveScore, validateMatchResult } from './result.ts';
import { toEngineResult, winnerIdOf } from './outcome.ts';

const sides = ['p1', 'p2'] as const;

describe('validateMatchResult', () => {
  it('table tennis: a win names the winner', () => {
    const checked = validateMatchResult({ games: [[11, 7], [9, 11], [11, 9], [11, 4]] }, { sport: 'table_tennis', sides, bestOf: 5 });
    expect(checked).toMatchObject({ ok: true, outcome: { kind: 'win', winnerSide: 1 }, winnerId: 'p1', detail: { sport: 'table_tennis', team: false } });
  });

  it('table tennis defaults to best of 5', () => {
    expect(validateMatchResult({ games: [[11, 7], [11, 7]] }, { sport: 'table_tennis', sides })).toMatchObject({ ok: false, rule: 'match_not_finished' });
    expect(validateMatchResult({ games: [[11, 7], [11, 7]] }, { sport: 'table_tennis', sides, bestOf: 3 })).toMatchObject({ ok: true });
  });

  it('table tennis team events take rubbers', () => {
    const won = { games: [[11, 1], [11, 1], [11, 1]] };
    expect(validateMatchResult({ rubbers: [won, won, won] }, { sport: 'table_tennis', team: true, sides }))
      .toMatchObject({ ok: true, winnerId: 'p1', detail: { team: true } });
  });

  it('gateball: a draw has no winner; the preset defaults to agari_gates', () => {
    expect(validateMatchResult({ score: [12, 12] }, { sport: 'gateball', sides })).toMatchObject({ ok: true, outcome: { kind: 'draw' }, winnerId: null });
    expect(validateMatchResult({ balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] }, { sport: 'gateball', sides }))
      .toMatchObject({ ok: true, winnerId: 'p2', detail: { result: { decidedBy: 'pole' } } });
    expect(validateMatchResult({ balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] }, { sport: 'gateball', sides, gateballGame: 'gates' }))
      .toMatchObject({ ok: true, winnerId: 'p1' });
    expect(validateMatchResult({ score: [4, 26] }, { sport: 'gateball', sides })).toMatchObject({ ok: false, rule: 'team_over_25' });
  });

  it('walkovers name the winner for either sport', () => {
    expect(validateMatchResult({ walkover: 'p2' }, { sport: 'gateball', sides })).toMatchObject({ ok: true, winnerId: 'p2', outcome: { kind: 'walkover' } });
    expect(validateMatchResult({ walkover: 'p1' }, { sport: 'table_tennis', sides })).toMatchObject({ ok: true, winnerId: 'p1' });
    expect(validateMatchResult({ walkover: 'p1' }, { sport: 'table_tennis', team: true, sides })).toMatchObject({ ok: true, winnerId: 'p1' });
    expect(validateMatchResult({ games: [] }, { sport: 'table_tennis', team: true, sides })).toMatchObject({ ok: false, rule: 'invalid_shape' });
    expect(validateMatchResult({ walkover: 'p3' }, { sport: 'gateball', sides })).toMatchObject({ ok: false, rule: 'walkover_not_a_side' });
  });

  it('toEngineResult gives the bracket engine a 0-based side, a draw as null, and the walkover flag', () => {
    expect(toEngineResult({ kind: 'win', winnerSide: 1 })).toEqual({ winner: 0, walkover: false });
    expect(toEngineResult({ kind: 'walkover', winnerSide: 2, winnerId: 'b' })).toEqual({ winner: 1, walkover: true });
    expect(toEngineResult({ kind: 'draw' })).toEqual({ winner: null, walkover: false });
  });

  it('winnerIdOf reads the side, or the walkover id', () => {
    expect(winnerIdOf({ kind: 'win', winnerSide: 2 }, ['a', 'b'])).toBe('b');
    expect(winnerIdOf({ kind: 'win', winnerSide: 2 }, ['a', null])).toBeNull();
    expect(winnerIdOf({ kind: 'draw' }, ['a', 'b'])).toBeNull();
    expect(winnerIdOf({ kind: 'walkover', winnerSide: 1, winnerId: 'a' }, ['a', 'b'])).toBe('a');
  });
});

describe('validateLiveScore', () => {
  it('table tennis: possible so far', () => {
    expect(validateLiveScore({ games: [[11, 9]], current: [4, 6] }, { sport: 'table_tennis', sides })).toMatchObject({ ok: true });
    expect(validateLiveScore({ games: [], current: [12, 5] }, { sport: 'table_tennis', sides })).toMatchObject({ ok: false, rule: 'game_overplayed' });
    expect(validateLiveScore({ rubbers: [], current: { games: [], current: [3, 3] } }, { sport: 'table_tennis', team: true, sides }))
      .toMatchObject({ ok: true });
    expect(validateLiveScore({ rubbers: 1 }, { sport: 'table_tennis', team: true, sides })).toMatchObject({ ok: false });
  });

  it('gateball: any legal balls or totals, never a walkover', () => {
    expect(validateLiveScore({ balls: [[1, 0, 0, 0, 0], [0, 0, 0, 0, 0]] }, { sport: 'gateball', sides }))
      .toMatchObject({ ok: true, detail: { live: { score: [1, 0] } } });
    expect(validateLiveScore({ balls: [[4, 0, 0, 0, 0], [0, 0, 0, 0, 0]] }, { sport: 'gateball', sides })).toMatchObject({ ok: false, rule: 'ball_points_impossible' });
    expect(validateLiveScore({ walkover: 'p1' }, { sport: 'gateball', sides })).toMatchObject({ ok: false, rule: 'walkover_not_live' });
  });
});
