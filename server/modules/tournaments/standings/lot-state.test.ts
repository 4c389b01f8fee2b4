import { describe, expect, it } from 'vitest';
import { validateGateballResult } from '../../../shared/sports/gateball.ts';
import { validateTableTennisResult, type GameScore } from '../../../shared/sports/table-tennis.ts';
import { settleLots } from './lot-state.ts';
import { gateballStandingMatch, gateballStandings, type GateballStandingMatch } from './gateball.ts';
import { standingMatchFromResult, tableTennisStandings, type TableTennisStandingMatch } from './table-tennis.ts';

function won(one: string, two: string): TableTennisStandingMatch {
  const games: GameScore[] = [[11, 5], [11, 5], [11, 5]];
  const result = validateTableTennisResult({ games }, { bestOf: 5, sides: [one, two] });
  if (!result.ok) throw new Error(result.message);
  return standingMatchFromResult([one, two], result)!;
}
function game(red: string, white: string, score: [number, number]): GateballStandingMatch {
  const result = validateGateballResult({ score }, { sides: [red, white], preset: 'agari_gates' });
  if (!result.ok) throw new Error(result.message);
  return gateballStandingMatch([red, white], result);
}
const by = <R extends { participantId: string }>(rows: R[], id: string): R => rows.find((r) => r.participantId === id)!;

describe('a lot only once nothing left to play can separate (table tennis)', () => {
  it('never ranks two players who have not played yet "by lot" (the field trial\'s group)', () => {
    // Round 1 played: A beat B, C beat D. C–A, B–D, A–D, B–C to come. B and D are level on 1 point.
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], [won('A', 'B'), won('C', 'D')], {
      pending: [['A', 'C'], ['B', 'D'], ['A', 'D'], ['B', 'C']],
    });
    expect(rows.some((r) => r.byLot)).toBe(false);
    expect(by(rows, 'B')).toMatchObject({ decidedBy: 'level', byLot: false });
  });

  it('marks a three-way circle by lot once the group is played out, drawn or not', () => {
    // Each of A, B, C beat one and lost one with the same scores; D lost all three.
    const matches = [won('A', 'B'), won('B', 'C'), won('C', 'A'), won('A', 'D'), won('B', 'D'), won('C', 'D')];
    const open = tableTennisStandings(['A', 'B', 'C', 'D'], matches);
    expect(open.slice(0, 3).every((r) => r.byLot && r.lotDrawn === false && r.decidedBy === 'lot')).toBe(true);
    expect(by(open, 'D')).toMatchObject({ rank: 4, byLot: false });
    const drawn = tableTennisStandings(['A', 'B', 'C', 'D'], matches, { lots: { C: 1, A: 2, B: 3 } });
    expect(drawn.map((r) => r.participantId)).toEqual(['C', 'A', 'B', 'D']);
    expect(drawn.slice(0, 3).every((r) => r.byLot && r.lotDrawn === true)).toBe(true);
  });

  it('the circle becomes a lot only once its last match (C–D, which moves C\'s points) is played', () => {
    // A, B, C a circle with equal scores; A and B have beaten D (5 points each), C–D is still to play.
    const done = [won('A', 'B'), won('B', 'C'), won('C', 'A'), won('A', 'D'), won('B', 'D')];
    const rows = tableTennisStandings(['A', 'B', 'C', 'D'], done, { pending: [['C', 'D']] });
    expect(rows.some((r) => r.byLot)).toBe(false);
    const everything = tableTennisStandings(['A', 'B', 'C', 'D'], [...done, won('C', 'D')]);
    expect(everything.filter((r) => r.byLot).map((r) => r.participantId).sort()).toEqual(['A', 'B', 'C']);
  });

  it('waits while a player below, with matches to play, can still come level', () => {
    type Row = { participantId: string; byLot: boolean; decidedBy: string; points: number };
    const rows: Row[] = [
      { participantId: 'A', byLot: true, decidedBy: 'lot', points: 6 },
      { participantId: 'B', byLot: true, decidedBy: 'lot', points: 6 },
      { participantId: 'E', byLot: false, decidedBy: 'match_points', points: 4 },
      { participantId: 'F', byLot: false, decidedBy: 'match_points', points: 3 },
    ];
    const rules = {
      level: (a: Row, b: Row) => a.points === b.points,
      couldReach: (r: Row, target: Row, games: number) => r.points < target.points && r.points + 2 * games >= target.points,
    };
    const open = settleLots(rows, [['E', 'F']], rules, new Set());
    expect(open.slice(0, 2).map((r) => [r.byLot, r.decidedBy])).toEqual([[false, 'level'], [false, 'level']]);
    const final = settleLots(rows, [], rules, new Set(['A', 'B']));
    expect(final.slice(0, 2).map((r) => [r.byLot, (r as { lotDrawn?: boolean }).lotDrawn])).toEqual([[true, true], [true, true]]);
  });

  it('waits while someone below can still come level, and not when nobody can', () => {
    // Five players: A, B, C have played all four (a circle, and each beat D and E); D–E to play.
    const base = [won('A', 'B'), won('B', 'C'), won('C', 'A'), won('A', 'D'), won('B', 'D'), won('C', 'D'), won('A', 'E'), won('B', 'E'), won('C', 'E')];
    // A, B, C have 6 points; D and E have 3 each and one match left (at most 5): the circle is final.
    const rows = tableTennisStandings(['A', 'B', 'C', 'D', 'E'], base, { pending: [['D', 'E']] });
    expect(rows.slice(0, 3).every((r) => r.byLot)).toBe(true);
    // D and E are level (3) with their match between them still to play: not a lot.
    expect(rows.slice(3).every((r) => !r.byLot && r.decidedBy === 'level')).toBe(true);
  });
});

describe('a lot only once nothing left to play can separate (gateball)', () => {
  it('keeps the lot step off the screen while games remain, and marks it when the group is over', () => {
    const order = ['lot'] as const;
    const played = [game('A', 'B', [15, 10])];
    const during = gateballStandings(['A', 'B', 'C'], played, { order: [...order], pending: [['A', 'C'], ['B', 'C']] });
    expect(during.some((r) => r.byLot)).toBe(false);
    const all = [game('A', 'B', [15, 10]), game('B', 'C', [15, 10]), game('C', 'A', [15, 10])];
    const after = gateballStandings(['A', 'B', 'C'], all, { order: [...order] });
    expect(after.every((r) => r.byLot && r.decidedBy === 'lot' && r.lotDrawn === false)).toBe(true);
    const drawn = gateballStandings(['A', 'B', 'C'], all, { order: [...order], lots: { B: 1, C: 2, A: 3 } });
    expect(drawn.map((r) => r.participantId)).toEqual(['B', 'C', 'A']);
  });

  it('a lot drawn for some of the level teams only decides nothing', () => {
    const all = [game('A', 'B', [15, 10]), game('B', 'C', [15, 10]), game('C', 'A', [15, 10])];
    const rows = gateballStandings(['A', 'B', 'C'], all, { order: ['lot'], lots: { B: 1, C: 2 } });
    expect(rows.every((r) => r.byLot && r.lotDrawn === false)).toBe(true);
  });
});
