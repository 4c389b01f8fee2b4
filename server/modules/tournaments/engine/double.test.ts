import { describe, expect, it } from 'vitest';
import { applyResults } from './apply.ts';
import { doubleEliminationMatches, drawDoubleElimination } from './double.ts';
import { standingsFinal } from './placing.ts';
import { slotsFromPositions } from './single.ts';
import { checkOncePerRound, favourite, field, losses, playOut, randomDecider } from './testing.ts';
import type { Bracket, Match } from './types.ts';

const keysOf = (b: Bracket, stage: Match['stage']): string[] => b.matches.filter((m) => m.stage === stage).map((m) => m.key);
const matchOf = (b: Bracket, key: string): Match => b.matches.find((m) => m.key === key) as Match;

describe('drawDoubleElimination: structure', () => {
  it('has the winners, losers and grand-final rounds of an 8-draw', () => {
    const b = drawDoubleElimination(field(8));
    expect(keysOf(b, 'winners')).toEqual(['W1-1', 'W1-2', 'W1-3', 'W1-4', 'W2-1', 'W2-2', 'W3-1']);
    expect(keysOf(b, 'losers')).toEqual(['L1-1', 'L1-2', 'L2-1', 'L2-2', 'L3-1', 'L4-1']);
    expect(keysOf(b, 'grand_final')).toEqual(['GF1', 'GF2']);
    expect(matchOf(b, 'L1-2').sides.map((s) => s.from)).toEqual([{ kind: 'loser', key: 'W1-3' }, { kind: 'loser', key: 'W1-4' }]);
    // Losers of W2 drop crosswise, so that they do not meet again at once the player they beat in W1.
    expect(matchOf(b, 'L2-1').sides.map((s) => s.from)).toEqual([{ kind: 'winner', key: 'L1-1' }, { kind: 'loser', key: 'W2-2' }]);
    expect(matchOf(b, 'W2-1').loserTo).toEqual({ key: 'L2-2', side: 1 });
    expect(matchOf(b, 'W3-1').loserTo).toEqual({ key: 'L4-1', side: 1 });
    expect(matchOf(b, 'L4-1').winnerTo).toEqual({ key: 'GF1', side: 1 });
    expect(matchOf(b, 'W3-1').winnerTo).toEqual({ key: 'GF1', side: 0 });
    expect(matchOf(b, 'GF2')).toMatchObject({ onlyIf: { key: 'GF1', winnerSide: 1 } });
  });

  it('has 2·(k−1) losers rounds and 2n−2 matches besides the reset, for full draws', () => {
    for (const n of [4, 8, 16, 32, 64, 128, 256]) {
      const b = drawDoubleElimination(field(n));
      const k = Math.log2(n);
      expect(Math.max(...b.matches.filter((m) => m.stage === 'losers').map((m) => m.round))).toBe(2 * (k - 1));
      expect(b.matches.length - 1).toBe(2 * n - 2);
    }
  });

  /** (position, winners' round lost in) of everyone who may be on each side of each losers' match. */
  function rematchRounds(size: number): number[] {
    const matches = doubleEliminationMatches(slotsFromPositions(Array.from({ length: size }, (_, i) => `p${i}`)));
    const byKey = new Map(matches.map((m) => [m.key, m]));
    const wbPlayers = (key: string): number[] => {
      const m = byKey.get(key) as Match;
      if (m.round === 1) return m.sides.map((s) => (s.position as number) - 1);
      return m.sides.flatMap((s) => wbPlayers((s.from as { key: string }).key));
    };
    const entries = (m: Match, side: 0 | 1): [number, number][] => {
      const from = m.sides[side].from as { kind: string; key: string };
      const source = byKey.get(from.key) as Match;
      if (from.kind === 'loser') return wbPlayers(source.key).map((p) => [p, source.round]);
      return [...entries(source, 0), ...entries(source, 1)];
    };
    const rounds = new Set<number>();
    for (const m of matches.filter((x) => x.stage === 'losers')) {
      const a = entries(m, 0);
      const b = entries(m, 1);
      const possible = a.some(([x, dx]) => b.some(([y, dy]) => {
        if (x === y) return false;
        const met = Math.floor(Math.log2(x ^ y)) + 1; // the winners' round in which x and y would meet
        return Math.min(dx, dy) === met && Math.max(dx, dy) > met;
      }));
      if (possible) rounds.add(m.round);
    }
    return [...rounds].sort((x, y) => x - y);
  }

  it('keeps players who met in the winners\' bracket apart in the losers\' bracket as long as the pattern allows', () => {
    const last = (count: number, size: number): number[] => {
      const total = 2 * (Math.log2(size) - 1);
      return Array.from({ length: count }, (_, i) => total - count + 1 + i);
    };
    expect(rematchRounds(4)).toEqual(last(1, 4));
    expect(rematchRounds(8)).toEqual(last(2, 8));
    expect(rematchRounds(16)).toEqual(last(3, 16));
    for (const size of [32, 64]) expect(rematchRounds(size)).toEqual(last(4, size));
    expect(rematchRounds(128)).toEqual(last(5, 128));
    expect(rematchRounds(256)).toEqual(last(6, 256));
  });
});

describe('drawDoubleElimination: playing it out', () => {
  for (const n of [4, 8]) {
    it(`${n} players, the winners' champion wins the grand final: no reset`, () => {
      const b = drawDoubleElimination(field(n));
      const { state } = playOut(b, favourite);
      expect(state.complete).toBe(true);
      expect(state.byKey.GF1?.winnerId).toBe('p1');
      expect(state.byKey.GF2).toMatchObject({ status: 'bye', void: true });
      expect(state.championId).toBe('p1');
      const l = losses(state);
      expect(l.get('p1') ?? 0).toBe(0);
      for (const p of field(n).slice(1)) expect(l.get(p.id)).toBe(2);
      const places = standingsFinal(b, state);
      expect(places.slice(0, 3)).toEqual([
        { participantId: 'p1', place: 1 }, { participantId: 'p2', place: 2 }, { participantId: 'p3', place: 3 },
      ]);
      expect(places.map((p) => p.place)).toEqual(n === 4 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5, 5, 7, 7]);
    });

    it(`${n} players, the losers' champion wins the first final: the reset is played`, () => {
      const b = drawDoubleElimination(field(n));
      const upset = playOut(b, (m) => (m.key === 'GF1' ? 1 : favourite(m)), { maxResults: 2 * n - 2 });
      expect(upset.state.byKey.GF1?.winnerId).toBe('p2');
      expect(upset.state.byKey.GF2).toMatchObject({ status: 'ready', void: false });
      expect(upset.state.byKey.GF2?.sides.map((s) => s.participantId)).toEqual(['p1', 'p2']);
      expect(upset.state.championId).toBeNull();
      expect(standingsFinal(b, upset.state).filter((p) => p.place <= 2)).toEqual([]);
      for (const gf2 of [0, 1] as const) {
        const { state } = playOut(b, (m) => (m.key === 'GF1' ? 1 : m.key === 'GF2' ? gf2 : favourite(m)));
        const champion = gf2 === 0 ? 'p1' : 'p2';
        expect(state.complete).toBe(true);
        expect(state.championId).toBe(champion);
        const l = losses(state);
        expect(l.get(champion)).toBe(1);
        for (const p of field(n)) if (p.id !== champion) expect(l.get(p.id)).toBe(2);
        expect(standingsFinal(b, state).slice(0, 2).map((p) => p.participantId)).toEqual([champion, champion === 'p1' ? 'p2' : 'p1']);
      }
    });
  }

  it('two players: the grand final is their rematch', () => {
    const b = drawDoubleElimination(field(2));
    expect(b.matches.map((m) => m.key)).toEqual(['W1-1', 'GF1', 'GF2']);
    const { state } = playOut(b, (m) => (m.key === 'W1-1' ? 1 : 0));
    expect(state.byKey.GF1?.sides.map((s) => s.participantId)).toEqual(['p2', 'p1']);
    expect(state.championId).toBe('p2');
  });

  for (const n of [3, 5, 6, 7, 11]) {
    it(`${n} players with byes: nobody out before two losses, one winner`, () => {
      for (let seed = 0; seed < 8; seed++) {
        const b = drawDoubleElimination(field(n), { drawSeed: seed });
        const { state, states } = playOut(b, (m) => ((m.round + m.number + seed) % 3 === 0 ? 1 : 0));
        for (const s of states) checkOncePerRound(s);
        expect(state.complete).toBe(true);
        expect(state.championId).not.toBeNull();
        const l = losses(state);
        for (const p of field(n)) expect(l.get(p.id) ?? 0).toBe(p.id === state.championId ? (l.get(p.id) ?? 0) : 2);
        expect(l.get(state.championId as string) ?? 0).toBeLessThanOrEqual(1);
        const places = standingsFinal(b, state);
        expect(places).toHaveLength(n);
        expect(places.map((p) => p.place).every((p, i, all) => i === 0 || p >= (all[i - 1] as number))).toBe(true);
        expect(places[0]).toEqual({ participantId: state.championId, place: 1 });
        expect(places.every((p) => p.place <= n)).toBe(true);
      }
    });
  }

  it('plays out any field up to 256', () => {
    for (const n of [9, 10, 12, 13, 15, 31, 33, 63, 65, 100, 127, 129, 200, 255, 256]) {
      const b = drawDoubleElimination(field(n, n >> 1), { drawSeed: n });
      const { state } = playOut(b, randomDecider(n));
      expect(state.complete).toBe(true);
      const l = losses(state);
      expect(field(n).filter((p) => (l.get(p.id) ?? 0) < 2).map((p) => p.id)).toEqual([state.championId]);
      expect(standingsFinal(b, state)).toHaveLength(n);
    }
  });

  it('shows byes in the losers\' bracket as byes, and matches nobody can play as void', () => {
    const b = drawDoubleElimination(field(5));
    const state = applyResults(b, {});
    const l1 = state.matches.filter((m) => m.stage === 'losers' && m.round === 1);
    expect(l1.some((m) => m.status === 'bye' && m.void)).toBe(true);
  });
});
