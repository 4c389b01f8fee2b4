import { describe, expect, it } from 'vitest';
import { outsideHours, outsideHoursNote } from './opening-hours.ts';

const hours = { opensAt: '08:00', closesAt: '21:00' };
const SH = 'Asia/Shanghai';
// Shanghai is UTC+8: 21:00 there is 13:00Z.
const slot = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

describe('opening hours', () => {
  it('flags a booking that ends after closing or starts before opening', () => {
    expect(outsideHours(slot('2026-12-07T12:00:00Z', '2026-12-07T14:00:00Z'), hours, SH)).toBe(true); // 20:00–22:00
    expect(outsideHours(slot('2026-12-06T23:30:00Z', '2026-12-07T01:00:00Z'), hours, SH)).toBe(true); // 07:30–09:00
    expect(outsideHours(slot('2026-12-07T11:00:00Z', '2026-12-07T13:00:00Z'), hours, SH)).toBe(false); // 19:00–21:00
    expect(outsideHours(slot('2026-12-07T12:00:00Z', '2026-12-07T16:00:00Z'), hours, SH)).toBe(true); // 20:00–24:00
  });

  it('reads a booking over several days as open during the hours of each day', () => {
    // 7 Dec 09:00 → 13 Dec 17:00
    expect(outsideHours(slot('2026-12-07T01:00:00Z', '2026-12-13T09:00:00Z'), hours, SH)).toBe(false);
  });

  it('counts the occurrences outside the hours, and says nothing when none is', () => {
    const inside = slot('2026-12-07T01:00:00Z', '2026-12-07T02:00:00Z');
    const late = slot('2026-12-08T13:00:00Z', '2026-12-08T14:00:00Z');
    expect(outsideHoursNote([inside, late, late], hours, SH)).toEqual({ count: 2, opensAt: '08:00', closesAt: '21:00' });
    expect(outsideHoursNote([inside], hours, SH)).toBeNull();
  });
});
