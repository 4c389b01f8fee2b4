import { describe, expect, it } from 'vitest';
import { applyResults } from './apply.ts';
import { circlePairings, drawRoundRobin } from './round-robin.ts';
import { standingsFinal } from './placing.ts';
import { field, playOut, randomDecider } from './testing.ts';
import type { Bracket } from './types.ts';

function check(b: Bracket, n: number): void {
  const ids = b.participants;
  const rounds = Math.max(...b.matches.map((m) => m.round));
  expect(rounds).toBe(n % 2 === 0 ? n - 1 : n);
  for (let r = 1; r <= rounds; r++) {
    const playing = b.matches.filter((m) => m.round === r).flatMap((m) => m.sides.map((s) => s.participantId));
    const resting = b.rests.filter((x) => x.round === r).map((x) => x.participantId);
    expect(resting).toHaveLength(n % 2);
    expect([...playing, ...resting].sort()).toEqual([...ids].sort());
  }
  const pairs = new Set(b.matches.map((m) => m.sides.map((s) => s.participantId).sort().join('|')));
  expect(pairs.size).toBe((n * (n - 1)) / 2);
  expect(b.matches).toHaveLength((n * (n - 1)) / 2);
  const first = new Map<string, number>();
  for (const m of b.matches) first.set(m.sides[0].participantId as string, (first.get(m.sides[0].participantId as string) ?? 0) + 1);
  for (const id of ids) expect(Math.abs(2 * (first.get(id) ?? 0) - (n - 1))).toBeLessThanOrEqual(1);
}

describe('drawRoundRobin', () => {
  for (const n of [3, 4, 5, 8]) {
    it(`${n} players: everyone once per round${n % 2 ? ' or resting' : ''}, every pair once, sides balanced`, () => {
      check(drawRoundRobin(field(n)), n);
    });
  }

  it('follows the ITTF order for four: 1–4, 2–3 / 1–3, 2–4 / 1–2, 3–4', () => {
    const b = drawRoundRobin(field(4));
    const rounds = [1, 2, 3].map((r) => b.matches.filter((m) => m.round === r)
      .map((m) => m.sides.map((s) => s.participantId?.slice(1)).sort().join('-')).sort());
    expect(rounds).toEqual([['1-4', '2-3'], ['1-3', '2-4'], ['1-2', '3-4']]);
  });

  it('names matches R{round}-{number}, allows draws, and gives no champion', () => {
    const b = drawRoundRobin(field(5));
    expect(b.matches.slice(0, 3).map((m) => m.key)).toEqual(['R1-1', 'R1-2', 'R2-1']);
    expect(b.matches.every((m) => m.drawAllowed && m.stage === 'round_robin' && m.group === null)).toBe(true);
    const { state } = playOut(b, randomDecider(4, true));
    expect(state.complete).toBe(true);
    expect(state.championId).toBeNull();
    expect(standingsFinal(b, state)).toEqual([]);
  });

  it('puts unseeded players in by lot after the seeded ones', () => {
    const a = drawRoundRobin(field(6, 2), { drawSeed: 1 });
    expect(a.participants.slice(0, 2)).toEqual(['p1', 'p2']);
    const others = new Set([1, 2, 3, 4, 5].map((s) => drawRoundRobin(field(6, 2), { drawSeed: s }).participants.join()));
    expect(others.size).toBeGreaterThan(1);
    expect(applyResults(a, {}).matches.every((m) => m.status === 'ready')).toBe(true);
  });

  it('pairs every circle size from 2 to 30 correctly', () => {
    for (let n = 2; n <= 30; n++) {
      const { rounds, rests } = circlePairings(Array.from({ length: n }, (_, i) => `x${i}`));
      expect(rounds.flat()).toHaveLength((n * (n - 1)) / 2);
      expect(rests.flat()).toHaveLength(n % 2 === 1 ? n : 0);
    }
  });
});
