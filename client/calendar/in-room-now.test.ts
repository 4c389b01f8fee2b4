import { describe, expect, it } from 'vitest';
import { isOn } from './in-room-now.ts';

describe('isOn', () => {
  const booking = { start: '2026-12-01T01:00:00Z', end: '2026-12-01T02:30:00Z', status: 'confirmed' as const };
  it('is on from its start until (not at) its end, and never when cancelled', () => {
    expect(isOn(booking, new Date('2026-12-01T00:59:59Z'))).toBe(false);
    expect(isOn(booking, new Date('2026-12-01T01:00:00Z'))).toBe(true);
    expect(isOn(booking, new Date('2026-12-01T02:29:59Z'))).toBe(true);
    expect(isOn(booking, new Date('2026-12-01T02:30:00Z'))).toBe(false);
    expect(isOn({ ...booking, status: 'cancelled' }, new Date('2026-12-01T01:30:00Z'))).toBe(false);
  });
});
