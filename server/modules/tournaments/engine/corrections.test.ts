/**
 * Corrections lead to the same bracket as entering the right result first: a tournament is played out with one
 * wrong result, which is corrected at the end; that state must equal the state of replaying the tournament with
 * the right result entered at once and every later result re-entered only where it still fits (same players).
 * The results that did not fit are exactly the flagged ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { applyResults } from './apply.ts';
import { drawDoubleElimination } from './double.ts';
import { resolveGroupPlaces } from './groups.ts';
import { drawGroupsThenKnockout } from './knockout-groups.ts';
import { drawRoundRobin } from './round-robin.ts';
import { orderOfPlay } from './schedule.ts';
import { drawSingleElimination } from './single.ts';
import { checkOncePerRound, field, groupsConfig, playOut, randomDecider, simplePlaces } from './testing.ts';
import type { Bracket, BracketState, SideIndex, StoredResult } from './types.ts';

/** The lead's part for groups: (re)resolve the knockout's group places whenever every group match is done. */
function withPlaces(draw: Bracket, results: Record<string, StoredResult>): { bracket: Bracket; state: BracketState } {
  const state = applyResults(draw, results);
  if (draw.groups.length === 0 || !state.matches.every((m) => m.stage !== 'group' || m.status === 'done')) return { bracket: draw, state };
  const bracket = resolveGroupPlaces(draw, simplePlaces(draw, state));
  return { bracket, state: applyResults(bracket, results) };
}

/** Replays from scratch: a ready match gets the stored result only if it was entered for the same two players. */
function replay(draw: Bracket, stored: Record<string, StoredResult>): Record<string, StoredResult> {
  const results: Record<string, StoredResult> = {};
  for (;;) {
    const { bracket, state } = withPlaces(draw, results);
    let added = false;
    for (const m of orderOfPlay(bracket, state)) {
      const r = stored[m.key];
      const ids = m.sides.map((s) => s.participantId);
      if (!r || results[m.key] || !r.participants.every((id) => ids.includes(id))) continue;
      results[m.key] = r;
      added = true;
    }
    if (!added) return results;
  }
}

const drawArb = fc.record({
  format: fc.constantFrom('single', 'double', 'groups', 'round_robin'),
  n: fc.integer({ min: 2, max: 64 }),
  groupShare: fc.double({ min: 0, max: 1, noNaN: true }),
  advanceShare: fc.double({ min: 0, max: 1, noNaN: true }),
  drawSeed: fc.integer(),
  play: fc.integer(),
  pick: fc.nat(),
  toDraw: fc.boolean(),
});

function draw(format: string, n: number, groupShare: number, advanceShare: number, drawSeed: number): Bracket {
  if (format === 'double') return drawDoubleElimination(field(n), { drawSeed });
  if (format === 'round_robin') return drawRoundRobin(field(Math.min(n, 16)), { drawSeed });
  if (format === 'groups' && n >= 4) return drawGroupsThenKnockout(field(n), { ...groupsConfig(n, groupShare, advanceShare), drawSeed });
  return drawSingleElimination(field(n), { drawSeed });
}

describe('corrections (property)', () => {
  it('give the same bracket as entering the right result first, with the set-aside results flagged', () => {
    fc.assert(fc.property(drawArb, ({ format, n, groupShare, advanceShare, drawSeed, play, pick, toDraw }) => {
      const start = draw(format, n, groupShare, advanceShare, drawSeed);
      const wrong = playOut(start, randomDecider(play, true));
      const done = wrong.state.matches.filter((m) => m.status === 'done');
      const target = done[pick % done.length];
      if (!target) return;
      const old = wrong.results[target.key] as StoredResult;
      const winner: SideIndex | null = target.stage === 'group' || target.stage === 'round_robin'
        ? (toDraw && old.winner !== null ? null : old.winner === 0 ? 1 : 0)
        : old.winner === 0 ? 1 : 0;
      const corrected: Record<string, StoredResult> = { ...wrong.results, [target.key]: { ...old, winner } };

      const after = withPlaces(start, corrected);
      checkOncePerRound(after.state);
      const rightFirst = replay(start, corrected);
      const expected = withPlaces(start, rightFirst);
      expect(after.state.matches).toEqual(expected.state.matches);
      expect(expected.state.flags).toEqual([]);
      const setAside = Object.keys(corrected).filter((k) => !(k in rightFirst)).sort();
      expect(after.state.flags.map((f) => f.key).sort()).toEqual(setAside);
      expect(setAside).not.toContain(target.key);
      // Correcting back restores the bracket as it was.
      const back = withPlaces(start, { ...corrected, [target.key]: old });
      expect(back.state.matches).toEqual(wrong.state.matches);
      expect(back.state.flags).toEqual([]);
    }), { numRuns: propertyRuns(150) });
    // 150 whole brackets played out twice: about 7 s on a 2-core machine running other suites beside it.
  }, 60_000);
});
