import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { type GameScore, validateTableTennisResult } from '../../../shared/sports/table-tennis.ts';
import { standingMatchFromResult, type TableTennisStandingMatch, type TableTennisStandingRow, tableTennisStandings } from './table-tennis.ts';

/** A played singles match, validated as the server would. */
function played(one: string, two: string, games: GameScore[]): TableTennisStandingMatch {
  const result = validateTableTennisResult({ games }, { bestOf: 5, sides: [one, two] });
  if (!result.ok) throw new Error(result.message);
  return standingMatchFromResult([one, two], result)!;
}
function walkover(winner: string, loser: string): TableTennisStandingMatch {
  const result = validateTableTennisResult({ walkover: winner }, { bestOf: 5, sides: [winner, loser] });
  if (!result.ok) throw new Error(result.message);
  return standingMatchFromResult([winner, loser], result)!;
}
const threeNil = (winnerPoints: number[], loserPoints: number[]): GameScore[] =>
  winnerPoints.map((w, i): GameScore => [w, loserPoints[i]!]);
const order = (rows: TableTennisStandingRow[]) => rows.map((r) => r.participantId);
const row = (rows: TableTennisStandingRow[], id: string) => rows.find((r) => r.participantId === id)!;

describe('table tennis group standings (ITTF 3.7.5)', () => {
  it('gives 2 match points a win, 1 a played loss, 0 a walkover loss, and counts games and points', () => {
    const rows = tableTennisStandings(['A', 'B', 'C'], [
      played('A', 'B', [[11, 7], [9, 11], [11, 9], [11, 4]]),
      walkover('A', 'C'),
      played('C', 'B', [[5, 11], [5, 11], [5, 11]]),
    ]);
    expect(rows).toEqual([
      { participantId: 'A', rank: 1, played: 2, won: 2, lost: 0, matchPoints: 4, gamesWon: 3, gamesLost: 1, pointsWon: 42, pointsLost: 31, byLot: false, decidedBy: 'match_points' },
      { participantId: 'B', rank: 2, played: 2, won: 1, lost: 1, matchPoints: 3, gamesWon: 4, gamesLost: 3, pointsWon: 64, pointsLost: 57, byLot: false, decidedBy: 'match_points' },
      { participantId: 'C', rank: 3, played: 2, won: 0, lost: 2, matchPoints: 1, gamesWon: 0, gamesLost: 3, pointsWon: 15, pointsLost: 33, byLot: false, decidedBy: 'match_points' },
    ]);
  });

  it('two players level on match points are ordered by their own match', () => {
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], [
      played('A', 'B', [[5, 11], [5, 11], [5, 11]]),
      played('A', 'C', [[11, 5], [11, 5], [11, 5]]), played('A', 'D', [[11, 5], [11, 5], [11, 5]]),
      played('B', 'C', [[11, 5], [11, 5], [11, 5]]), played('B', 'D', [[5, 11], [5, 11], [5, 11]]),
      played('C', 'D', [[11, 5], [11, 5], [11, 5]]),
    ]);
    // A 5, B 5, C 4, D 4; B beat A; C beat D.
    expect(order(rows)).toEqual(['B', 'A', 'C', 'D']);
    expect(row(rows, 'B')).toMatchObject({ decidedBy: 'head_to_head_match_points', tiedWith: ['A'] });
    expect(row(rows, 'D')).toMatchObject({ decidedBy: 'head_to_head_match_points', tiedWith: ['C'] });
  });

  it('three players level, separated only by the ratio of points in their own matches', () => {
    const matches = [
      // Among A, B, C every match is 3–2, so match points (3 each) and games (5:5 each) are equal.
      played('A', 'B', [[11, 0], [11, 0], [0, 11], [0, 11], [11, 0]]), // A 33, B 22
      played('B', 'C', [[11, 9], [11, 9], [9, 11], [9, 11], [11, 9]]), // B 51, C 49
      played('C', 'A', [[11, 5], [11, 5], [5, 11], [5, 11], [11, 5]]), // C 43, A 37
      // Against D: if these counted, B (11–0s) would be first and A (11–9s) last.
      played('A', 'D', threeNil([11, 11, 11], [9, 9, 9])),
      played('B', 'D', threeNil([11, 11, 11], [0, 0, 0])),
      played('C', 'D', threeNil([11, 11, 11], [5, 5, 5])),
    ];
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], matches);
    // Points among them: A 70:65, C 92:88, B 73:82.
    expect(order(rows)).toEqual(['A', 'C', 'B', 'D']);
    for (const id of ['A', 'B', 'C']) {
      expect(row(rows, id)).toMatchObject({ matchPoints: 5, decidedBy: 'point_ratio', byLot: false });
      expect(row(rows, id).tiedWith?.sort()).toEqual(['A', 'B', 'C'].filter((x) => x !== id));
    }
    expect(row(rows, 'D')).toMatchObject({ rank: 4, decidedBy: 'match_points' });
    expect(row(rows, 'D').tiedWith).toBeUndefined();
  });

  it('separating one of three by points ratio leaves two, resolved again by their own match', () => {
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], [
      played('A', 'B', [[11, 1], [0, 11], [11, 1], [0, 11], [11, 1]]), // A 33, B 25
      played('B', 'C', [[11, 0], [0, 11], [11, 0], [0, 11], [11, 0]]), // B 33, C 22
      played('C', 'A', [[11, 0], [1, 11], [11, 0], [2, 11], [11, 0]]), // C 36, A 22
      played('A', 'D', threeNil([11, 11, 11], [0, 0, 0])),
      played('B', 'D', threeNil([11, 11, 11], [0, 0, 0])),
      played('C', 'D', threeNil([11, 11, 11], [0, 0, 0])),
    ]);
    // Among the three: A 55:61 (last), B 58:55 and C 58:55 equal; then B beat C.
    expect(order(rows)).toEqual(['B', 'C', 'A', 'D']);
    expect(row(rows, 'A')).toMatchObject({ decidedBy: 'point_ratio', rank: 3 });
    expect(row(rows, 'B')).toMatchObject({ decidedBy: 'head_to_head_match_points', tiedWith: ['C'], rank: 1 });
    expect(row(rows, 'C')).toMatchObject({ decidedBy: 'head_to_head_match_points', tiedWith: ['B'], rank: 2 });
  });

  it('restarts from match points among the two still level, not from the next ratio of the three', () => {
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], [
      walkover('A', 'B'),
      played('B', 'C', threeNil([11, 11, 11], [3, 3, 3])),
      played('C', 'A', [[11, 5], [5, 11], [11, 5], [5, 11], [11, 5]]),
      played('D', 'A', threeNil([11, 11, 11], [3, 3, 3])),
      played('D', 'C', threeNil([11, 11, 11], [3, 3, 3])),
      played('B', 'D', threeNil([11, 11, 11], [3, 3, 3])),
    ]);
    // A, B, C have 4 match points, D 5. Among the three: A 3, C 3, B 2 (the walkover loss counts 0).
    // A's games among the three (2:3, the walkover adds none) beat C's (3:5), but A and C start again
    // from their own match, which C won.
    expect(order(rows)).toEqual(['D', 'C', 'A', 'B']);
    expect(row(rows, 'B')).toMatchObject({ matchPoints: 4, decidedBy: 'head_to_head_match_points', played: 3, won: 2, lost: 1 });
    expect(row(rows, 'C')).toMatchObject({ decidedBy: 'head_to_head_match_points', tiedWith: ['A'] });
  });

  describe('what cannot be resolved is decided by lot', () => {
    const cycle = [
      played('A', 'B', threeNil([11, 11, 11], [5, 5, 5])),
      played('B', 'C', threeNil([11, 11, 11], [5, 5, 5])),
      played('C', 'A', threeNil([11, 11, 11], [5, 5, 5])),
    ];

    it('marks the rows and keeps the input order until the lot is drawn', () => {
      const rows = tableTennisStandings(['A', 'B', 'C'], cycle);
      expect(order(rows)).toEqual(['A', 'B', 'C']);
      expect(rows.map((r) => [r.rank, r.byLot, r.decidedBy])).toEqual([[1, true, 'lot'], [2, true, 'lot'], [3, true, 'lot']]);
      expect(row(rows, 'B').tiedWith).toEqual(['A', 'C']);
    });

    it('follows the lots the referee drew', () => {
      const rows = tableTennisStandings(['A', 'B', 'C'], cycle, { lots: { C: 1, A: 2, B: 3 } });
      expect(order(rows)).toEqual(['C', 'A', 'B']);
      expect(rows.every((r) => r.byLot && r.decidedBy === 'lot')).toBe(true);
      expect(order(tableTennisStandings(['A', 'B', 'C'], cycle, { lots: { B: 1 } }))).toEqual(['B', 'A', 'C']);
    });

    it('only the players still level go to the lot (here two who have not met yet)', () => {
      const rows = tableTennisStandings(['A', 'B', 'C', 'D'], [
        played('A', 'B', threeNil([11, 11, 11], [5, 5, 5])), played('A', 'C', threeNil([11, 11, 11], [5, 5, 5])),
        played('B', 'D', threeNil([11, 11, 11], [0, 0, 0])), played('C', 'D', threeNil([11, 11, 11], [9, 9, 9])),
      ], { lots: { C: 1, B: 2 } });
      // B and C have 3 match points each and no match between them: nothing among them to compare.
      expect(order(rows)).toEqual(['A', 'C', 'B', 'D']);
      expect(rows.map((r) => r.byLot)).toEqual([false, true, true, false]);
      expect(row(rows, 'C')).toMatchObject({ decidedBy: 'lot', tiedWith: ['B'] });
    });
  });

  it('team events compare the ratio of rubbers before games', () => {
    const team = (one: string, two: string, rubbers: [number, number], games: [number, number]): TableTennisStandingMatch => ({
      sides: [one, two], winnerSide: rubbers[0] > rubbers[1] ? 1 : 2, walkover: false, rubbersWon: rubbers, gamesWon: games, pointsWon: [100, 100],
    });
    const rows = tableTennisStandings(['A', 'B', 'C'], [
      team('A', 'B', [3, 0], [9, 0]), team('B', 'C', [3, 2], [10, 9]), team('C', 'A', [3, 1], [11, 3]),
    ], { team: true });
    // Rubbers among them: A 4:3, C 5:4, B 3:5. In the second table the games (C 22:12, A 12:12) would put C
    // first, but the rubbers come before the games.
    expect(order(rows)).toEqual(['A', 'C', 'B']);
    expect(row(rows, 'A')).toMatchObject({ decidedBy: 'rubber_ratio', rubbersWon: 4, rubbersLost: 3 });
    expect(order(tableTennisStandings(['A', 'B', 'C'], [
      team('A', 'B', [3, 0], [9, 0]), team('B', 'C', [3, 2], [9, 10]), team('C', 'A', [3, 1], [12, 3]),
    ], { team: true }))).toEqual(['A', 'C', 'B']);
  });

  it('ignores matches outside the group and lists players without matches', () => {
    const rows = tableTennisStandings(['A', 'B', 'A', 'E'], [
      played('A', 'B', threeNil([11, 11, 11], [5, 5, 5])),
      played('A', 'X', threeNil([11, 11, 11], [5, 5, 5])),
      played('B', 'B', threeNil([11, 11, 11], [5, 5, 5])),
    ]);
    expect(rows.map((r) => [r.participantId, r.rank, r.played, r.matchPoints])).toEqual([['A', 1, 1, 2], ['B', 2, 1, 1], ['E', 3, 0, 0]]);
    expect(tableTennisStandings([], [])).toEqual([]);
  });
});

// ---- Properties over random groups ----

const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'];
const matchArb = (players: string[]) => fc.record({
  one: fc.constantFrom(...players, 'stranger'),
  two: fc.constantFrom(...players),
  side1: fc.boolean(),
  walkover: fc.boolean(),
  loserGames: fc.integer({ min: 0, max: 2 }),
  points: fc.tuple(fc.nat(60), fc.nat(60)),
}).map((m): TableTennisStandingMatch => ({
  sides: [m.one, m.two], winnerSide: m.side1 ? 1 : 2, walkover: m.walkover,
  gamesWon: m.walkover ? [0, 0] : m.side1 ? [3, m.loserGames] : [m.loserGames, 3],
  pointsWon: m.walkover ? [0, 0] : m.points,
}));
const groupArb = fc.integer({ min: 2, max: 8 }).chain((n) => {
  const players = ids.slice(0, n);
  return fc.tuple(fc.constant(players), fc.array(matchArb(players), { maxLength: 40 }));
});

describe('properties', () => {
  it('the standings are a permutation of the players, ranked 1..n, ordered by match points', () => {
    fc.assert(fc.property(groupArb, ([players, matches]) => {
      const rows = tableTennisStandings(players, matches);
      expect([...order(rows)].sort()).toEqual([...players].sort());
      expect(rows.map((r) => r.rank)).toEqual(players.map((_, i) => i + 1));
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.matchPoints).toBeGreaterThanOrEqual(rows[i]!.matchPoints);
      for (const r of rows) expect(r.played).toBe(r.won + r.lost);
      expect(rows.reduce((s, r) => s + r.won, 0)).toBe(rows.reduce((s, r) => s + r.lost, 0));
    }), { numRuns: propertyRuns(400) });
  });

  it('adding results one by one never throws', () => {
    fc.assert(fc.property(groupArb, ([players, matches]) => {
      for (let i = 0; i <= matches.length; i++) expect(() => tableTennisStandings(players, matches.slice(0, i))).not.toThrow();
    }), { numRuns: propertyRuns(100) });
  });

  it('the order of the matches does not matter', () => {
    fc.assert(fc.property(groupArb, fc.nat(), ([players, matches], seed) => {
      const shuffled = [...matches].sort((a, b) => ((matches.indexOf(a) * 7919 + seed) % 13) - ((matches.indexOf(b) * 7919 + seed) % 13));
      expect(tableTennisStandings(players, shuffled)).toEqual(tableTennisStandings(players, matches));
    }), { numRuns: propertyRuns(200) });
  });

  it('the order of the players matters only to lots not yet drawn', () => {
    fc.assert(fc.property(groupArb, ([players, matches]) => {
      const lots = Object.fromEntries(players.map((p, i) => [p, players.length - i]));
      const normal = (rows: TableTennisStandingRow[]) => rows.map((r) => ({ ...r, tiedWith: r.tiedWith?.sort() }));
      const forward = tableTennisStandings(players, matches, { lots });
      const backward = tableTennisStandings([...players].reverse(), matches, { lots });
      expect(normal(backward)).toEqual(normal(forward));
      // Without lots, only the rows marked by lot may move.
      const unsettled = tableTennisStandings([...players].reverse(), matches);
      const settled = tableTennisStandings(players, matches);
      unsettled.forEach((r, i) => {
        if (!r.byLot) expect(r.participantId).toBe(settled[i]!.participantId);
      });
    }), { numRuns: propertyRuns(200) });
  });
});

/** A complete round robin: every pair meets once, all matches played. */
const roundRobinArb = fc.integer({ min: 2, max: 8 }).chain((n) => {
  const players = ids.slice(0, n);
  const pairs = players.flatMap((a, i) => players.slice(i + 1).map((b) => [a, b] as const));
  const result = fc.record({ side1: fc.boolean(), loserGames: fc.integer({ min: 0, max: 2 }), loserPoints: fc.nat(40), extra: fc.nat(10) });
  return fc.tuple(fc.constant(players), fc.tuple(...pairs.map(() => result))).map(([ps, results]) => [ps, results.map((r, i): TableTennisStandingMatch => {
    const [a, b] = pairs[i]!;
    const winnerPoints = 33 + r.extra;
    return {
      sides: [a, b], winnerSide: r.side1 ? 1 : 2, walkover: false,
      gamesWon: r.side1 ? [3, r.loserGames] : [r.loserGames, 3],
      pointsWon: r.side1 ? [winnerPoints, r.loserPoints] : [r.loserPoints, winnerPoints],
    };
  })] as const);
});

/** Rows grouped by match points (Map.groupBy is not in Node 20). */
function levels(rows: TableTennisStandingRow[]): Map<number, TableTennisStandingRow[]> {
  const groups = new Map<number, TableTennisStandingRow[]>();
  for (const r of rows) groups.set(r.matchPoints, [...(groups.get(r.matchPoints) ?? []), r]);
  return groups;
}

describe('properties of complete round robins', () => {
  const winnerOf = (matches: readonly TableTennisStandingMatch[], a: string, b: string) => {
    const m = matches.find((x) => x.sides.includes(a) && x.sides.includes(b))!;
    return m.sides[m.winnerSide - 1];
  };

  it('of players level on match points, one who beat all the others comes first among them', () => {
    fc.assert(fc.property(roundRobinArb, ([players, matches]) => {
      const rows = tableTennisStandings(players, matches);
      const byPoints = levels(rows);
      for (const level of byPoints.values()) {
        const group = level.map((r) => r.participantId);
        const beatAll = group.find((p) => group.every((q) => q === p || winnerOf(matches, p, q) === p));
        if (beatAll !== undefined && group.length > 1) expect(group[0]).toBe(beatAll);
      }
    }), { numRuns: propertyRuns(300) });
  });

  it('two players alone on a match-point total are ordered by their own match', () => {
    fc.assert(fc.property(roundRobinArb, ([players, matches]) => {
      const rows = tableTennisStandings(players, matches);
      const byPoints = levels(rows);
      for (const level of byPoints.values()) {
        if (level.length !== 2) continue;
        const [first, second] = level as [TableTennisStandingRow, TableTennisStandingRow];
        expect(winnerOf(matches, first.participantId, second.participantId)).toBe(first.participantId);
        expect(first.decidedBy).toBe('head_to_head_match_points');
      }
    }), { numRuns: propertyRuns(300) });
  });
});
