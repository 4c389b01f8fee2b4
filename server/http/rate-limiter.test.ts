import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('allows the limit, then asks to wait until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('a')]).toEqual([0, 0, 0]);
    expect(limiter.hit('a')).toBe(60);
    expect(limiter.hit('b')).toBe(0);
    now = 30_000;
    expect(limiter.hit('a')).toBe(30);
    now = 60_001;
    expect(limiter.hit('a')).toBe(0);
  });

  it('reports blocked keys without counting and forgets reset ones', () => {
    const limiter = new RateLimiter(1, 1_000, () => 0);
    expect(limiter.blockedFor('x')).toBe(0);
    limiter.hit('x');
    expect(limiter.blockedFor('x')).toBe(1);
    limiter.reset('x');
    expect(limiter.blockedFor('x')).toBe(0);
  });
});
