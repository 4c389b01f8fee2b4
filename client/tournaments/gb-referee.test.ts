import { describe, expect, it } from 'vitest';
import {
  advanceBall, endTurn, GAME_MS, newScoreboard, scoreboardView, startGame,
} from '../../server/modules/tournaments/sports/gateball-scoreboard.ts';
import { ballsPayload, ballSteps, chooseScoreboard, parseSavedScoreboard, progressOf, scoreboardFromBalls, withRemaining } from './gb-referee.ts';

describe('gateball referee state', () => {
  it('rebuilds the balls from their points', () => {
    const state = scoreboardFromBalls([[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]])!;
    expect(state.progress).toEqual([4, 4, 3, 4, 2, 1, 1, 0, 0, 0]);
    expect(ballsPayload(state, 0)).toEqual({ balls: [[5, 3, 2, 1, 0], [5, 5, 1, 0, 0]] });
    expect(scoreboardFromBalls([[4, 0, 0, 0, 0], [0, 0, 0, 0, 0]])).toBeNull();
    expect(progressOf(5)).toBe(4);
    expect(progressOf(4)).toBeNull();
  });

  it('saves and reads back a scoreboard, refusing junk', () => {
    let state = startGame(newScoreboard(), 1000);
    state = endTurn(advanceBall(state, 1, 2000), 3000);
    const text = JSON.stringify({ v: 1, matchId: 'm', state });
    expect(parseSavedScoreboard(text, 'm')?.state).toEqual(state);
    expect(parseSavedScoreboard(text, 'x')).toBeNull();
    expect(parseSavedScoreboard(JSON.stringify({ v: 1, matchId: 'm', state: { ...state, progress: [9] } }), 'm')).toBeNull();
    expect(parseSavedScoreboard('nope', 'm')).toBeNull();
  });

  it('prefers this tablet unless the server’s balls are further on', () => {
    const mine = advanceBall(startGame(newScoreboard(), 0), 1, 10);
    const saved = { v: 1 as const, matchId: 'm', state: mine };
    const behind = { kind: 'gateball' as const, score: [0, 0] as [number, number], balls: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]] as [number[], number[]] };
    const ahead = { ...behind, balls: [[2, 0, 0, 0, 0], [1, 0, 0, 0, 0]] as [number[], number[]] };
    expect(chooseScoreboard(saved, behind).from).toBe('saved');
    expect(chooseScoreboard(saved, ahead).from).toBe('server');
    expect(chooseScoreboard(null, null).from).toBe('new');
  });

  it('sets the clock for a tablet that joins late', () => {
    const running = startGame(newScoreboard(), 0);
    const set = withRemaining(running, 12 * 60_000, 100_000);
    expect(scoreboardView(set, 100_000).clock).toBe('12:00');
    expect(scoreboardView(set, 160_000).clock).toBe('11:00');
    expect(withRemaining(running, GAME_MS * 2, 0).elapsedMs).toBe(0);
    expect(ballSteps(3)).toEqual([true, true, true, false]);
  });
});
