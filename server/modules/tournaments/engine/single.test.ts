import { describe, expect, it } from 'vitest';
import { applyResults, recordResult } from './apply.ts';
import { standingsFinal } from './placing.ts';
import { drawSingleElimination } from './single.ts';
import { favourite, field, playOut, randomDecider } from './testing.ts';
import type { Bracket, StoredResult } from './types.ts';

const sideIds = (b: Bracket, key: string): (string | null)[] =>
  b.matches.find((m) => m.key === key)?.sides.map((s) => s.participantId) ?? [];

describe('drawSingleElimination', () => {
  it('builds rounds of halving size with winner links', () => {
    const b = drawSingleElimination(field(16));
    expect(b.size).toBe(16);
    expect(b.matches.map((m) => m.key)).toEqual([
      'K1-1', 'K1-2', 'K1-3', 'K1-4', 'K1-5', 'K1-6', 'K1-7', 'K1-8', 'K2-1', 'K2-2', 'K2-3', 'K2-4', 'K3-1', 'K3-2', 'K4-1',
    ]);
    expect(b.matches.find((m) => m.key === 'K1-3')?.winnerTo).toEqual({ key: 'K2-2', side: 0 });
    expect(b.matches.find((m) => m.key === 'K1-4')?.winnerTo).toEqual({ key: 'K2-2', side: 1 });
    expect(b.matches.find((m) => m.key === 'K4-1')?.winnerTo).toBeUndefined();
    expect(b.matches.find((m) => m.key === 'K2-2')?.sides[1].from).toEqual({ kind: 'winner', key: 'K1-4' });
    expect(sideIds(b, 'K1-1')[0]).toBe('p1');
    expect(sideIds(b, 'K1-8')[1]).toBe('p2');
    expect(b.matches.every((m) => m.stage === 'knockout' && !m.drawAllowed)).toBe(true);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it('resolves byes at once: the seed advances', () => {
    const b = drawSingleElimination(field(5));
    const state = applyResults(b, {});
    const first = state.matches.filter((m) => m.round === 1);
    expect(first.filter((m) => m.status === 'bye').map((m) => m.winnerId).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(first.filter((m) => m.status === 'ready')).toHaveLength(1);
    expect(state.byKey['K2-1']?.sides[0].participantId).toBe('p1');
  });

  it('plays two players in one final', () => {
    const b = drawSingleElimination(field(2));
    expect(b.matches).toHaveLength(1);
    const state = applyResults(b, {});
    const results = { 'K1-1': recordResult(state, 'K1-1', { winner: 1 }) };
    const done = applyResults(b, results);
    expect(done.championId).toBe('p2');
    expect(done.complete).toBe(true);
    expect(standingsFinal(b, done)).toEqual([{ participantId: 'p2', place: 1 }, { participantId: 'p1', place: 2 }]);
  });

  it('places the losers of each round equal: 1, 2, 3, 3, 5 ×4', () => {
    const b = drawSingleElimination(field(8));
    const { state } = playOut(b, favourite);
    expect(state.championId).toBe('p1');
    const places = standingsFinal(b, state);
    expect(places.map((p) => p.place)).toEqual([1, 2, 3, 3, 5, 5, 5, 5]);
    expect(places[1]?.participantId).toBe('p2');
  });

  it('plays a third-place match when asked', () => {
    const b = drawSingleElimination(field(8), { thirdPlace: true });
    const k3p = b.matches.find((m) => m.key === 'K3P');
    expect(k3p?.sides.map((s) => s.from)).toEqual([{ kind: 'loser', key: 'K2-1' }, { kind: 'loser', key: 'K2-2' }]);
    expect(b.matches.find((m) => m.key === 'K2-2')?.loserTo).toEqual({ key: 'K3P', side: 1 });
    const { state } = playOut(b, () => 1);
    expect(state.complete).toBe(true);
    expect(standingsFinal(b, state).map((p) => p.place)).toEqual([1, 2, 3, 4, 5, 5, 5, 5]);
  });

  it('gives a third place by bye when a semifinal was a bye', () => {
    const b = drawSingleElimination(field(3), { thirdPlace: true });
    const { state } = playOut(b, () => 0);
    expect(state.byKey.K3P?.status).toBe('bye');
    expect(standingsFinal(b, state).map((p) => p.place)).toEqual([1, 2, 3]);
  });

  it('plays out any field up to 256', () => {
    for (const n of [3, 9, 31, 33, 100, 129, 255, 256]) {
      const b = drawSingleElimination(field(n, 16), { drawSeed: n });
      const { state } = playOut(b, randomDecider(n));
      expect(state.complete).toBe(true);
      expect(standingsFinal(b, state)).toHaveLength(n);
    }
  });

  it('lists only decided places while the draw is running', () => {
    const b = drawSingleElimination(field(8));
    const results: Record<string, StoredResult> = {};
    const state = applyResults(b, {});
    results['K1-1'] = recordResult(state, 'K1-1', { winner: 1 });
    const next = applyResults(b, results);
    expect(standingsFinal(b, next)).toEqual([{ participantId: 'p1', place: 5 }]);
    expect(next.championId).toBeNull();
  });
});
