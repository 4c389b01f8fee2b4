import { describe, expect, it } from 'vitest';
import { LocalGuessBudget, MISSES_PER_DAY, MISSES_PER_WINDOW, MISS_WINDOW_MS } from './lookup-limits.ts';

describe('LocalGuessBudget', () => {
  it('refuses past the misses of a window, gives hits back, and opens again after the window', () => {
    let now = 0;
    const budget = new LocalGuessBudget(() => now);
    // Hits given back never use the budget.
    for (let i = 0; i < 100; i += 1) {
      expect(budget.take('k1')).toBe(0);
      budget.giveBack('k1');
    }
    for (let i = 0; i < MISSES_PER_WINDOW; i += 1) expect(budget.take('k1')).toBe(0);
    expect(budget.take('k1')).toBe(MISS_WINDOW_MS / 1000);
    expect(budget.take('k2')).toBe(0);
    now += MISS_WINDOW_MS;
    expect(budget.take('k1')).toBe(0);
  });

  it('holds a day’s limit over the short windows', () => {
    let now = 0;
    const budget = new LocalGuessBudget(() => now);
    let taken = 0;
    while (budget.take('k') === 0) {
      taken += 1;
      if (taken % MISSES_PER_WINDOW === 0) now += MISS_WINDOW_MS;
    }
    expect(taken).toBe(MISSES_PER_DAY);
    now += MISS_WINDOW_MS;
    expect(budget.take('k')).toBeGreaterThan(0);
  });
});
