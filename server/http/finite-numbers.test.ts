import { describe, expect, it } from 'vitest';
import { nonFiniteNumberAt } from './finite-numbers.ts';

describe('nonFiniteNumberAt', () => {
  it('finds Infinity and NaN anywhere, naming the path', () => {
    expect(nonFiniteNumberAt({ limit: Infinity })).toBe('limit');
    expect(nonFiniteNumberAt({ a: { b: [1, -Infinity] } })).toBe('a.b.1');
    expect(nonFiniteNumberAt({ n: Number.NaN })).toBe('n');
    expect(nonFiniteNumberAt(Infinity)).toBe('');
  });

  it('passes finite numbers, other values and raw bodies', () => {
    expect(nonFiniteNumberAt({ capacity: 12, name: 'Infinity', nested: [{ x: 1e308 }], none: null })).toBeNull();
    expect(nonFiniteNumberAt(Buffer.from('Infinity'))).toBeNull();
    expect(nonFiniteNumberAt(undefined)).toBeNull();
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nonFiniteNumberAt(deep)).toBeNull();
  });
});
