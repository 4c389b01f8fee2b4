import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateGateballResult } from './gateball.ts';
import {
  advanceBall, endTurn, GAME_MS, isTimeUp, newScoreboard, pauseClock, remainingMs, resumeClock, type ScoreboardState,
  scoreboardView, startGame, undo,
} from './gateball-scoreboard.ts';

const T0 = 1_000_000;
const MIN = 60_000;
const started = (): ScoreboardState => startGame(newScoreboard(), T0);

function advance(state: ScoreboardState, ball: number, times: number, now = T0): ScoreboardState {
  let next = state;
  for (let i = 0; i < times; i++) next = advanceBall(next, ball, now);
  return next;
}

function turns(state: ScoreboardState, count: number, now = T0): ScoreboardState {
  let next = state;
  for (let i = 0; i < count; i++) next = endTurn(next, now);
  return next;
}

describe('gateball scoreboard: balls and turns', () => {
  it('starts with ball 1 (red), a full clock and nothing scored', () => {
    const fresh = newScoreboard();
    expect(scoreboardView(fresh, T0)).toMatchObject({ status: 'not_started', clock: '30:00', turn: null, totals: [0, 0] });
    expect(advanceBall(fresh, 1, T0)).toBe(fresh);
    expect(endTurn(fresh, T0)).toBe(fresh);
    const view = scoreboardView(started(), T0);
    expect(view).toMatchObject({ status: 'running', turn: 1, remainingMs: GAME_MS });
    expect(view.balls.filter((b) => b.team === 'red').map((b) => b.ball)).toEqual([1, 3, 5, 7, 9]);
  });

  it('moves a ball through gates 1, 2, 3 then the pole: 1, 2, 3, 5 points, and no further', () => {
    let state = started();
    const points: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = advanceBall(state, 3, T0);
      points.push(scoreboardView(state, T0).balls[2]!.points);
    }
    expect(points).toEqual([1, 2, 3, 5]);
    expect(scoreboardView(state, T0).balls[2]).toMatchObject({ gates: 3, atPole: true });
    expect(advanceBall(state, 3, T0)).toBe(state);
    expect(advanceBall(state, 11, T0)).toBe(state);
    expect(scoreboardView(state, T0).totals).toEqual([5, 0]);
  });

  it('plays the turns 1 to 10 and round again, skipping balls that have finished', () => {
    let state = started();
    const order: Array<number | null> = [];
    for (let i = 0; i < 11; i++) {
      order.push(scoreboardView(state, T0).turn);
      state = endTurn(state, T0);
    }
    expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1]);
    state = advance(state, 2, 4);
    expect(turns(state, 1).turn).toBe(3);
  });

  it('ends the game when a team\'s five balls have all finished', () => {
    let state = started();
    for (const ball of [2, 4, 6, 8]) state = advance(state, ball, 4);
    state = advance(state, 10, 3);
    expect(state.phase).toBe('playing');
    state = advanceBall(state, 10, T0 + 5 * MIN);
    expect(state).toMatchObject({ phase: 'over', endReason: 'white_finished' });
    const view = scoreboardView(state, T0 + 20 * MIN);
    expect(view).toMatchObject({ status: 'over', totals: [0, 25], turn: null, remainingMs: 25 * MIN });
    expect(validateGateballResult(view.result, { sides: ['r', 'w'], preset: 'agari_gates' })).toMatchObject({ ok: true, outcome: { winnerSide: 2 } });
  });

  it('undoes ball movements and turns, but not the clock', () => {
    const base = turns(started(), 3);
    const moved = advanceBall(base, 4, T0);
    expect(undo(moved)).toEqual(base);
    expect(undo(turns(base, 1)).turn).toBe(4);
    expect(undo(newScoreboard())).toEqual(newScoreboard());
    const paused = pauseClock(moved, T0 + MIN);
    expect(undo(paused).runningSince).toBeNull();
    expect(undo(paused).progress[3]).toBe(0);
  });
});

describe('gateball scoreboard: the 30-minute clock', () => {
  it('counts down from 30:00 and pauses', () => {
    let state = started();
    expect(scoreboardView(state, T0 + 90_500).clock).toBe('28:30');
    state = pauseClock(state, T0 + 10 * MIN);
    expect(pauseClock(state, T0 + 11 * MIN)).toBe(state);
    expect(scoreboardView(state, T0 + 15 * MIN)).toMatchObject({ status: 'paused', clock: '20:00' });
    state = resumeClock(state, T0 + 20 * MIN);
    expect(resumeClock(state, T0 + 21 * MIN)).toBe(state);
    expect(remainingMs(state, T0 + 25 * MIN)).toBe(15 * MIN);
    expect(isTimeUp(state, T0 + 39 * MIN)).toBe(false);
    expect(isTimeUp(state, T0 + 40 * MIN)).toBe(true);
    expect(resumeClock(newScoreboard(), T0)).toEqual(newScoreboard());
  });

  it('time up in a white turn: that turn finishes and the game ends', () => {
    let state = turns(started(), 3, T0 + MIN); // ball 4 (white) in play
    expect(scoreboardView(state, T0 + 31 * MIN)).toMatchObject({ status: 'time_up_play_continues', clock: '00:00', turn: 4 });
    state = advanceBall(state, 4, T0 + 31 * MIN); // the turn in play goes on after time is up
    state = endTurn(state, T0 + 32 * MIN);
    expect(state).toMatchObject({ phase: 'over', endReason: 'time_up' });
    expect(scoreboardView(state, T0 + 40 * MIN)).toMatchObject({ status: 'over', totals: [0, 1], clock: '00:00' });
  });

  it('time up in a red turn: that turn finishes, then the next white ball plays once', () => {
    let state = turns(started(), 4, T0 + MIN); // ball 5 (red) in play
    state = endTurn(state, T0 + 30 * MIN);
    expect(state).toMatchObject({ phase: 'last_white_turn', turn: 6 });
    expect(scoreboardView(state, T0 + 30 * MIN)).toMatchObject({ lastTurn: true, status: 'time_up_play_continues', turn: 6 });
    state = advanceBall(state, 6, T0 + 31 * MIN);
    state = endTurn(state, T0 + 32 * MIN);
    expect(state).toMatchObject({ phase: 'over', endReason: 'time_up' });
    expect(endTurn(state, T0 + 33 * MIN)).toBe(state);
    expect(advanceBall(state, 1, T0 + 33 * MIN)).toBe(state);
  });

  it('the extra white turn goes to the next white ball still in play', () => {
    let state = advance(started(), 6, 4); // ball 6 finished
    state = turns(state, 4, T0 + MIN); // ball 5 (red) in play
    state = endTurn(state, T0 + 31 * MIN);
    expect(state).toMatchObject({ phase: 'last_white_turn', turn: 8 });
  });

  it('a turn that ends before time is up is followed by the next ball as usual', () => {
    const state = endTurn(started(), T0 + 29 * MIN);
    expect(state).toMatchObject({ phase: 'playing', turn: 2 });
  });

  it('paused time does not count', () => {
    let state = pauseClock(started(), T0 + 10 * MIN);
    state = resumeClock(state, T0 + 20 * MIN);
    expect(endTurn(state, T0 + 35 * MIN)).toMatchObject({ phase: 'playing', turn: 2 });
    expect(endTurn(state, T0 + 40 * MIN)).toMatchObject({ phase: 'last_white_turn', turn: 2 });
  });

  it('undoing the end of the game lets the clock run on', () => {
    let state = turns(started(), 3, T0 + MIN);
    state = endTurn(state, T0 + 31 * MIN);
    expect(state.phase).toBe('over');
    const back = undo(state);
    expect(back.phase).toBe('playing');
    expect(scoreboardView(back, T0 + 32 * MIN).status).toBe('time_up_play_continues');
  });
});

describe('properties', () => {
  const action = fc.oneof(
    fc.record({ kind: fc.constant('advance' as const), ball: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('turn' as const) }),
    fc.record({ kind: fc.constant('undo' as const) }),
  );

  it('any sequence of actions keeps a legal board whose result validates', () => {
    fc.assert(fc.property(fc.array(fc.tuple(action, fc.nat({ max: 2 * MIN })), { maxLength: 150 }), (actions) => {
      let state = started();
      let now = T0;
      for (const [a, wait] of actions) {
        now += wait;
        const before = state;
        state = a.kind === 'advance' ? advanceBall(state, a.ball, now) : a.kind === 'turn' ? endTurn(state, now) : undo(state);
        if (a.kind === 'undo' && before.history.length > 0) expect(state.history.length).toBe(before.history.length - 1);
        const view = scoreboardView(state, now);
        expect(view.totals[0]).toBeLessThanOrEqual(25);
        expect(validateGateballResult(view.result, { sides: ['r', 'w'], preset: 'gates' }).ok).toBe(true);
        // A ball may reach the pole in its own turn; the next turn always goes to a ball still in play.
        if (a.kind === 'turn' && state !== before && state.phase !== 'over') expect(state.progress[state.turn - 1]).not.toBe(4);
        if (state.phase === 'last_white_turn') expect(state.turn % 2).toBe(0);
      }
    }), { numRuns: 300 });
  });
});
