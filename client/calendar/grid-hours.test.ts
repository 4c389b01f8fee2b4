import { describe, expect, it } from 'vitest';
import { gridHours } from './grid-hours.ts';
import { parseWall } from './zone.ts';

const hours = { opensAt: '08:00', closesAt: '21:00' };
const day = '2026-12-09';
const from = parseWall(day);
const to = parseWall('2026-12-10');
const span = (start: string, end: string, endDay = day) => ({ start: parseWall(day, start), end: parseWall(endDay, end) });

describe('the time grid’s hours', () => {
  it('are the opening hours with an hour’s margin when every booking fits', () => {
    expect(gridHours(hours, [span('09:00', '10:30')], from, to)).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '22:00:00' });
  });

  it('run on to show the whole of a booking past closing (20:00–22:30 → 23:00)', () => {
    expect(gridHours(hours, [span('20:00', '22:30')], from, to).slotMaxTime).toBe('23:00:00');
  });

  it('start earlier for a booking that begins before opening', () => {
    expect(gridHours(hours, [span('05:30', '07:00')], from, to).slotMinTime).toBe('05:00:00');
  });

  it('run to midnight for an evening that ends at midnight, and ignore bookings on other days', () => {
    expect(gridHours(hours, [span('21:00', '00:00', '2026-12-10')], from, to).slotMaxTime).toBe('24:00:00');
    const otherDay = { start: parseWall('2026-12-10', '22:00'), end: parseWall('2026-12-10', '23:30') };
    expect(gridHours(hours, [otherDay], from, to)).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '22:00:00' });
  });
});
