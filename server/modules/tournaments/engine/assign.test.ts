import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs.ts';
import { minCostAssignment } from './assign.ts';

function brute(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const go = (r: number, sum: number): void => {
    if (r === rows) {
      best = Math.min(best, sum);
      return;
    }
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      go(r + 1, sum + (cost[r]?.[c] ?? 0));
      used[c] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('finds a cheapest assignment (checked against brute force)', () => {
    const matrix = fc.integer({ min: 1, max: 5 }).chain((rows) => fc.integer({ min: rows, max: 6 }).chain((cols) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })));
    fc.assert(fc.property(matrix, (cost) => {
      const chosen = minCostAssignment(cost);
      expect(new Set(chosen).size).toBe(cost.length);
      const total = chosen.reduce((sum, c, r) => sum + (cost[r]?.[c] ?? NaN), 0);
      expect(total).toBe(brute(cost));
    }), { numRuns: propertyRuns(200) });
  });

  it('handles no rows and refuses more rows than columns', () => {
    expect(minCostAssignment([])).toEqual([]);
    expect(() => minCostAssignment([[1], [2]])).toThrow();
  });
});
