/**
 * Property tests over random fields of 2–64 players, random seeding, random lots and random results.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { drawDoubleElimination } from './double.ts';
import { drawGroupsThenKnockout, meetingRound } from './knockout-groups.ts';
import { drawRoundRobin } from './round-robin.ts';
import { drawSingleElimination } from './single.ts';
import { checkOncePerRound, field, groupsConfig, losses, playOut, randomDecider } from './testing.ts';
import type { Bracket, BracketState } from './types.ts';

const fieldArb = fc.record({
  n: fc.integer({ min: 2, max: 64 }),
  seededShare: fc.double({ min: 0, max: 1, noNaN: true }),
  drawSeed: fc.integer(),
  play: fc.integer(),
});

const players = (n: number, share: number) => field(n, Math.round(n * share));

/** Participants on the sides of one round of a stage in a final state. */
function roundIds(state: BracketState, stage: string, round: number): string[] {
  return state.matches.filter((m) => m.stage === stage && m.round === round)
    .flatMap((m) => m.sides.map((s) => s.participantId)).filter((id): id is string => id !== null);
}

/** Every participant exactly once in the first round, or beside a bye; no match of two byes; no one on both sides. */
function checkFirstRound(b: Bracket, ids: string[], stage: 'knockout' | 'winners'): void {
  const first = b.matches.filter((m) => m.stage === stage && m.round === 1);
  const drawn = first.flatMap((m) => m.sides.map((s) => s.participantId)).filter((id) => id !== null);
  expect([...drawn].sort()).toEqual([...ids].sort());
  for (const m of first) expect(m.sides.every((s) => s.bye)).toBe(false);
  expect(first.flatMap((m) => m.sides).filter((s) => s.bye)).toHaveLength(b.size - ids.length);
}

describe('single elimination (property)', () => {
  it('everyone plays once per round or has a bye, nobody twice, and there is one winner', () => {
    fc.assert(fc.property(fieldArb, fc.boolean(), ({ n, seededShare, drawSeed, play }, thirdPlace) => {
      const ids = players(n, seededShare);
      const b = drawSingleElimination(ids, { drawSeed, thirdPlace });
      checkFirstRound(b, ids.map((p) => p.id), 'knockout');
      const { state, states } = playOut(b, randomDecider(play));
      for (const s of states) checkOncePerRound(s);
      expect(state.complete).toBe(true);
      expect(state.flags).toEqual([]);
      const l = losses(state);
      const unbeaten = ids.filter((p) => !l.has(p.id));
      expect(unbeaten.map((p) => p.id)).toEqual([state.championId]);
      // Round r+1 is exactly the winners of round r (by play or by bye).
      const rounds = Math.log2(b.size);
      for (let r = 1; r < rounds; r++) {
        const winners = state.matches.filter((m) => m.stage === 'knockout' && m.round === r && m.key !== 'K3P').map((m) => m.winnerId);
        const next = state.matches.filter((m) => m.round === r + 1 && m.key !== 'K3P').flatMap((m) => m.sides.map((s) => s.participantId));
        expect([...next].sort()).toEqual([...winners].sort());
      }
      for (const p of ids) if (p.id !== state.championId && !thirdPlace) expect(l.get(p.id)).toBe(1);
    }), { numRuns: propertyRuns(100) });
  });
});

describe('double elimination (property)', () => {
  it('ends with exactly one winner and nobody out before two losses', () => {
    fc.assert(fc.property(fieldArb, ({ n, seededShare, drawSeed, play }) => {
      const ids = players(n, seededShare);
      const b = drawDoubleElimination(ids, { drawSeed });
      checkFirstRound(b, ids.map((p) => p.id), 'winners');
      const { state, states } = playOut(b, randomDecider(play));
      for (const s of states) {
        checkOncePerRound(s);
        for (const count of losses(s).values()) expect(count).toBeLessThanOrEqual(2);
      }
      expect(state.complete).toBe(true);
      expect(state.championId).not.toBeNull();
      const l = losses(state);
      for (const p of ids) {
        if (p.id === state.championId) expect(l.get(p.id) ?? 0).toBeLessThanOrEqual(1);
        else expect(l.get(p.id)).toBe(2);
      }
      const played = state.matches.filter((m) => m.status === 'done').length;
      expect(played === 2 * n - 2 || played === 2 * n - 1).toBe(true);
      expect(played === 2 * n - 1).toBe(state.byKey.GF2?.status === 'done');
      // Winners' bracket: round r+1 is exactly the winners of round r.
      for (let r = 1; r < Math.log2(b.size); r++) {
        const winners = state.matches.filter((m) => m.stage === 'winners' && m.round === r).map((m) => m.winnerId);
        expect(roundIds(state, 'winners', r + 1).sort()).toEqual([...winners].sort());
      }
    }), { numRuns: propertyRuns(100) });
  });
});

describe('round robin (property)', () => {
  it('everyone plays once per round or rests, and meets everyone else once', () => {
    fc.assert(fc.property(fieldArb, ({ n, seededShare, drawSeed }) => {
      const b = drawRoundRobin(players(n, seededShare), { drawSeed });
      const rounds = Math.max(...b.matches.map((m) => m.round));
      expect(rounds).toBe(n % 2 === 0 ? n - 1 : n);
      for (let r = 1; r <= rounds; r++) {
        const here = [
          ...b.matches.filter((m) => m.round === r).flatMap((m) => m.sides.map((s) => s.participantId)),
          ...b.rests.filter((x) => x.round === r).map((x) => x.participantId),
        ];
        expect([...here].sort()).toEqual([...b.participants].sort());
      }
      const pairs = new Set(b.matches.map((m) => m.sides.map((s) => s.participantId).sort().join('|')));
      expect(pairs.size).toBe((n * (n - 1)) / 2);
      expect(b.matches.every((m) => m.sides[0].participantId !== m.sides[1].participantId)).toBe(true);
    }), { numRuns: propertyRuns(60) });
  });
});

const groupsArb = fc.record({
  n: fc.integer({ min: 4, max: 64 }),
  groupShare: fc.double({ min: 0, max: 1, noNaN: true }),
  advanceShare: fc.double({ min: 0, max: 1, noNaN: true }),
  seededShare: fc.double({ min: 0, max: 1, noNaN: true }),
  drawSeed: fc.integer(),
  play: fc.integer(),
});

describe('groups then knockout (property)', () => {
  it('keeps group mates apart, everyone in one group, and plays out to one winner', () => {
    fc.assert(fc.property(groupsArb, ({ n, groupShare, advanceShare, seededShare, drawSeed, play }) => {
      const config = groupsConfig(n, groupShare, advanceShare);
      const b = drawGroupsThenKnockout(players(n, seededShare), { ...config, drawSeed });
      const members = b.groups.flatMap((g) => g.participantIds);
      expect([...members].sort()).toEqual([...b.participants].sort());
      const sizes = b.groups.map((g) => g.participantIds.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const first = b.matches.filter((m) => m.stage === 'knockout' && m.round === 1).flatMap((m) => m.sides);
      const rounds = Math.log2(b.size);
      first.forEach((x, i) => first.forEach((y, j) => {
        if (i >= j || x.from?.kind !== 'group_place' || y.from?.kind !== 'group_place' || x.from.group !== y.from.group) return;
        if (config.advancePerGroup === 2) expect(meetingRound(i, j)).toBe(rounds);
        else expect(meetingRound(i, j)).toBeGreaterThanOrEqual(Math.max(1, rounds - 1));
      }));
      const { state, states } = playOut(b, randomDecider(play, true));
      for (const s of states) checkOncePerRound(s);
      expect(state.complete).toBe(true);
      expect(state.championId).not.toBeNull();
    }), { numRuns: propertyRuns(60) });
  });
});
