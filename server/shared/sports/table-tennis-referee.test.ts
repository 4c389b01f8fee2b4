import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from './outcome.ts';
import type { BestOf } from './table-tennis.ts';
import { validateTableTennisLive, validateTableTennisResult } from './table-tennis.ts';
import {
  finalResult, firstServerOfGame, isMatchOver, liveScore, type RallyState, replayPoints, scorePoint, serverAt, startMatch,
  undoPoint,
} from './table-tennis-referee.ts';

function play(state: RallyState, sides: Side[]): RallyState {
  return sides.reduce(scorePoint, state);
}
const times = (side: Side, n: number): Side[] => Array.from({ length: n }, () => side);

describe('point-by-point scoring', () => {
  it('counts points, closes games and starts the next at 0–0', () => {
    let state = startMatch({ bestOf: 3, firstServer: 1 });
    state = play(state, times(1, 10));
    expect(state.current).toEqual([10, 0]);
    state = scorePoint(state, 1);
    expect(state.games).toEqual([[11, 0]]);
    expect(state.current).toEqual([0, 0]);
    expect(state.gamesWon).toEqual([1, 0]);
    expect(isMatchOver(state)).toBe(false);
  });

  it('ends the match at the majority and ignores further points', () => {
    let state = startMatch({ bestOf: 3, firstServer: 2 });
    state = play(state, times(2, 22));
    expect(isMatchOver(state)).toBe(true);
    expect(state.winner).toBe(2);
    expect(state.server).toBeNull();
    expect(scorePoint(state, 1)).toBe(state);
    expect(finalResult(state)).toEqual({ games: [[0, 11], [0, 11]] });
    expect(liveScore(state)).toEqual({ games: [[0, 11], [0, 11]], current: null });
    expect(validateTableTennisResult(finalResult(state), { bestOf: 3, sides: ['a', 'b'] }).ok).toBe(true);
  });

  it('plays on from 10–10 until one side leads by 2', () => {
    let state = play(startMatch({ bestOf: 5, firstServer: 1 }), [...times(1, 10), ...times(2, 10)]);
    state = play(state, [1, 2, 1, 2, 2]);
    expect(state.current).toEqual([12, 13]);
    state = scorePoint(state, 2);
    expect(state.games).toEqual([[12, 14]]);
  });

  it('undoes the last point, also across the end of a game', () => {
    const before = play(startMatch({ bestOf: 5, firstServer: 1 }), times(1, 10));
    const after = scorePoint(before, 1);
    const undone = undoPoint(after);
    expect(undone).toEqual(before);
    expect(undoPoint(startMatch({ bestOf: 5, firstServer: 1 }))).toEqual(startMatch({ bestOf: 5, firstServer: 1 }));
    const over = play(startMatch({ bestOf: 3, firstServer: 1 }), times(1, 22));
    expect(isMatchOver(undoPoint(over))).toBe(false);
    expect(undoPoint(over).current).toEqual([10, 0]);
  });
});

describe('service', () => {
  it('gives 2 serves each, then alternates every point from 10–10', () => {
    const servers: Array<Side | null> = [];
    let state = startMatch({ bestOf: 5, firstServer: 1 });
    servers.push(state.server);
    // 10–10 by alternating pairs of points, then alternating single points.
    for (const side of [...times(1, 10), ...times(2, 10), 1, 2, 1, 2] as Side[]) {
      state = scorePoint(state, side);
      servers.push(state.server);
    }
    expect(servers.slice(0, 8)).toEqual([1, 1, 2, 2, 1, 1, 2, 2]);
    expect(servers.slice(20)).toEqual([1, 2, 1, 2, 1]);
    expect(serverAt(1, 0, 10, 10)).toBe(1);
    expect(serverAt(1, 0, 11, 10)).toBe(2);
    expect(serverAt(1, 0, 9, 10)).toBe(2);
  });

  it('the side that served first in a game receives first in the next', () => {
    expect(firstServerOfGame(2, 0)).toBe(2);
    expect(firstServerOfGame(2, 1)).toBe(1);
    expect(firstServerOfGame(2, 4)).toBe(2);
    const state = play(startMatch({ bestOf: 5, firstServer: 2 }), times(1, 11));
    expect(state.server).toBe(1);
  });
});

const bestOfArb = fc.constantFrom<BestOf>(3, 5, 7);
const pointsArb = fc.array(fc.constantFrom<Side>(1, 2), { maxLength: 300 });

describe('properties', () => {
  it('every state is a valid live score, and a finished match a valid result', () => {
    fc.assert(fc.property(bestOfArb, fc.constantFrom<Side>(1, 2), pointsArb, (bestOf, firstServer, points) => {
      let state = startMatch({ bestOf, firstServer });
      for (const side of points) {
        state = scorePoint(state, side);
        expect(validateTableTennisLive(liveScore(state), { bestOf }).ok).toBe(true);
      }
      const final = finalResult(state);
      expect(final === null).toBe(!isMatchOver(state));
      if (final) {
        expect(validateTableTennisResult(final, { bestOf, sides: ['a', 'b'] })).toMatchObject({ ok: true, outcome: { winnerSide: state.winner } });
      }
    }), { numRuns: 200 });
  });

  it('undo after a point gives back the state before it; replay gives the same state', () => {
    fc.assert(fc.property(bestOfArb, fc.constantFrom<Side>(1, 2), pointsArb, fc.constantFrom<Side>(1, 2), (bestOf, firstServer, points, side) => {
      const state = replayPoints({ bestOf, firstServer }, points);
      const next = scorePoint(state, side);
      if (next !== state) expect(undoPoint(next)).toEqual(state);
      expect(replayPoints({ bestOf, firstServer }, state.points)).toEqual(state);
    }), { numRuns: 200 });
  });

  it('nobody serves more than 2 points running, or more than 1 from 10–10; games alternate who starts', () => {
    fc.assert(fc.property(bestOfArb, fc.constantFrom<Side>(1, 2), pointsArb, (bestOf, firstServer, points) => {
      let state = startMatch({ bestOf, firstServer });
      let run = 1;
      let previous = state.server;
      for (const side of points) {
        const game = state.games.length;
        state = scorePoint(state, side);
        if (state.server === null) break;
        if (state.games.length !== game) {
          expect(state.server).toBe(state.games.length % 2 === 0 ? firstServer : 3 - firstServer);
          run = 1;
        } else {
          run = state.server === previous ? run + 1 : 1;
          const deuce = state.current[0] >= 10 && state.current[1] >= 10;
          expect(run).toBeLessThanOrEqual(deuce ? 1 : 2);
        }
        previous = state.server;
      }
    }), { numRuns: 200 });
  });
});
