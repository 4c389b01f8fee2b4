import { describe, expect, it } from 'vitest';
import { applyResults } from './apply.ts';
import { drawDoubleElimination } from './double.ts';
import { drawGroupsThenKnockout } from './knockout-groups.ts';
import { drawRoundRobin } from './round-robin.ts';
import { nextMatches, orderOfPlay, waves } from './schedule.ts';
import { favourite, field, playOut } from './testing.ts';

describe('orderOfPlay', () => {
  it('interleaves the losers\' bracket with the winners\' bracket', () => {
    const b = drawDoubleElimination(field(8));
    const w = waves(b);
    const at = (key: string): number | undefined => w.get(key);
    expect([at('W1-1'), at('W2-1'), at('L1-1'), at('W3-1'), at('L2-1'), at('L3-1'), at('L4-1'), at('GF1'), at('GF2')])
      .toEqual([1, 2, 2, 3, 3, 4, 5, 6, 7]);
    const afterW1 = playOut(b, favourite, { maxResults: 4 });
    expect(orderOfPlay(b, afterW1.state).map((m) => m.key)).toEqual(['W2-1', 'W2-2', 'L1-1', 'L1-2']);
    const afterW2 = playOut(b, favourite, { maxResults: 8 });
    expect(orderOfPlay(b, afterW2.state).map((m) => m.key)).toEqual(['W3-1', 'L2-1', 'L2-2']);
  });

  it('plays the groups round by round, all groups level, then the knockout', () => {
    const b = drawGroupsThenKnockout(field(12), { groupCount: 3, advancePerGroup: 2 });
    const order = orderOfPlay(b, applyResults(b, {}));
    expect(order).toHaveLength(18);
    expect(order.slice(0, 6).map((m) => m.key)).toEqual(['G:A-R1-1', 'G:A-R1-2', 'G:B-R1-1', 'G:B-R1-2', 'G:C-R1-1', 'G:C-R1-2']);
    expect(order.map((m) => m.round)).toEqual([...order.map((m) => m.round)].sort());
    expect(waves(b).get('K1-1')).toBe(4);
  });

  it('lists only ready matches', () => {
    const b = drawDoubleElimination(field(5));
    const state = applyResults(b, {});
    const order = orderOfPlay(b, state);
    expect(order.map((m) => m.key).sort()).toEqual(state.matches.filter((m) => m.status === 'ready').map((m) => m.key).sort());
    // One real first-round match, and a second-round match between two players who had byes.
    expect(order.map((m) => m.round)).toEqual([1, 2]);
  });
});

describe('nextMatches', () => {
  it('fills free tables without giving anyone two matches at once', () => {
    const b = drawRoundRobin(field(8));
    const state = applyResults(b, {});
    const next = nextMatches(b, state, { count: 8 });
    expect(next.map((m) => m.key)).toEqual(['R1-1', 'R1-2', 'R1-3', 'R1-4']);
    const two = nextMatches(b, state, { count: 2, live: ['R1-1'] });
    expect(two.map((m) => m.key)).toEqual(['R1-2', 'R1-3']);
    const ids = two.flatMap((m) => m.sides.map((s) => s.participantId));
    expect(ids).not.toContain(state.byKey['R1-1']?.sides[0].participantId);
    const busy = state.byKey['R1-2']?.sides[1].participantId as string;
    expect(nextMatches(b, state, { count: 8, busy: [busy] }).map((m) => m.key)).toEqual(['R1-1', 'R1-3', 'R1-4']);
  });
});
