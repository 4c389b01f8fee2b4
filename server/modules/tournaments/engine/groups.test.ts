import { describe, expect, it } from 'vitest';
import { applyResults } from './apply.ts';
import { drawGroups, groupName, resolveGroupPlaces, snake } from './groups.ts';
import { drawGroupsThenKnockout, groupKnockoutLayout, meetingRound } from './knockout-groups.ts';
import { standingsFinal } from './placing.ts';
import { favourite, field, playOut, simplePlaces } from './testing.ts';
import { EngineError, type Bracket } from './types.ts';

/** Group-place labels ("A1") per knockout position. */
function labels(b: Bracket): string[] {
  return b.matches.filter((m) => m.stage === 'knockout' && m.round === 1)
    .flatMap((m) => m.sides.map((s) => (s.from?.kind === 'group_place' ? `${s.from.group}${s.from.place}` : '-')));
}

function firstRound(b: Bracket): string[] {
  const l = labels(b);
  return Array.from({ length: l.length / 2 }, (_, i) => `${l[2 * i]}–${l[2 * i + 1]}`);
}

describe('drawGroups', () => {
  it('snakes the seeds into the groups', () => {
    const b = drawGroups(field(32), 8);
    expect(b.groups.map((g) => g.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(b.groups[0]?.participantIds).toEqual(['p1', 'p16', 'p17', 'p32']);
    expect(b.groups[7]?.participantIds).toEqual(['p8', 'p9', 'p24', 'p25']);
    expect(snake(['1', '2', '3', '4', '5', '6', '7'], 3)).toEqual([['1', '6', '7'], ['2', '5'], ['3', '4']]);
  });

  it('makes each group a round robin, listed round by round across the groups', () => {
    const b = drawGroups(field(10), 3);
    expect(b.groups.map((g) => g.participantIds.length).sort()).toEqual([3, 3, 4]);
    expect(b.matches).toHaveLength(3 + 3 + 6);
    expect(b.matches.slice(0, 4).map((m) => m.key)).toEqual(['G:A-R1-1', 'G:B-R1-1', 'G:C-R1-1', 'G:C-R1-2']);
    expect(b.matches.every((m) => m.stage === 'group' && m.drawAllowed)).toBe(true);
    expect(b.rests.filter((r) => r.group === 'A')).toHaveLength(3);
    const groupOf = new Map(b.groups.flatMap((g) => g.participantIds.map((id) => [id, g.name])));
    for (const m of b.matches) for (const s of m.sides) expect(groupOf.get(s.participantId as string)).toBe(m.group);
  });

  it('refuses groups of fewer than two', () => {
    expect(() => drawGroups(field(7), 4)).toThrow(EngineError);
    expect(() => drawGroups(field(8), 0)).toThrow(EngineError);
  });

  it('names groups beyond Z', () => {
    expect([0, 25, 26, 27, 51, 52].map(groupName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

describe('drawKnockoutFromGroups', () => {
  it('32 players in 8 groups, 2 through: players of one group only meet in the final', () => {
    for (let drawSeed = 0; drawSeed < 25; drawSeed++) {
      const b = drawGroupsThenKnockout(field(32), { groupCount: 8, advancePerGroup: 2, drawSeed });
      const l = labels(b);
      expect(l).toHaveLength(16);
      expect(new Set(l).size).toBe(16);
      expect(l[0]).toBe('A1');
      expect(l[15]).toBe('B1');
      for (const g of 'ABCDEFGH') {
        const top = l.slice(0, 8).filter((x) => x.startsWith(g));
        expect(top).toHaveLength(1);
      }
      // Group winners meet runners-up in the first round, with the pairs A–B, C–D crossing.
      const r1 = firstRound(b);
      expect(r1.every((m) => /1–.2|.2–.1/.test(m))).toBe(true);
      expect(r1.filter((m) => ['A1–B2', 'B1–A2', 'A2–B1', 'C1–D2', 'D2–C1', 'D1–C2', 'C2–D1'].includes(m)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('crosses runners-up with four groups: A1–B2, B1–A2, C1–D2, D1–C2', () => {
    for (let drawSeed = 0; drawSeed < 10; drawSeed++) {
      const r1 = firstRound(drawGroupsThenKnockout(field(16), { groupCount: 4, advancePerGroup: 2, drawSeed }));
      const normal = r1.map((m) => (m.split('–')[0]?.endsWith('1') ? m : m.split('–').reverse().join('–'))).sort();
      expect(normal).toEqual(['A1–B2', 'B1–A2', 'C1–D2', 'D1–C2']);
    }
  });

  it('seeds the group winners like seeds and gives them the byes', () => {
    const b = drawGroupsThenKnockout(field(15), { groupCount: 5, advancePerGroup: 2 });
    const l = labels(b);
    expect(l).toHaveLength(16);
    expect(l[0]).toBe('A1');
    expect(l[15]).toBe('B1');
    expect(l.filter((x) => x === '-')).toHaveLength(6);
    const withBye = new Set<string>();
    for (let i = 0; i < 16; i += 2) {
      if (l[i] === '-') withBye.add(l[i + 1] as string);
      if (l[i + 1] === '-') withBye.add(l[i] as string);
    }
    expect([...withBye].filter((x) => x.endsWith('1')).sort()).toEqual(['A1', 'B1', 'C1', 'D1', 'E1']);
    // The sixth bye goes to a runner-up of the first groups, in the half away from its group winner.
    expect([...withBye].filter((x) => x.endsWith('2'))).toHaveLength(1);
    expect(['A2', 'B2']).toContain([...withBye].find((x) => x.endsWith('2')));
  });

  it('keeps group mates as far apart as possible for every small configuration', () => {
    for (let groups = 1; groups <= 12; groups++) {
      for (let advance = 1; advance <= 4; advance++) {
        if (groups * advance < 2) continue;
        for (let seed = 0; seed < 4; seed++) {
          const layout = groupKnockoutLayout(groups, advance, seed);
          const size = layout.length;
          const rounds = Math.log2(size);
          expect(layout.filter((x) => x !== null)).toHaveLength(groups * advance);
          for (let i = 0; i < size; i += 2) expect(layout[i] === null && layout[i + 1] === null).toBe(false);
          for (let a = 0; a < size; a++) {
            for (let c = a + 1; c < size; c++) {
              const x = layout[a];
              const y = layout[c];
              if (!x || !y || x.group !== y.group) continue;
              // Two from a group: only in the final. More: never in the first round (or the only round).
              if (advance === 2) expect(meetingRound(a, c)).toBe(rounds);
              else expect(meetingRound(a, c)).toBeGreaterThanOrEqual(Math.min(rounds, advance <= 4 ? rounds - 1 : 2));
            }
          }
        }
      }
    }
  });

  it('refuses more qualifiers than the smallest group has', () => {
    expect(() => drawGroupsThenKnockout(field(10), { groupCount: 3, advancePerGroup: 4 })).toThrow(EngineError);
    expect(() => drawGroupsThenKnockout(field(4), { groupCount: 1, advancePerGroup: 1 })).toThrow(EngineError);
  });
});

describe('resolveGroupPlaces', () => {
  const b = drawGroupsThenKnockout(field(16), { groupCount: 4, advancePerGroup: 2, drawSeed: 3 });

  it('keeps the knockout waiting until the group places are in, then fills them', () => {
    const { results } = playOut(b, favourite, { maxResults: 24 });
    const groupsDone = applyResults(b, results);
    expect(groupsDone.matches.filter((m) => m.stage === 'group').every((m) => m.status === 'done')).toBe(true);
    expect(groupsDone.matches.filter((m) => m.stage === 'knockout').every((m) => m.status === 'waiting')).toBe(true);
    const resolved = resolveGroupPlaces(b, simplePlaces(b, groupsDone));
    const state = applyResults(resolved, results);
    const slotA1 = resolved.matches.find((m) => m.key === 'K1-1')?.sides[0];
    expect(slotA1).toEqual({ participantId: 'p1', from: { kind: 'group_place', group: 'A', place: 1 }, position: 1 });
    expect(state.matches.filter((m) => m.stage === 'knockout' && m.round === 1).every((m) => m.status === 'ready')).toBe(true);
  });

  it('resolves group by group', () => {
    const resolved = resolveGroupPlaces(b, { A: ['p1', 'p8', 'p9', 'p16'] });
    const filled = resolved.matches.flatMap((m) => m.sides).filter((s) => s.from?.kind === 'group_place' && s.participantId !== null);
    expect(filled.map((s) => s.participantId).sort()).toEqual(['p1', 'p8']);
  });

  it('re-resolving with corrected standings moves the players and flags knockout results that no longer fit', () => {
    const played = playOut(b, favourite);
    expect(played.state.complete).toBe(true);
    expect(standingsFinal(played.bracket, played.state).map((p) => p.place)).toEqual([1, 2, 3, 3, 5, 5, 5, 5]);
    const group = b.groups[0]?.participantIds as string[];
    const swapped = { ...simplePlaces(b, played.state), A: [group[1] as string, group[0] as string, ...group.slice(2)] };
    const corrected = resolveGroupPlaces(played.bracket, swapped);
    const state = applyResults(corrected, played.results);
    expect(state.flags.length).toBeGreaterThan(0);
    expect(state.flags.every((f) => f.key.startsWith('K'))).toBe(true);
    expect(state.flags.find((f) => f.reason === 'participants_changed')).toBeDefined();
  });

  it('refuses places that are not the group\'s players', () => {
    expect(() => resolveGroupPlaces(b, { A: ['p2'] })).toThrow(/does not play in group A/);
    expect(() => resolveGroupPlaces(b, { Z: [] })).toThrow(EngineError);
    expect(() => resolveGroupPlaces(b, { A: ['p1', 'p1'] })).toThrow(/twice/);
  });
});
