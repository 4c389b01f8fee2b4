import { describe, expect, it } from 'vitest';
import {
  addDays,
  fromVenueWall,
  offsetMinutes,
  parseWall,
  toVenueWall,
  venueToday,
  wallDate,
  wallTime,
  wallToIso,
  weekdayOf,
} from './zone.ts';

const SHANGHAI = 'Asia/Shanghai';
const BERLIN = 'Europe/Berlin';
const iso = (date: Date): string => date.toISOString();

describe('venue wall time', () => {
  it('Shanghai is UTC+8 all year, with no daylight saving', () => {
    expect(iso(toVenueWall('2026-12-01T01:00:00Z', SHANGHAI))).toBe('2026-12-01T09:00:00.000Z');
    expect(iso(toVenueWall('2027-07-01T01:00:00Z', SHANGHAI))).toBe('2027-07-01T09:00:00.000Z');
    expect(iso(fromVenueWall(parseWall('2026-12-01', '09:00'), SHANGHAI))).toBe('2026-12-01T01:00:00.000Z');
    // Late evening in Shanghai is the previous day's afternoon in UTC, and the wall date is Shanghai's.
    expect(wallDate(toVenueWall('2026-12-31T16:30:00Z', SHANGHAI))).toBe('2027-01-01');
    expect(wallToIso('2027-01-01', '00:30', SHANGHAI)).toBe('2026-12-31T16:30:00.000Z');
  });

  it('accepts instants with any offset', () => {
    expect(wallTime(toVenueWall('2026-12-01T09:00:00+08:00', SHANGHAI))).toBe('09:00');
    expect(wallTime(toVenueWall('2026-12-01T09:00:00+08:00', BERLIN))).toBe('02:00');
  });

  it('Berlin: 09:00 stays 09:00 on both sides of the spring and autumn changes', () => {
    expect(wallToIso('2027-03-27', '09:00', BERLIN)).toBe('2027-03-27T08:00:00.000Z'); // CET, +1
    expect(wallToIso('2027-03-28', '09:00', BERLIN)).toBe('2027-03-28T07:00:00.000Z'); // CEST, +2
    expect(wallToIso('2027-10-30', '09:00', BERLIN)).toBe('2027-10-30T07:00:00.000Z');
    expect(wallToIso('2027-10-31', '09:00', BERLIN)).toBe('2027-10-31T08:00:00.000Z');
    expect(offsetMinutes(new Date('2027-03-28T00:59:59Z'), BERLIN)).toBe(60);
    expect(offsetMinutes(new Date('2027-03-28T01:00:00Z'), BERLIN)).toBe(120);
  });

  it('Berlin spring gap: 02:30 does not exist and moves forward to 03:30', () => {
    const instant = fromVenueWall(parseWall('2027-03-28', '02:30'), BERLIN);
    expect(iso(instant)).toBe('2027-03-28T01:30:00.000Z');
    expect(wallTime(toVenueWall(instant, BERLIN))).toBe('03:30');
  });

  it('Berlin autumn: the repeated 02:30 is read as the first one, and both show as 02:30', () => {
    const first = new Date('2027-10-31T00:30:00Z');
    const second = new Date('2027-10-31T01:30:00Z');
    expect(wallTime(toVenueWall(first, BERLIN))).toBe('02:30');
    expect(wallTime(toVenueWall(second, BERLIN))).toBe('02:30');
    expect(iso(fromVenueWall(parseWall('2027-10-31', '02:30'), BERLIN))).toBe(iso(first));
  });

  it('round-trips every quarter hour across both Berlin changes, and Shanghai', () => {
    for (const [zone, from] of [
      [BERLIN, '2027-03-27T12:00:00Z'],
      [BERLIN, '2027-10-30T12:00:00Z'],
      [SHANGHAI, '2027-03-27T12:00:00Z'],
    ] as const) {
      const start = new Date(from).getTime();
      for (let t = start; t < start + 36 * 3_600_000; t += 900_000) {
        const instant = new Date(t);
        const back = fromVenueWall(toVenueWall(instant, zone), zone);
        const repeatedHour = zone === BERLIN && t >= Date.parse('2027-10-31T01:00:00Z') && t < Date.parse('2027-10-31T02:00:00Z');
        expect(iso(back)).toBe(repeatedHour ? iso(new Date(t - 3_600_000)) : iso(instant));
      }
    }
  });

  it('keeps milliseconds and refuses what is not a date', () => {
    expect(iso(toVenueWall('2026-12-01T01:00:00.250Z', SHANGHAI))).toBe('2026-12-01T09:00:00.250Z');
    expect(Number.isNaN(toVenueWall('not a date', SHANGHAI).getTime())).toBe(true);
    expect(Number.isNaN(parseWall('2027-02-31', '09:00').getTime())).toBe(true);
    expect(Number.isNaN(parseWall('2027-02-01', '9am').getTime())).toBe(true);
    expect(wallToIso('2027-13-01', '09:00', SHANGHAI)).toBeNull();
  });

  it('does calendar arithmetic on local dates', () => {
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(weekdayOf('2027-03-01')).toBe(1);
    expect(weekdayOf('2027-03-07')).toBe(7);
    expect(venueToday(SHANGHAI, new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(venueToday(BERLIN, new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31');
  });
});
