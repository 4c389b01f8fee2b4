import { describe, expect, it } from 'vitest';
import { applyResults, recordResult, recordWinner } from './apply.ts';
import { drawDoubleElimination } from './double.ts';
import { drawRoundRobin } from './round-robin.ts';
import { drawSingleElimination } from './single.ts';
import { favourite, field, playOut } from './testing.ts';
import { EngineError, type Bracket, type BracketState, type ResultInput, type StoredResult } from './types.ts';

/** Enters a result for a ready (or done) match and returns the new results and state. */
function enter(bracket: Bracket, results: Record<string, StoredResult>, key: string, input: ResultInput) {
  const next = { ...results, [key]: recordResult(applyResults(bracket, results), key, input) };
  return { results: next, state: applyResults(bracket, next) };
}

const players = (state: BracketState, key: string) => state.byKey[key]?.sides.map((s) => s.participantId);

describe('applyResults', () => {
  const b = drawSingleElimination(field(8));

  it('derives waiting, ready, done and the winners moving on', () => {
    const start = applyResults(b, {});
    expect(start.matches.filter((m) => m.status === 'ready')).toHaveLength(4);
    expect(start.byKey['K2-1']).toMatchObject({ status: 'waiting', sides: [{ participantId: null }, { participantId: null }] });
    const one = enter(b, {}, 'K1-1', { winner: 1 });
    const loser = one.state.byKey['K1-1']?.sides[0].participantId;
    const winner = one.state.byKey['K1-1']?.sides[1].participantId;
    expect(one.state.byKey['K1-1']).toMatchObject({ status: 'done', winnerId: winner, loserId: loser });
    expect(one.state.byKey['K2-1']).toMatchObject({ status: 'waiting', sides: [{ participantId: winner }, { participantId: null }] });
    const two = enter(b, one.results, 'K1-2', { winner: 0 });
    expect(two.state.byKey['K2-1']?.status).toBe('ready');
    expect(JSON.parse(JSON.stringify(two.state))).toEqual(two.state);
  });

  it('re-propagates a correction and flags later results that no longer fit', () => {
    let { results } = playOut(b, favourite);
    expect(applyResults(b, results).championId).toBe('p1');
    const corrected = { ...results, 'K1-1': { ...(results['K1-1'] as StoredResult), winner: 1 as const } };
    const after = applyResults(b, corrected);
    const newWinner = after.byKey['K1-1']?.winnerId;
    expect(newWinner).not.toBe('p1');
    expect(players(after, 'K2-1')?.[0]).toBe(newWinner);
    expect(after.byKey['K2-1']?.status).toBe('ready');
    expect(after.flags.map((f) => [f.key, f.reason])).toEqual([['K2-1', 'participants_changed'], ['K3-1', 'match_waiting']]);
    expect(after.byKey['K3-1']?.status).toBe('waiting');
    expect(after.championId).toBeNull();
    // The same bracket as entering the right result first (the flagged ones are not there).
    const rightFirst: Record<string, StoredResult> = { ...corrected };
    delete rightFirst['K2-1'];
    delete rightFirst['K3-1'];
    expect(applyResults(b, rightFirst).matches).toEqual(after.matches);
    // Correcting it back restores everything.
    results = { ...corrected, 'K1-1': results['K1-1'] as StoredResult };
    expect(applyResults(b, results).flags).toEqual([]);
    expect(applyResults(b, results).championId).toBe('p1');
  });

  it('keeps later results when a correction does not change the winner', () => {
    const { results } = playOut(b, favourite);
    const asWalkover = { ...results, 'K1-1': { ...(results['K1-1'] as StoredResult), walkover: true } };
    const state = applyResults(b, asWalkover);
    expect(state.flags).toEqual([]);
    expect(state.byKey['K1-1']?.result?.walkover).toBe(true);
    expect(state.championId).toBe('p1');
  });

  it('identifies the winner by id, whatever the order the participants were stored in', () => {
    const start = applyResults(b, {});
    const [x, y] = players(start, 'K1-2') as [string, string];
    const state = applyResults(b, { 'K1-2': { participants: [y, x], winner: 0 } });
    expect(state.byKey['K1-2']).toMatchObject({ status: 'done', winnerId: y, loserId: x });
  });

  it('flags what cannot be applied, with a reason', () => {
    const start = applyResults(b, {});
    const [x, y] = players(start, 'K1-1') as [string, string];
    const [z] = players(start, 'K1-2') as [string, string];
    const state = applyResults(b, {
      'K1-1': { participants: [x, y], winner: null },
      'K1-2': { participants: [z, z], winner: 0 },
      'K2-1': { participants: [x, z], winner: 0 },
      'K9-9': { participants: [x, y], winner: 0 },
    });
    expect(state.flags.map((f) => [f.key, f.reason])).toEqual([
      ['K1-1', 'draw_not_allowed'], ['K1-2', 'invalid_result'], ['K2-1', 'match_waiting'], ['K9-9', 'unknown_match'],
    ]);
    expect(state.byKey['K1-1']?.status).toBe('ready');
    expect(state.byKey['K1-1']?.result).toBeNull();
  });

  it('flags a result stored for a bye, and refuses a walkover without a winner', () => {
    const five = drawSingleElimination(field(5));
    const bye = applyResults(five, {}).matches.find((m) => m.status === 'bye');
    const id = bye?.winnerId as string;
    const state = applyResults(five, { [bye?.key as string]: { participants: [id, 'p5'], winner: 0 } });
    expect(state.flags.map((f) => f.reason)).toEqual(['match_not_played']);
    const start = applyResults(b, {});
    const pair = players(start, 'K1-1') as [string, string];
    expect(applyResults(b, { 'K1-1': { participants: pair, winner: null, walkover: true } }).flags[0]?.reason).toBe('invalid_result');
  });

  it('applies walkovers like wins', () => {
    const { state } = enter(b, {}, 'K1-3', { winner: 0, walkover: true });
    expect(state.byKey['K1-3']).toMatchObject({ status: 'done', result: { walkover: true, winner: 0 } });
    expect(state.byKey['K1-3']?.winnerId).toBe(state.byKey['K1-3']?.sides[0].participantId);
  });

  it('accepts draws in a round robin', () => {
    const rr = drawRoundRobin(field(4));
    const { state } = enter(rr, {}, 'R1-1', { winner: null });
    expect(state.byKey['R1-1']).toMatchObject({ status: 'done', winnerId: null, loserId: null });
    expect(state.flags).toEqual([]);
    expect(state.championId).toBeNull();
  });

  it('flags a stored grand-final reset once a correction makes it unnecessary', () => {
    const de = drawDoubleElimination(field(4));
    const played = playOut(de, (m) => (m.key === 'GF1' ? 1 : favourite(m)));
    expect(played.state.byKey.GF2?.status).toBe('done');
    const gf1 = played.results.GF1 as StoredResult;
    const state = applyResults(de, { ...played.results, GF1: { ...gf1, winner: 0 } });
    expect(state.byKey.GF2).toMatchObject({ status: 'bye', void: true, winnerId: null });
    expect(state.flags.map((f) => [f.key, f.reason])).toEqual([['GF2', 'match_not_played']]);
    expect(state.championId).toBe(gf1.participants[0]);
  });
});

describe('recordResult', () => {
  const b = drawSingleElimination(field(4));

  it('stores the two players of the match with the result', () => {
    const state = applyResults(b, {});
    const stored = recordResult(state, 'K1-1', { winner: 1, walkover: true });
    expect(stored).toEqual({ participants: players(state, 'K1-1'), winner: 1, walkover: true });
  });

  it('can name the winner by id, as the walkover payload does', () => {
    const state = applyResults(b, {});
    const [x, y] = players(state, 'K1-2') as [string, string];
    expect(recordWinner(state, 'K1-2', y, { walkover: true })).toEqual({ participants: [x, y], winner: 1, walkover: true });
    expect(() => recordWinner(state, 'K1-2', 'someone else')).toThrow(EngineError);
  });

  it('refuses a match that is waiting for a player, or unknown', () => {
    const state = applyResults(b, {});
    expect(() => recordResult(state, 'K2-1', { winner: 0 })).toThrow(EngineError);
    expect(() => recordResult(state, 'nope', { winner: 0 })).toThrow(/no match/);
  });
});
