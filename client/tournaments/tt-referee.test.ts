import { describe, expect, it } from 'vitest';
import { liveScore, replayPoints, scorePoint, startMatch } from '../../server/shared/sports/table-tennis-referee.ts';
import { chooseStart, liveFirstServer, parseSavedRally, pointsForScores, saveRally, serverStart } from './tt-referee.ts';
import type { LiveSummary } from './types.ts';

const live = (games: Array<[number, number]>, current: [number, number] | null): LiveSummary => ({
  kind: 'games', games, current, gamesWon: [games.filter(([a, b]) => a > b).length, games.filter(([a, b]) => b > a).length],
});

describe('table tennis referee state', () => {
  it('rebuilds any live score without ending a game early', () => {
    const games: Array<[number, number]> = [[11, 9], [12, 14], [11, 0]];
    const state = replayPoints({ bestOf: 5, firstServer: 2 }, pointsForScores(games, [10, 10]));
    expect(liveScore(state)).toEqual({ games, current: [10, 10] });
    expect(state.gamesWon).toEqual([2, 1]);
    // At 10–10 in the fourth game (first server of game 4 is side 1 since side 2 began game 1), side 1 serves.
    expect(state.server).toBe(1);
  });

  it('saves and reads back the points, refusing another match or best-of', () => {
    let state = startMatch({ bestOf: 3, firstServer: 1 });
    state = scorePoint(scorePoint(state, 1), 2);
    const saved = saveRally('m1', state);
    const text = JSON.stringify(saved);
    expect(parseSavedRally(text, 'm1', 3)).toEqual(saved);
    expect(parseSavedRally(text, 'm2', 3)).toBeNull();
    expect(parseSavedRally(text, 'm1', 5)).toBeNull();
    expect(parseSavedRally('{', 'm1', 3)).toBeNull();
    expect(parseSavedRally(JSON.stringify({ ...saved, points: [1, 3] }), 'm1', 3)).toBeNull();
  });

  it('keeps this tablet’s points when they match or are ahead, else takes the server’s score', () => {
    let state = startMatch({ bestOf: 3, firstServer: 2 });
    for (const side of [1, 1, 2, 1] as const) state = scorePoint(state, side);
    const saved = saveRally('m', state);
    const options = { bestOf: 3 as const, firstServer: 1 as const };
    expect(chooseStart(saved, live([], [3, 1]), options)).toMatchObject({ from: 'saved', state: { points: [1, 1, 2, 1] } });
    expect(chooseStart(saved, live([], [2, 1]), options)).toMatchObject({ from: 'saved' });
    expect(chooseStart(saved, null, options)).toMatchObject({ from: 'saved' });
    const ahead = chooseStart(saved, live([[11, 5]], [1, 0]), options)!;
    expect(ahead.from).toBe('server');
    expect(ahead.state.firstServer).toBe(2);
    expect(liveScore(ahead.state)).toEqual({ games: [[11, 5]], current: [1, 0] });
    expect(chooseStart(null, live([], [0, 3]), options)).toMatchObject({ from: 'server', state: { firstServer: 1 } });
    expect(chooseStart(null, null, options)).toBeNull();
  });

  it('takes over from the server with the first server it kept, so the serve continues right', () => {
    expect(liveFirstServer({ games: [[11, 7]], current: [2, 1], firstServer: 2, server: 2 })).toBe(2);
    expect(liveFirstServer({ games: [], current: [0, 0], server: 1 })).toBeNull();
    expect(liveFirstServer(null)).toBeNull();
    const state = chooseStart(null, live([[11, 7]], [2, 1]), { bestOf: 5, firstServer: liveFirstServer({ firstServer: 2 })! })!.state;
    // Side 2 served first in the match, side 1 first in game 2; after three points side 2 serves.
    expect(state.server).toBe(2);
    expect(state.gamesWon).toEqual([1, 0]);
  });

  it('goes on from a 0:0 live score when the server knows the first server (chosen, then the referee left)', () => {
    const raw = { games: [], current: [0, 0], server: 2, firstServer: 2 };
    const start = serverStart(raw, live([], [0, 0]), 5);
    expect(start.resume).toBe(false);
    expect(start.state?.firstServer).toBe(2);
    expect(start.state?.server).toBe(2);
    expect(start.state?.points).toEqual([]);
    // Without the first server there is nothing to go on: the referee tosses and chooses.
    expect(serverStart({ games: [], current: [0, 0] }, live([], [0, 0]), 5)).toEqual({ resume: false, state: null });
    expect(serverStart(null, null, 5)).toEqual({ resume: false, state: null });
    // Points on the server but no first server: resume once the referee says who served first.
    expect(serverStart({ games: [[11, 7]], current: [2, 1] }, live([[11, 7]], [2, 1]), 5)).toEqual({ resume: true, state: null });
    expect(serverStart({ games: [[11, 7]], current: [2, 1], firstServer: 1 }, live([[11, 7]], [2, 1]), 5).state?.gamesWon).toEqual([1, 0]);
  });
});
