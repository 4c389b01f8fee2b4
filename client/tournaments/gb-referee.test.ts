import { describe, expect, it } from 'vitest';
import {
  advanceBall, endTurn, GAME_MS, newScoreboard, scoreboardView, startGame,
} from '../../server/shared/sports/gateball-scoreboard.ts';
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

  it('takes over a game from the server with the ball in play and the clock where they were', () => {
    const summary = { kind: 'gateball' as const, score: [3, 1] as [number, number], balls: [[2, 0, 0, 0, 0], [1, 0, 0, 0, 0]] as [number[], number[]] };
    const at = Date.parse('2026-12-07T09:00:00Z');
    const raw = { ...summary, turn: 4, clock: { remainingMs: 600_000, running: true, at: new Date(at).toISOString() }, phase: 'playing' };
    const taken = chooseScoreboard(null, summary, raw, at + 60_000);
    expect(taken).toMatchObject({ from: 'server', clockKnown: true });
    expect(scoreboardView(taken.state, at + 60_000)).toMatchObject({ turn: 4, clock: '09:00', status: 'running' });
    const paused = chooseScoreboard(null, summary, { ...raw, clock: { remainingMs: 90_000, running: false } }, at);
    expect(scoreboardView(paused.state, at + 60_000)).toMatchObject({ clock: '01:30', status: 'paused' });
    const last = chooseScoreboard(null, summary, { ...raw, turn: 6, clock: { remainingMs: 0, running: true, at: new Date(at).toISOString() }, phase: 'last_white_turn' }, at);
    expect(scoreboardView(last.state, at)).toMatchObject({ turn: 6, lastTurn: true, status: 'time_up_play_continues' });
    // No clock on the server: the referee sets it.
    expect(chooseScoreboard(null, summary, summary, at)).toMatchObject({ from: 'server', clockKnown: false });
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
