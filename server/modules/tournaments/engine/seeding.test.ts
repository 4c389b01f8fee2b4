import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';
import { balancedSubset, bandPositions, drawPositions, nextPowerOfTwo, seedLayout } from './seeding.ts';
import { field } from './testing.ts';
import { EngineError } from './types.ts';

/** 1-based position of each seed. */
function seedPositions(n: number, drawSeed: number): Map<number, number> {
  const positions = drawPositions(field(n), createRng(drawSeed));
  return new Map(positions.flatMap((id, i) => (id === null ? [] : [[Number(id.slice(1)), i + 1] as [number, number]])));
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);

/** Byes per section of every level: sibling sections never differ by more than one. */
function byeSpreadIsEven(positions: readonly (string | null)[]): boolean {
  const size = positions.length;
  for (let span = size; span >= 2; span /= 2) {
    for (let start = 0; start < size; start += span) {
      const count = (from: number, to: number): number => positions.slice(from, to).filter((p) => p === null).length;
      const upper = count(start, start + span / 2);
      const lower = count(start + span / 2, start + span);
      if (Math.abs(upper - lower) > 1) return false;
    }
  }
  return true;
}

describe('ITTF 3.6 seed positions', () => {
  for (const size of [8, 16, 32]) {
    it(`places the seeds of a ${size}-draw at the section ends`, () => {
      for (let drawSeed = 0; drawSeed < 20; drawSeed++) {
        const pos = seedPositions(size, drawSeed);
        expect(pos.get(1)).toBe(1);
        expect(pos.get(2)).toBe(size);
        expect(sorted([3, 4].map((s) => pos.get(s) as number))).toEqual([size / 2, size / 2 + 1]);
        const q = size / 4;
        expect(sorted([5, 6, 7, 8].map((s) => pos.get(s) as number))).toEqual([q, q + 1, 3 * q, 3 * q + 1]);
        if (size === 32) {
          expect(sorted([9, 10, 11, 12, 13, 14, 15, 16].map((s) => pos.get(s) as number))).toEqual([4, 5, 12, 13, 20, 21, 28, 29]);
        }
      }
    });
  }

  it('draws seeds 3 and 4 by lot: either may be at the top of the bottom half', () => {
    const atBottomOfTopHalf = new Set(Array.from({ length: 30 }, (_, s) => seedPositions(16, s).get(3)));
    expect(atBottomOfTopHalf).toEqual(new Set([8, 9]));
    const fifth = new Set(Array.from({ length: 60 }, (_, s) => seedPositions(16, s).get(5)));
    expect(fifth).toEqual(new Set([4, 5, 12, 13]));
  });

  it('is reproducible from the draw seed, and another seed gives another lot', () => {
    const a = drawPositions(field(24, 4), createRng('spring cup'));
    expect(drawPositions(field(24, 4), createRng('spring cup'))).toEqual(a);
    const others = Array.from({ length: 5 }, (_, s) => JSON.stringify(drawPositions(field(24, 4), createRng(s))));
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('lists band positions as the free section ends', () => {
    expect(bandPositions(16, 0)).toEqual([0]);
    expect(bandPositions(16, 1)).toEqual([15]);
    expect(bandPositions(16, 2)).toEqual([7, 8]);
    expect(bandPositions(16, 3)).toEqual([3, 4, 11, 12]);
    expect(bandPositions(16, 4)).toEqual([1, 2, 5, 6, 9, 10, 13, 14]);
  });

  it('picks balanced subsets', () => {
    const rng = createRng(1);
    for (let count = 0; count <= 8; count++) {
      const subset = balancedSubset([0, 1, 2, 3, 4, 5, 6, 7], count, rng);
      expect(subset).toHaveLength(count);
      expect(Math.abs(subset.filter((x) => x < 4).length - subset.filter((x) => x >= 4).length)).toBeLessThanOrEqual(1);
    }
  });
});

describe('byes', () => {
  const cases: [number, number][] = [[5, 3], [6, 2], [7, 1], [12, 4], [17, 15], [33, 31]];
  for (const [n, byes] of cases) {
    it(`${n} players: ${byes} byes, to seeds 1–${byes}, spread evenly, one per match at most`, () => {
      for (let drawSeed = 0; drawSeed < 10; drawSeed++) {
        const positions = drawPositions(field(n), createRng(drawSeed));
        expect(positions).toHaveLength(nextPowerOfTwo(n));
        expect(positions.filter((p) => p === null)).toHaveLength(byes);
        const withBye = new Set<string>();
        for (let i = 0; i < positions.length; i += 2) {
          const [a, b] = [positions[i], positions[i + 1]];
          expect(a === null && b === null).toBe(false);
          if (a === null) withBye.add(b as string);
          if (b === null) withBye.add(a as string);
        }
        expect(withBye).toEqual(new Set(Array.from({ length: byes }, (_, i) => `p${i + 1}`)));
        expect(byeSpreadIsEven(positions)).toBe(true);
        expect(new Set(positions.filter((p) => p !== null))).toEqual(new Set(field(n).map((p) => p.id)));
      }
    });
  }

  it('spreads byes evenly and gives them to the seeds first, for every field from 2 to 256', () => {
    for (let n = 2; n <= 256; n++) {
      for (const seeded of [0, Math.floor(n / 3), n]) {
        const positions = drawPositions(field(n, seeded), createRng(n * 7 + seeded));
        expect(byeSpreadIsEven(positions)).toBe(true);
        const byes = positions.length - n;
        for (let s = 1; s <= Math.min(seeded, byes); s++) {
          const at = positions.indexOf(`p${s}`);
          expect(positions[at ^ 1]).toBeNull();
        }
        for (let i = 0; i < positions.length; i += 2) expect(positions[i] === null && positions[i + 1] === null).toBe(false);
      }
    }
  });

  it('gives byes to the seeds even when fewer players are seeded than there are byes, unseeded ones by lot', () => {
    const positions = drawPositions(field(10, 2), createRng(3));
    expect(positions[1]).toBeNull();
    expect(positions[14]).toBeNull();
    expect(positions.filter((p) => p === null)).toHaveLength(6);
  });

  it('lays out bye-receiving ranks and their byes together', () => {
    const layout = seedLayout(16, 5, 5, createRng(2));
    expect(layout.byePositions).toEqual(layout.rankPositions.map((p) => p ^ 1));
  });
});

describe('participants', () => {
  it('refuses fewer than two, more than 256, or the same id twice', () => {
    expect(() => drawPositions(field(1), createRng(0))).toThrow(EngineError);
    expect(() => drawPositions(field(257), createRng(0))).toThrow(EngineError);
    expect(() => drawPositions([{ id: 'a' }, { id: 'a' }], createRng(0))).toThrow(/twice/);
  });

  it('orders equal seeds by the order given', () => {
    const positions = drawPositions([{ id: 'x', seed: 1 }, { id: 'y', seed: 1 }, { id: 'z' }, { id: 'w' }], createRng(0));
    expect(positions[0]).toBe('x');
    expect(positions[3]).toBe('y');
  });
});
