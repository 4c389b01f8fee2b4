import { describe, expect, it } from 'vitest';
import type { MatchSides } from './outcome.ts';
import type { GameScore } from './table-tennis.ts';
import { TEAM_ORDERS, validateTeamMatchLive, validateTeamMatchResult } from './table-tennis-team.ts';

const sides: MatchSides = ['team-a', 'team-b'];
const won1: GameScore[] = [[11, 5], [11, 5], [11, 5]];
const won2: GameScore[] = [[5, 11], [5, 11], [5, 11]];
const check = (rubbers: unknown) => validateTeamMatchResult({ rubbers }, { bestOf: 5, sides });

function refused(value: { ok: boolean }): { rule: string; message: string; messageZh: string; rubber?: number; game?: number } {
  if (value.ok) throw new Error('accepted');
  return value as never;
}

describe('a table tennis team match', () => {
  it('lists the two playing orders of docs/rules.md', () => {
    expect(TEAM_ORDERS.five_singles).toEqual([['A', 'X'], ['B', 'Y'], ['C', 'Z'], ['A', 'Y'], ['B', 'X']]);
    expect(TEAM_ORDERS.doubles_first).toHaveLength(5);
    expect(TEAM_ORDERS.doubles_first[0]?.[0]).toContain('+');
  });

  it('stops at 3 rubbers won and totals rubbers, games and points', () => {
    const ok = check([{ games: won1 }, { games: won2 }, { games: won1 }, { games: [[11, 9], [9, 11], [11, 9], [11, 9]] }]);
    expect(ok).toMatchObject({
      ok: true, outcome: { kind: 'win', winnerSide: 1 }, rubbersWon: [3, 1], gamesWon: [9, 4],
      pointsWon: [33 + 15 + 33 + 42, 15 + 33 + 15 + 38],
    });
    expect(check([{ games: won2 }, { games: won2 }, { games: won2 }])).toMatchObject({ ok: true, outcome: { winnerSide: 2 }, rubbersWon: [0, 3] });
    expect(check([{ games: won1 }, { games: won2 }, { games: won1 }, { games: won2 }, { games: won2 }]))
      .toMatchObject({ ok: true, outcome: { winnerSide: 2 }, rubbersWon: [2, 3] });
  });

  it('refuses a rubber after the team match is decided', () => {
    const error = refused(check([{ games: won1 }, { games: won1 }, { games: won1 }, { games: won2 }]));
    expect(error).toMatchObject({ rule: 'rubber_after_match_over', rubber: 4 });
    expect(error.message).toMatch(/^Rubber 4 cannot have been played/);
    expect(error.messageZh).toMatch(/^第 4 场不应进行/);
  });

  it('refuses a team match that is not finished', () => {
    expect(refused(check([{ games: won1 }, { games: won2 }]))).toMatchObject({ rule: 'team_match_not_finished' });
    expect(refused(check([]))).toMatchObject({ rule: 'team_match_not_finished' });
  });

  it('applies the game rules inside each rubber, naming rubber and game', () => {
    const error = refused(check([{ games: won1 }, { games: [[11, 5], [11, 10], [11, 5]] }]));
    expect(error).toMatchObject({ rule: 'game_not_finished', rubber: 2, game: 2 });
    expect(error.message).toMatch(/^Rubber 2, game 2 \(11–10\)/);
    expect(error.messageZh).toMatch(/^第 2 场第 2 局/);
    expect(refused(check([{ games: [[11, 5], [11, 5]] }]))).toMatchObject({ rule: 'match_not_finished', rubber: 1 });
    expect(refused(check([{ games: [...won1, [11, 2]] }]))).toMatchObject({ rule: 'game_after_match_over', rubber: 1, game: 4 });
  });

  it('accepts a walkover and refuses odd payloads', () => {
    expect(validateTeamMatchResult({ walkover: 'team-b' }, { bestOf: 5, sides })).toMatchObject({
      ok: true, outcome: { kind: 'walkover', winnerSide: 2, winnerId: 'team-b' }, rubbersWon: [0, 0],
    });
    expect(refused(validateTeamMatchResult({ walkover: 'x' }, { bestOf: 5, sides })).rule).toBe('walkover_not_a_side');
    expect(refused(validateTeamMatchResult({ games: won1 }, { bestOf: 5, sides })).rule).toBe('invalid_shape');
    expect(refused(validateTeamMatchResult({ rubbers: 3 }, { bestOf: 5, sides })).rule).toBe('invalid_shape');
    expect(refused(validateTeamMatchResult({ rubbers: [], walkover: 'team-a' }, { bestOf: 5, sides })).rule).toBe('invalid_shape');
    expect(refused(check([7]))).toMatchObject({ rule: 'invalid_shape', rubber: 1 });
    expect(refused(check([{ games: 'no' }]))).toMatchObject({ rule: 'invalid_shape', rubber: 1 });
  });
});

describe('a live team match', () => {
  const live = (payload: unknown) => validateTeamMatchLive(payload, { bestOf: 5 });

  it('accepts finished rubbers and the rubber in play', () => {
    expect(live({ rubbers: [{ games: won1 }], current: { games: [[11, 8]], current: [3, 2] } })).toMatchObject({
      ok: true, rubbersWon: [1, 0], current: { games: [[11, 8]], current: [3, 2] }, decidedFor: null,
    });
    expect(live({ rubbers: [] })).toMatchObject({ ok: true, current: null });
    expect(live({ rubbers: [{ games: won1 }, { games: won1 }, { games: won1 }] })).toMatchObject({ ok: true, decidedFor: 1 });
  });

  it('refuses a rubber in play that is impossible', () => {
    expect(refused(live({ rubbers: [{ games: won1 }, { games: won1 }, { games: won1 }], current: { games: [] } })))
      .toMatchObject({ rule: 'rubber_after_match_over', rubber: 4 });
    const bad = refused(live({ rubbers: [], current: { games: [[11, 10]] } }));
    expect(bad).toMatchObject({ rule: 'game_not_finished', rubber: 1 });
    expect(bad.message).toMatch(/^Rubber 1: Game 1/);
    expect(refused(live({ rubbers: [], current: { games: won1 } }))).toMatchObject({ rule: 'current_game_finished', rubber: 1 });
    expect(refused(live({ rubbers: [{ games: [[11, 2]] }] }))).toMatchObject({ rule: 'match_not_finished', rubber: 1 });
    expect(refused(live({ current: {} })).rule).toBe('invalid_shape');
  });
});
