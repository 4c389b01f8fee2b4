import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { compareRatio } from './ratio.ts';

const r = (won: number, lost: number) => ({ won, lost });

describe('compareRatio', () => {
  it('compares ratios exactly, not differences', () => {
    expect(compareRatio(r(3, 1), r(5, 2))).toBeLessThan(0); // 3 > 2.5 although the difference 2 < 3
    expect(compareRatio(r(2, 4), r(3, 6))).toBe(0);
    expect(compareRatio(r(1, 3), r(2, 5))).toBeGreaterThan(0);
  });

  it('tells apart very close ratios of large counts', () => {
    // (n+1)/n against (n+2)/(n+1): (n+1)² = n² + 2n + 1 > n(n+2), so the first is larger by 1/(n(n+1)).
    const big = 2 ** 26;
    expect(compareRatio(r(big + 1, big), r(big + 2, big + 1))).toBeLessThan(0);
    expect(compareRatio(r(big + 2, big + 1), r(big + 1, big))).toBeGreaterThan(0);
  });

  it('nothing lost beats any finite ratio; two of them are equal', () => {
    expect(compareRatio(r(1, 0), r(1000, 1))).toBeLessThan(0);
    expect(compareRatio(r(1000, 1), r(1, 0))).toBeGreaterThan(0);
    expect(compareRatio(r(1, 0), r(9, 0))).toBe(0);
  });

  it('0/0 counts as 1: as many won as lost', () => {
    expect(compareRatio(r(0, 0), r(3, 3))).toBe(0);
    expect(compareRatio(r(0, 0), r(1, 2))).toBeLessThan(0);
    expect(compareRatio(r(0, 0), r(2, 1))).toBeGreaterThan(0);
    expect(compareRatio(r(0, 0), r(0, 5))).toBeLessThan(0);
    expect(compareRatio(r(0, 0), r(5, 0))).toBeGreaterThan(0);
  });

  it('is a consistent total preorder', () => {
    const ratio = fc.record({ won: fc.nat(500), lost: fc.nat(500) });
    fc.assert(fc.property(ratio, ratio, ratio, (a, b, c) => {
      expect(Math.sign(compareRatio(a, b))).toBe(-Math.sign(compareRatio(b, a)) || 0);
      if (compareRatio(a, b) <= 0 && compareRatio(b, c) <= 0) expect(compareRatio(a, c)).toBeLessThanOrEqual(0);
    }), { numRuns: propertyRuns(2000) });
  });
});
