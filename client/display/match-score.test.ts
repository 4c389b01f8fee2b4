import { describe, expect, it } from 'vitest';
import { clockText, GATEBALL_GAME_MS, liveScore, matchScore, readClock, resultScore, sideNumbers } from './match-score.ts';

describe('table tennis scores', () => {
  it('reads the games, games won and the game in play from a live update', () => {
    expect(liveScore({ games: [[11, 7], [9, 11], [12, 10]], current: [5, 3] }, 'table_tennis', 0)).toEqual({
      kind: 'table_tennis',
      games: [[11, 7], [9, 11], [12, 10]],
      won: [2, 1],
      current: [5, 3],
      unit: 'games',
      rubber: null,
      server: null,
    });
    expect(liveScore({ games: [] }, 'table_tennis', 0)).toMatchObject({ won: [0, 0], current: null });
  });

  it('marks who serves: from the first server and the score, else as the pad says', () => {
    const serverOf = (live: unknown) => (liveScore(live, 'table_tennis', 0) as { server: 0 | 1 | null }).server;
    // Side 1 served first: 2 serves each (0–0, 1–0 side 1; 1–1, 2–1 side 2; 2–2 side 1).
    expect([[0, 0], [1, 0], [1, 1], [2, 1], [2, 2]].map((current) => serverOf({ games: [], current, firstServer: 1 }))).toEqual([0, 0, 1, 1, 0]);
    // From 10–10 one serve each; in game 2 the other side serves first.
    expect(serverOf({ games: [], current: [10, 10], firstServer: 1 })).toBe(0);
    expect(serverOf({ games: [], current: [11, 10], firstServer: 1 })).toBe(1);
    expect(serverOf({ games: [[11, 4]], current: [0, 0], firstServer: 1 })).toBe(1);
    // The score wins over a contradicting server; without a first server the pad's word; none once over.
    expect(serverOf({ games: [], current: [0, 0], firstServer: 2, server: 1 })).toBe(1);
    expect(serverOf({ games: [], current: [3, 3], server: 2 })).toBe(1);
    expect(serverOf({ games: [[11, 4], [11, 5]], current: null, firstServer: 1 })).toBeNull();
    expect(serverOf({ games: [], current: [3, 3] })).toBeNull();
  });

  it('reads a stored result, a team match and a walkover', () => {
    const result = { payload: { games: [[11, 5], [11, 7], [11, 9]] }, outcome: { kind: 'win', winnerSide: 1 } };
    expect(sideNumbers(resultScore(result, 'table_tennis'))).toEqual([3, 0]);
    const team = { payload: { rubbers: [{ games: [[11, 5], [11, 5], [11, 5]] }, { games: [[5, 11], [5, 11], [5, 11]] }] } };
    expect(resultScore(team, 'table_tennis')).toMatchObject({ unit: 'rubbers', won: [1, 1], games: [[3, 0], [0, 3]] });
    expect(resultScore({ payload: { walkover: 'p2' } }, 'table_tennis')).toEqual({ kind: 'walkover', winnerId: 'p2' });
    expect(sideNumbers(resultScore({ payload: { walkover: 'p2' } }, 'table_tennis'))).toBeNull();
  });

  it('reads a team match in play: rubbers won, and the rubber under way with its game in play', () => {
    const live = { rubbers: [{ games: [[11, 5], [11, 5], [11, 5]] }, { games: [[5, 11], [5, 11], [5, 11]] }, { games: [[11, 1], [11, 1], [11, 1]] }], current: { games: [[7, 11]], current: [4, 2] } };
    const score = liveScore(live, 'table_tennis', 0);
    expect(score).toMatchObject({ unit: 'rubbers', won: [2, 1], current: [4, 2], rubber: { number: 4, games: [[7, 11]], won: [0, 1] } });
    expect(sideNumbers(score)).toEqual([2, 1]);
    expect(liveScore({ rubbers: [] }, 'table_tennis', 0)).toMatchObject({ won: [0, 0], current: null, rubber: null });
  });

  it('shows nothing for shapes it does not know, rather than failing', () => {
    expect(liveScore(null, 'table_tennis', 0)).toBeNull();
    expect(liveScore({ games: [[11, 'x']] }, 'table_tennis', 0)).toBeNull();
    expect(liveScore({ points: 3 }, 'table_tennis', 0)).toBeNull();
    expect(resultScore('done', 'table_tennis')).toBeNull();
  });

  it('uses the live score while in play and the result once done', () => {
    const live = { games: [[11, 3]], current: [1, 0] };
    const result = { payload: { games: [[11, 3], [11, 4], [11, 5]] } };
    expect(matchScore({ status: 'live', live, result: null }, 'table_tennis', 0)).toMatchObject({ current: [1, 0] });
    expect(matchScore({ status: 'done', live: null, result }, 'table_tennis', 0)).toMatchObject({ won: [3, 0] });
    expect(matchScore({ status: 'ready', live: null, result: null }, 'table_tennis', 0)).toBeNull();
  });
});

describe('gateball scores', () => {
  it('turns each ball’s points into its progress (gates 1–3, pole) in ball order, red first', () => {
    const score = liveScore({ balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]], turn: 7 }, 'gateball', 0);
    expect(score).toMatchObject({ kind: 'gateball', totals: [11, 11], turn: 7, clock: null, over: false });
    // Balls 1..10: red 1 (5 → pole), white 2 (5 → pole), red 3 (3), white 4 (pole), red 5 (2), white 6 (1) …
    expect(score?.kind === 'gateball' && score.progress).toEqual([4, 4, 3, 4, 2, 1, 1, 0, 0, 0]);
  });

  it('reads the pad’s clock and phase: the last white ball after time ran out in a red turn, and the end', () => {
    const at = Date.parse('2026-12-07T09:30:00Z');
    const last = liveScore({ balls: [[5, 3, 0, 0, 0], [1, 0, 0, 0, 0]], turn: 4, clock: { remainingMs: 0, running: true, at: new Date(at).toISOString() }, phase: 'last_white_turn' }, 'gateball', at + 5000);
    expect(last).toMatchObject({ turn: 4, clock: { remainingMs: 0, running: true }, lastTurn: true, over: false });
    const running = liveScore({ balls: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], turn: 1, clock: { remainingMs: 600_000, running: true, at: new Date(at).toISOString() }, phase: 'playing' }, 'gateball', at + 2000);
    expect(running).toMatchObject({ clock: { remainingMs: 598_000 }, lastTurn: false });
    expect(liveScore({ balls: [[5, 5, 5, 5, 5], [0, 0, 0, 0, 0]], turn: null, phase: 'over' }, 'gateball', at)).toMatchObject({ over: true, lastTurn: false });
  });

  it('takes totals alone when the balls were not entered, and refuses impossible points', () => {
    expect(liveScore({ score: [9, 12] }, 'gateball', 0)).toMatchObject({ totals: [9, 12], progress: null });
    expect(liveScore({ balls: [[4, 0, 0, 0, 0], [0, 0, 0, 0, 0]] }, 'gateball', 0)).toBeNull();
    expect(liveScore({ balls: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], turn: 11 }, 'gateball', 0)).toMatchObject({ turn: null });
    expect(liveScore({ progress: [4, 0, 1, 0, 0, 0, 0, 0, 0, 3] }, 'gateball', 0)).toMatchObject({ totals: [6, 3] });
  });

  it('runs the 30-minute clock from whichever form the live update carries', () => {
    const at = Date.parse('2026-12-01T09:00:00Z');
    expect(readClock({ clock: { remainingMs: 600_000, running: true, at: '2026-12-01T09:00:00Z' } }, at + 61_000)).toEqual({
      remainingMs: 539_000,
      running: true,
    });
    expect(readClock({ clock: { remainingMs: 600_000, running: false, at } }, at + 61_000)).toEqual({ remainingMs: 600_000, running: false });
    expect(readClock({ endsAt: '2026-12-01T09:30:00Z' }, at)).toEqual({ remainingMs: GATEBALL_GAME_MS, running: true });
    expect(readClock({ elapsedMs: 1_000, runningSince: at }, at + 9_000)).toEqual({ remainingMs: GATEBALL_GAME_MS - 10_000, running: true });
    expect(readClock({ clock: { remainingMs: 5_000, running: true, at } }, at + 60_000)).toEqual({ remainingMs: 0, running: true });
    expect(readClock({ clock: '12:05' }, at)).toEqual({ remainingMs: 725_000, running: false });
    expect(readClock({ clock: 'soon' }, at)).toBeNull();
    expect(readClock({}, at)).toBeNull();
  });

  it('a decided game has no clock or turn', () => {
    const result = { payload: { balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] } };
    expect(resultScore(result, 'gateball')).toMatchObject({ totals: [11, 11], turn: null, clock: null, over: true });
    expect(sideNumbers(resultScore(result, 'gateball'))).toEqual([11, 11]);
  });

  it('counts down as MM:SS, rounding up so 00:00 means time is up', () => {
    expect(clockText(GATEBALL_GAME_MS)).toBe('30:00');
    expect(clockText(61_001)).toBe('01:02');
    expect(clockText(1)).toBe('00:01');
    expect(clockText(0)).toBe('00:00');
    expect(clockText(-5)).toBe('00:00');
  });
});
