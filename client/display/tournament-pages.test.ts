import { describe, expect, it } from 'vitest';
import { displayPages, podiumPlaces, rotation } from './tournament-pages.ts';
import { data, groups, knockout, match, sides, tournament } from './tournament-fixtures.ts';

const kinds = (pages: ReturnType<typeof displayPages>) => pages.map((p) => p.kind);

describe('the pages a tournament screen rotates through', () => {
  it('waits before the draw', () => {
    expect(kinds(displayPages(data({ tournament: tournament({ status: 'draft' }) })))).toEqual(['waiting']);
  });

  it('during the groups: courts, then the group tables; the bracket once a player is known in it', () => {
    const groupMatch = match('G:A-R1-1', { stage: 'group', group: 'A', roomId: 'r1', status: 'live', sides: sides('g0p0', 'g0p1') });
    const d = data({
      tournament: tournament({ format: 'groups_then_knockout', roomIds: ['r1'] }),
      matches: [groupMatch, ...knockout(16)],
      standings: groups(8, 4, 1),
    });
    expect(kinds(displayPages(d))).toEqual(['courts', 'groups', 'groups']);
    const seeded = { ...d, matches: [groupMatch, ...knockout(16).map((m, i) => (i === 0 ? { ...m, sides: sides('g0p0', null) } : m))] };
    expect(kinds(displayPages(seeded))).toEqual(['courts', 'groups', 'groups', 'bracket']);
    // Groups over: the bracket comes before the tables.
    const groupsOver = { ...seeded, matches: seeded.matches.map((m) => (m.stage === 'group' ? { ...m, status: 'done' as const } : m)) };
    expect(kinds(displayPages(groupsOver))).toEqual(['bracket', 'groups', 'groups']);
  });

  it('keeps only the kinds a screen is limited to', () => {
    const d = data({
      tournament: tournament({ format: 'round_robin', roomIds: ['r1'] }),
      matches: [match('R1-1', { stage: 'round_robin', roomId: 'r1', status: 'ready', sides: sides('p1', 'p2') })],
      standings: groups(1, 4, 0).map((g) => ({ ...g, group: null })),
    });
    expect(kinds(displayPages(d))).toEqual(['courts', 'groups']);
    expect(kinds(displayPages(d, ['courts']))).toEqual(['courts']);
    // Nothing of that kind: the others rather than an empty screen.
    expect(kinds(displayPages(d, ['bracket']))).toEqual(['courts', 'groups']);
  });

  it('when finished: the final standings first, then the bracket', () => {
    const final = knockout(4).map((m) => ({ ...m, status: 'done' as const, sides: sides('p1', 'p2') }));
    const d = data({
      tournament: tournament({ status: 'finished' }),
      matches: final,
      placings: [
        { participantId: 'p3', place: 3 },
        { participantId: 'p1', place: 1 },
        { participantId: 'p4', place: 3 },
        { participantId: 'p2', place: 2 },
      ],
    });
    expect(kinds(displayPages(d))).toEqual(['podium', 'bracket']);
    expect(kinds(displayPages(d, ['courts']))).toEqual(['podium', 'bracket']);
    expect(podiumPlaces(d)).toEqual([
      { place: 1, participantIds: ['p1'] },
      { place: 2, participantIds: ['p2'] },
      { place: 3, participantIds: ['p3', 'p4'] },
    ]);
  });

  it('takes a finished round robin’s places from its table', () => {
    const d = data({
      tournament: tournament({ status: 'finished', format: 'round_robin' }),
      standings: [
        {
          group: null,
          rows: [
            { participantId: 'p2', rank: 1 },
            { participantId: 'p1', rank: 2, byLot: true },
            { participantId: 'p3', rank: 3, byLot: true },
          ],
        },
      ],
    });
    expect(podiumPlaces(d).map((p) => p.participantIds[0])).toEqual(['p2', 'p1', 'p3']);
    expect(podiumPlaces(d).map((p) => p.byLot ?? false)).toEqual([false, true, true]);
    expect(podiumPlaces(d, 2)).toHaveLength(2);
  });

  it('lets players tied by a lot not drawn yet share their place, and ranks them once it is drawn', () => {
    const table = (lotDrawn: boolean) => data({
      tournament: tournament({ status: 'finished', format: 'round_robin' }),
      standings: [{
        group: null,
        rows: [
          { participantId: 'p1', rank: 1, byLot: true, lotDrawn, tiedWith: ['p2', 'p3'] },
          { participantId: 'p2', rank: 2, byLot: true, lotDrawn, tiedWith: ['p1', 'p3'] },
          { participantId: 'p3', rank: 3, byLot: true, lotDrawn, tiedWith: ['p1', 'p2'] },
          { participantId: 'p4', rank: 4 },
        ],
      }],
    });
    expect(podiumPlaces(table(false))).toEqual([
      { place: 1, participantIds: ['p1', 'p2', 'p3'], byLot: true, awaitingLot: true },
      { place: 4, participantIds: ['p4'] },
    ]);
    expect(podiumPlaces(table(true)).map((p) => [p.place, p.participantIds, p.awaitingLot ?? false]))
      .toEqual([[1, ['p1'], false], [2, ['p2'], false], [3, ['p3'], false], [4, ['p4'], false]]);
  });

  it('stays on the courts while a match is in play there, and turns through everything between matches', () => {
    const groupMatch = (status: 'live' | 'ready') => match('G:A-R1-1', { stage: 'group', group: 'A', roomId: 'r1', status, sides: sides('g0p0', 'g0p1') });
    const during = data({ tournament: tournament({ format: 'groups_then_knockout', roomIds: ['r1'] }), matches: [groupMatch('live'), ...knockout(16)], standings: groups(8, 4, 1) });
    expect(kinds(rotation(displayPages(during)))).toEqual(['courts']);
    const between = { ...during, matches: [groupMatch('ready'), ...knockout(16)] };
    expect(kinds(rotation(displayPages(between)))).toEqual(['courts', 'groups', 'groups']);
  });
});
