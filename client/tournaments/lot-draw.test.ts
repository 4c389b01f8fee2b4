import { describe, expect, it } from 'vitest';
import { lotSets, pickNext, rankLabels } from './lot-draw.ts';
import type { StandingRow } from './types.ts';

const row = (participantId: string, rank: number, extra: Partial<StandingRow> = {}): StandingRow => ({
  participantId, rank, played: 3, won: 1, lost: 1, matchPoints: 4, byLot: false, decidedBy: 'match_points', ...extra,
});

describe('ties decided by lot, from the standings', () => {
  it('groups the lot rows into their sets with the places they share, drawn or not', () => {
    const rows = [
      row('a', 1),
      row('b', 2, { byLot: true, decidedBy: 'lot', tiedWith: ['c', 'd'] }),
      row('c', 3, { byLot: true, decidedBy: 'lot', tiedWith: ['b', 'd'] }),
      row('d', 4, { byLot: true, decidedBy: 'lot', tiedWith: ['b', 'c'] }),
      row('e', 5, { byLot: true, lotDrawn: true, decidedBy: 'lot', tiedWith: ['f'] }),
      row('f', 6, { byLot: true, lotDrawn: true, decidedBy: 'lot', tiedWith: ['e'] }),
    ];
    expect(lotSets(rows)).toEqual([
      { ids: ['b', 'c', 'd'], places: [2, 3, 4], drawn: false },
      { ids: ['e', 'f'], places: [5, 6], drawn: true },
    ]);
  });

  it('shows the shared place ("2=") on each row of a tie waiting for its draw, and the ranks once it is drawn', () => {
    const rows = [
      row('a', 1),
      row('b', 2, { byLot: true, decidedBy: 'lot', tiedWith: ['c', 'd'] }),
      row('c', 3, { byLot: true, decidedBy: 'lot', tiedWith: ['b', 'd'] }),
      row('d', 4, { byLot: true, decidedBy: 'lot', tiedWith: ['b', 'c'] }),
      row('e', 5, { byLot: true, lotDrawn: true, decidedBy: 'lot', tiedWith: ['f'] }),
      row('f', 6, { byLot: true, lotDrawn: true, decidedBy: 'lot', tiedWith: ['e'] }),
    ];
    expect(rankLabels(rows)).toEqual({ a: '1', b: '2=', c: '2=', d: '2=', e: '5', f: '6' });
  });

  it('sees no lot in players only level while matches remain', () => {
    expect(lotSets([row('a', 1, { decidedBy: 'level' }), row('b', 2, { decidedBy: 'level' })])).toEqual([]);
  });

  it('picks the order drawn tap by tap; a second tap takes a player and those after back', () => {
    expect(pickNext(pickNext([], 'c'), 'a')).toEqual(['c', 'a']);
    expect(pickNext(['c', 'a', 'b'], 'a')).toEqual(['c']);
  });
});
