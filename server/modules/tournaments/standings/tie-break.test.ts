import { describe, expect, it } from 'vitest';
import { classesBy, type Criterion, drawLots, orderTable, resolveTie } from './tie-break.ts';

const value: Record<string, number> = { a: 3, b: 1, c: 3, d: 2 };
const byValue: Criterion<'value'> = { name: 'value', classes: (ids) => classesBy(ids, (x, y) => (value[y] ?? 0) - (value[x] ?? 0)) };
const never: Criterion<'never'> = { name: 'never', classes: (ids) => [[...ids]] };

describe('tie-break helpers', () => {
  it('classesBy groups equal values, best first, keeping the input order inside a class', () => {
    expect(classesBy(['a', 'b', 'c', 'd'], (x, y) => (value[y] ?? 0) - (value[x] ?? 0))).toEqual([['a', 'c'], ['d'], ['b']]);
    expect(classesBy([], () => 0)).toEqual([]);
  });

  it('drawLots puts lower lot numbers first, then those without a lot in input order', () => {
    const order = new Map([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
    expect(drawLots(['a', 'b', 'c', 'd'], { order, lots: { d: 2, b: 1, c: Number.NaN } }).map((p) => p.participantId)).toEqual(['b', 'd', 'a', 'c']);
    expect(drawLots(['c', 'a'], { order }).map((p) => [p.participantId, p.byLot, p.decidedBy, p.tiedWith])).toEqual([
      ['a', true, 'lot', ['c']], ['c', true, 'lot', ['a']],
    ]);
  });

  it('resolveTie goes through the criteria, restarting each group still level, and ends with a lot', () => {
    const order = new Map([['a', 0], ['b', 1], ['c', 2], ['d', 3]]);
    const placed = resolveTie(['a', 'b', 'c', 'd'], [never, byValue], { order });
    expect(placed.map((p) => [p.participantId, p.decidedBy, p.byLot])).toEqual([
      ['a', 'lot', true], ['c', 'lot', true], ['d', 'value', false], ['b', 'value', false],
    ]);
    expect(resolveTie(['d', 'b'], ['lot', byValue], { order }).map((p) => p.participantId)).toEqual(['b', 'd']);
  });

  it('orderTable marks rows separated by the primary value as never tied', () => {
    expect(orderTable(['b', 'a', 'd'], byValue, [])).toEqual([
      { participantId: 'a', decidedBy: 'value', byLot: false },
      { participantId: 'd', decidedBy: 'value', byLot: false },
      { participantId: 'b', decidedBy: 'value', byLot: false },
    ]);
  });
});
