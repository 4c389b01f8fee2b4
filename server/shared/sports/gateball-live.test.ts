import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, validateGateballLive } from './gateball-live.ts';

const sides = ['red', 'white'] as const;
const NOW = Date.parse('2026-12-07T09:10:00Z');
const balls = [[5, 3, 0, 0, 0], [2, 1, 0, 0, 0]];
const check = (payload: unknown) => validateGateballLive(payload, { sides, now: NOW });

describe('a gateball live score', () => {
  it('takes the balls with whose turn, the clock and the phase, and keeps them for the screens', () => {
    const at = new Date(NOW - 400).toISOString();
    const live = check({ balls, turn: 3, clock: { remainingMs: 1_500_000, running: true, at }, phase: 'playing' });
    expect(live).toMatchObject({ ok: true, score: [8, 3], turn: 3, phase: 'playing' });
    if (!live.ok) return;
    expect(live.stored).toEqual({ balls, turn: 3, clock: { remainingMs: 1_500_000, running: true, at }, phase: 'playing' });
  });

  it('takes totals alone, and a turn of null before the start', () => {
    const live = check({ score: [7, 12], turn: null });
    expect(live.ok && live.stored).toEqual({ score: [7, 12], turn: null });
  });

  it('uses the server’s clock when the tablet’s is far off, or says nothing of when it read the time', () => {
    const far = check({ balls, clock: { remainingMs: 60_000, running: true, at: new Date(NOW - CLOCK_SKEW_MS - 1000).toISOString() } });
    expect(far.ok && (far.stored.clock as { at: string }).at).toBe(new Date(NOW).toISOString());
    const none = check({ balls, clock: { remainingMs: 0, running: false } });
    expect(none.ok && none.stored.clock).toEqual({ remainingMs: 0, running: false, at: new Date(NOW).toISOString() });
  });

  it.each([
    [{ balls, turn: 0 }, 'invalid_turn', '1 到 10'],
    [{ balls, turn: 11 }, 'invalid_turn', '1 到 10'],
    [{ balls, turn: 2.5 }, 'invalid_turn', '1 到 10'],
    [{ balls, turn: '3' }, 'invalid_turn', '1 到 10'],
    [{ balls, clock: { remainingMs: 1_800_001, running: true } }, 'invalid_clock', '30 分钟'],
    [{ balls, clock: { remainingMs: -1, running: true } }, 'invalid_clock', '0 到 1800000'],
    [{ balls, clock: { remainingMs: 1000, running: 'yes' } }, 'invalid_clock', 'running'],
    [{ balls, clock: { remainingMs: 1000, running: true, at: 'soon' } }, 'invalid_clock', 'ISO'],
    [{ balls, clock: { remainingMs: 1000, running: true, endsAt: 5 } }, 'invalid_clock', 'endsAt'],
    [{ balls, clock: '12:30' }, 'invalid_clock', '12:30'],
    [{ balls, phase: 'half_time' }, 'invalid_phase', 'half_time'],
    [{ balls, phase: 'last_white_turn', turn: 3 }, 'invalid_turn', '白球'],
    [{ balls: [[5, 4, 0, 0, 0], [0, 0, 0, 0, 0]] }, 'ball_points_impossible', '4 分'],
    [{ score: [24, 0] }, 'score_impossible', '24'],
    [{ balls, games: [] }, 'not_gateball', '乒乓球'],
    [{ walkover: 'red' }, 'walkover_not_live', '弃权'],
    [{ turn: 3 }, 'invalid_shape', '门球'],
  ])('refuses %j with a sentence in both languages', (payload, rule, zh) => {
    const live = check(payload);
    expect(live.ok).toBe(false);
    if (live.ok) return;
    expect(live.rule).toBe(rule);
    expect(live.messageZh).toContain(zh);
    expect(live.message.length).toBeGreaterThan(20);
  });
});
