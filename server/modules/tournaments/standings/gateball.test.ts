import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { validateGateballResult } from '../../../shared/sports/gateball.ts';
import {
  DEFAULT_GATEBALL_STANDINGS, gateballStandingMatch, type GateballStandingMatch, type GateballStandingRow, gateballStandings,
  type GateballStandingsStep, normaliseOrder,
} from './gateball.ts';

/** A game as the server would record it (red = the first team). */
function game(red: string, white: string, score: [number, number] | { walkover: string }): GateballStandingMatch {
  const payload = Array.isArray(score) ? { score } : score;
  const result = validateGateballResult(payload, { sides: [red, white], preset: 'agari_gates' });
  if (!result.ok) throw new Error(result.message);
  return gateballStandingMatch([red, white], result);
}
const order = (rows: GateballStandingRow[]) => rows.map((r) => r.participantId);
const row = (rows: GateballStandingRow[], id: string) => rows.find((r) => r.participantId === id)!;

describe('gateball group standings', () => {
  it('puts wins first: three draws never outrank one win', () => {
    // With {score} only, equal totals are a draw. A draws everyone; B, C and D each win once and lose once.
    const rows = gateballStandings(['A', 'B', 'C', 'D'], [
      game('A', 'B', [10, 10]), game('A', 'C', [12, 12]), game('A', 'D', [8, 8]),
      game('B', 'C', [15, 9]), game('C', 'D', [15, 9]), game('D', 'B', [15, 9]),
    ]);
    expect(row(rows, 'A')).toMatchObject({ rank: 4, won: 0, drawn: 3 });
  });

  it('counts 2 for a win, 1 for a draw, 0 for a loss, and the points scored and conceded', () => {
    const rows = gateballStandings(['A', 'B', 'C'], [game('A', 'B', [15, 10]), game('B', 'C', [12, 12]), game('C', 'A', [20, 3])]);
    expect(rows).toEqual([
      { participantId: 'C', rank: 1, played: 2, won: 1, drawn: 1, lost: 0, matchPoints: 3, pointsFor: 32, pointsAgainst: 15, scoreDifference: 17, byLot: false, decidedBy: 'match_points' },
      { participantId: 'A', rank: 2, played: 2, won: 1, drawn: 0, lost: 1, matchPoints: 2, pointsFor: 18, pointsAgainst: 30, scoreDifference: -12, byLot: false, decidedBy: 'match_points' },
      { participantId: 'B', rank: 3, played: 2, won: 0, drawn: 1, lost: 1, matchPoints: 1, pointsFor: 22, pointsAgainst: 27, scoreDifference: -5, byLot: false, decidedBy: 'match_points' },
    ]);
  });

  it('a walkover is a win and a loss with no points scored', () => {
    const rows = gateballStandings(['A', 'B'], [game('A', 'B', { walkover: 'B' })]);
    expect(rows.map((r) => [r.participantId, r.won, r.lost, r.matchPoints, r.pointsFor, r.pointsAgainst])).toEqual([['B', 1, 0, 2, 0, 0], ['A', 0, 1, 0, 0, 0]]);
  });

  it('the default order is score difference, points scored, head-to-head, lot', () => {
    expect(DEFAULT_GATEBALL_STANDINGS).toEqual(['score_difference', 'points_for', 'head_to_head', 'lot']);
    // A and B 4 points each: B beat A 10–9, but A has the better difference (+24 against −3).
    const matches = [
      game('B', 'A', [10, 9]), game('A', 'C', [20, 0]), game('A', 'D', [10, 5]),
      game('B', 'D', [10, 9]), game('C', 'B', [10, 5]), game('D', 'C', [10, 8]),
    ];
    const rows = gateballStandings(['A', 'B', 'C', 'D'], matches);
    expect(order(rows)).toEqual(['A', 'B', 'D', 'C']);
    expect(row(rows, 'A')).toMatchObject({ decidedBy: 'score_difference', tiedWith: ['B'], scoreDifference: 24 });
    // Head-to-head first: B's win over A counts before the difference.
    const h2h = gateballStandings(['A', 'B', 'C', 'D'], matches, { order: ['head_to_head', 'score_difference'] });
    expect(order(h2h)).toEqual(['B', 'A', 'D', 'C']);
    expect(row(h2h, 'B')).toMatchObject({ decidedBy: 'head_to_head' });
  });

  it('points scored decide an equal difference', () => {
    const rows = gateballStandings(['A', 'B'], [game('A', 'B', [10, 10]), game('A', 'X', [1, 1])], {});
    expect(rows.every((r) => r.byLot)).toBe(true);
    const more = gateballStandings(['A', 'B', 'C'], [game('A', 'C', [20, 15]), game('B', 'C', [10, 5]), game('A', 'B', [7, 7])]);
    // A: +5, 27 scored; B: +5, 17 scored.
    expect(order(more)).toEqual(['A', 'B', 'C']);
    expect(row(more, 'A')).toMatchObject({ decidedBy: 'points_for', scoreDifference: 5 });
  });

  it('head-to-head decides when difference and points are equal', () => {
    // All three 1 win, 1 loss, +0. C scored most; A and B scored 15 each, and A beat B.
    const rows = gateballStandings(['B', 'A', 'C'], [game('A', 'B', [6, 5]), game('C', 'A', [10, 9]), game('B', 'C', [10, 9])]);
    expect(rows.map((r) => [r.participantId, r.matchPoints, r.scoreDifference, r.pointsFor])).toEqual([['C', 2, 0, 19], ['A', 2, 0, 15], ['B', 2, 0, 15]]);
    expect(row(rows, 'C')).toMatchObject({ decidedBy: 'points_for', tiedWith: ['B', 'A'] });
    expect(row(rows, 'A')).toMatchObject({ decidedBy: 'head_to_head', tiedWith: ['B'], byLot: false });
    const equal = gateballStandings(['A', 'B', 'C', 'D'], [
      game('A', 'B', [10, 8]), game('C', 'A', [10, 8]), game('B', 'D', [10, 8]), game('D', 'C', [10, 8]),
      game('A', 'D', [3, 3]), game('B', 'C', [3, 3]),
    ]);
    // Everyone 1 win, 1 draw, 1 loss, +0, 21 scored: head-to-head among all four is equal too -> lot.
    expect(equal.every((r) => r.byLot && r.decidedBy === 'lot')).toBe(true);
  });

  it('restarts among the teams still level after one is separated', () => {
    const matches = [
      game('X', 'Y', [10, 5]), game('Y', 'Z', [12, 10]), game('Z', 'X', [15, 8]),
      game('X', 'W', [3, 2]), game('Y', 'W', [10, 0]), game('Z', 'W', [12, 10]),
    ];
    const options = { order: ['score_difference', 'head_to_head', 'points_for', 'lot'] as GateballStandingsStep[] };
    const rows = gateballStandings(['W', 'X', 'Y', 'Z'], matches, options);
    // X, Y, Z 4 points. Differences X −1, Y +7, Z +7: X third. Y and Z start again: equal difference, then
    // their own game (Y won) — although among all three the head-to-head is level and Z scored more.
    expect(order(rows)).toEqual(['Y', 'Z', 'X', 'W']);
    expect(row(rows, 'Y')).toMatchObject({ decidedBy: 'head_to_head', tiedWith: ['Z'], scoreDifference: 7, pointsFor: 27 });
    expect(row(rows, 'Z')).toMatchObject({ scoreDifference: 7, pointsFor: 37 });
    expect(row(rows, 'X')).toMatchObject({ decidedBy: 'score_difference', rank: 3 });
    expect(row(rows, 'W')).toMatchObject({ decidedBy: 'match_points', rank: 4 });
  });

  it('a lot step decides at once, following the lots drawn', () => {
    const matches = [game('A', 'B', [9, 10]), game('A', 'C', [20, 0]), game('B', 'C', [2, 10])];
    const rows = gateballStandings(['A', 'B', 'C'], matches, { order: ['lot', 'score_difference'], lots: { C: 1, B: 2, A: 3 } });
    expect(order(rows)).toEqual(['C', 'B', 'A']);
    expect(rows.every((r) => r.byLot)).toBe(true);
  });

  it('reads the order list leniently: unknown and repeated steps are ignored, lot is implied', () => {
    expect(normaliseOrder(['points_for', 'points_for', 'nonsense' as GateballStandingsStep])).toEqual(['points_for']);
    expect(normaliseOrder(undefined)).toEqual(DEFAULT_GATEBALL_STANDINGS);
    const rows = gateballStandings(['A', 'B'], [game('A', 'B', [5, 5])], { order: ['points_for'], lots: { B: 0 } });
    expect(order(rows)).toEqual(['B', 'A']);
    expect(rows.every((r) => r.byLot)).toBe(true);
  });
});

const teams = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];
const scoreArb = fc.integer({ min: 0, max: 25 }).filter((n) => n !== 24);
const matchArb = (players: string[]) => fc.record({
  red: fc.constantFrom(...players, 'elsewhere'), white: fc.constantFrom(...players),
  score: fc.tuple(scoreArb, scoreArb), walkover: fc.boolean(),
}).map(({ red, white, score, walkover }): GateballStandingMatch => ({
  sides: [red, white], walkover, score: walkover ? [0, 0] : score,
  winnerSide: walkover ? 1 : score[0] === score[1] ? null : score[0] > score[1] ? 1 : 2,
}));
const stepArb = fc.constantFrom<GateballStandingsStep>('head_to_head', 'score_difference', 'points_for', 'lot');
const groupArb = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const players = teams.slice(0, n);
  return fc.tuple(fc.constant(players), fc.array(matchArb(players), { maxLength: 30 }), fc.array(stepArb, { maxLength: 5 }));
});

describe('properties', () => {
  it('standings are a permutation ranked 1..n, ordered by match points, whatever the order list', () => {
    fc.assert(fc.property(groupArb, ([players, matches, steps]) => {
      for (let i = 0; i <= matches.length; i += 3) {
        const rows = gateballStandings(players, matches.slice(0, i), { order: steps });
        expect([...order(rows)].sort()).toEqual([...players].sort());
        expect(rows.map((r) => r.rank)).toEqual(players.map((_, k) => k + 1));
        for (let k = 1; k < rows.length; k++) expect(rows[k - 1]!.won * 1000 + rows[k - 1]!.drawn).toBeGreaterThanOrEqual(rows[k]!.won * 1000 + rows[k]!.drawn);
        for (const r of rows) expect(r.played).toBe(r.won + r.drawn + r.lost);
      }
    }), { numRuns: propertyRuns(300) });
  });

  it('with score difference first, level teams are ordered by it', () => {
    fc.assert(fc.property(groupArb, ([players, matches]) => {
      const rows = gateballStandings(players, matches);
      for (let k = 1; k < rows.length; k++) {
        const [a, b] = [rows[k - 1]!, rows[k]!];
        if (a.won === b.won && a.drawn === b.drawn) expect(a.scoreDifference).toBeGreaterThanOrEqual(b.scoreDifference);
      }
    }), { numRuns: propertyRuns(300) });
  });
});
