import { describe, expect, it } from 'vitest';
import { closingFor } from './closing.ts';

describe('closing time', () => {
  const zone = 'Asia/Shanghai';
  it('ends a visit at the closing of the local day it began; one begun after closing at that day’s end', () => {
    expect(closingFor(new Date('2026-12-01T02:00:00Z'), '21:00', zone).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    // 23:30 local on 1 December is still 1 December in Shanghai although it is 15:30 UTC: ends at midnight local.
    expect(closingFor(new Date('2026-12-01T15:30:00Z'), '21:00', zone).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });
});
