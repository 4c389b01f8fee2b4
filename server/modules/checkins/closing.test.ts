import { describe, expect, it } from 'vitest';
import { closingFor, lastClosing } from './closing.ts';

describe('closing time', () => {
  const zone = 'Asia/Shanghai';
  it('is today’s closing once it has passed, else yesterday’s', () => {
    expect(lastClosing(new Date('2026-12-01T13:30:00Z'), '21:00', zone).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(lastClosing(new Date('2026-12-01T12:59:00Z'), '21:00', zone).toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });
  it('ends a visit at the closing of the local day it began, never before it began', () => {
    // 23:30 local on 1 December is still 1 December in Shanghai although it is 15:30 UTC.
    expect(closingFor(new Date('2026-12-01T02:00:00Z'), '21:00', zone).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(closingFor(new Date('2026-12-01T15:30:00Z'), '21:00', zone).toISOString()).toBe('2026-12-01T15:30:00.000Z');
  });
});
