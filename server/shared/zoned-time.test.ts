import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  dateFromDayNumber,
  dayNumber,
  daysInMonth,
  instantToZoned,
  localDateOf,
  offsetMinutesAt,
  offsetTransitions,
  parseLocalDate,
  parseLocalTime,
  weekdayOf,
  zonedFields,
  zonedToInstant,
} from './zoned-time.ts';

const iso = (d: Date): string => d.toISOString();

describe('parsing', () => {
  it('accepts real dates and times only', () => {
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '20260101', '', '2026-04-31', '1900-02-29']) {
      expect(parseLocalDate(bad), bad).toBeNull();
    }
    expect(parseLocalTime('09:05')).toEqual({ hour: 9, minute: 5 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '9:00', '09:60', '09:00:00', '', 'ab:cd']) {
      expect(parseLocalTime(bad), bad).toBeNull();
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-10', 365 * 400 + 97)).toBe('2426-03-10');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('round-trips day numbers', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    for (const date of ['1600-02-29', '1899-12-31', '2000-02-29', '2026-07-15', '9999-12-31']) {
      expect(dateFromDayNumber(dayNumber(date))).toBe(date);
    }
  });

  it('knows weekdays (Monday = 1) and month lengths', () => {
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(compareDates('2026-03-02', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-03-02', '2026-03-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
  });
});

describe('zonedToInstant / instantToZoned', () => {
  it('reads Shanghai wall time (UTC+8, no DST)', () => {
    expect(iso(zonedToInstant('2026-03-03', '09:00', 'Asia/Shanghai'))).toBe('2026-03-03T01:00:00.000Z');
    expect(iso(zonedToInstant('2026-01-01', '00:00', 'Asia/Shanghai'))).toBe('2025-12-31T16:00:00.000Z');
    expect(instantToZoned(new Date('2025-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual({ date: '2026-01-01', time: '00:00', weekday: 4 });
    expect(localDateOf(new Date('2026-03-02T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(localDateOf(new Date('2026-03-02T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-03');
  });

  it('uses the right offset on each side of a DST change (Berlin, New York)', () => {
    expect(iso(zonedToInstant('2026-03-28', '09:00', 'Europe/Berlin'))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-30', '09:00', 'Europe/Berlin'))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-07', '09:00', 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-09', '09:00', 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
    const gap = zonedToInstant('2026-03-29', '02:30', 'Europe/Berlin');
    expect(iso(gap)).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToZoned(gap, 'Europe/Berlin').time).toBe('03:30');
    // New York 2026-03-08 02:00 → 03:00.
    const ny = zonedToInstant('2026-03-08', '02:15', 'America/New_York');
    expect(instantToZoned(ny, 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:15', weekday: 7 });
    // Samoa skipped 2011-12-30 entirely (-10 → +14): a time on it moves a whole day forward.
    const apia = zonedToInstant('2011-12-30', '09:00', 'Pacific/Apia');
    expect(instantToZoned(apia, 'Pacific/Apia')).toMatchObject({ date: '2011-12-31', time: '09:00' });
  });

  it('takes the earlier instant when fall-back repeats a time', () => {
    // Berlin 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30Z and 01:30Z.
    expect(iso(zonedToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedToInstant('2026-10-25', '03:00', 'Europe/Berlin'))).toBe('2026-10-25T02:00:00.000Z');
    expect(iso(zonedToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips every quarter hour of a DST day outside the gap', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const instant = zonedToInstant('2026-10-25', time, 'Europe/Berlin');
      expect(instantToZoned(instant, 'Europe/Berlin').time, time).toBe(time);
    }
  });

  it('refuses bad input', () => {
    expect(() => zonedToInstant('2026-02-30', '09:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedToInstant('2026-02-03', '9:00', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => zonedToInstant('2026-02-03', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => instantToZoned(new Date(Number.NaN), 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('gives seconds and offsets', () => {
    expect(zonedFields(new Date('2026-07-01T10:11:12.999Z'), 'Europe/Berlin')).toEqual({
      year: 2026, month: 7, day: 1, hour: 12, minute: 11, second: 12,
    });
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutesAt(new Date('2026-07-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });
});

describe('offsetTransitions', () => {
  it('finds none for Shanghai in recent years', () => {
    expect(offsetTransitions('Asia/Shanghai', 2020, 2030)).toEqual([]);
  });

  it('finds Shanghai’s 1991 daylight saving (02:00 local each way), the last it had', () => {
    const t = offsetTransitions('Asia/Shanghai', 1991, 1991);
    expect(t.map((x) => [iso(x.at), x.offsetBefore, x.offsetAfter])).toEqual([
      ['1991-04-13T18:00:00.000Z', 480, 540],
      ['1991-09-14T17:00:00.000Z', 540, 480],
    ]);
  });

  it('finds Berlin’s two changes a year to the second', () => {
    const t = offsetTransitions('Europe/Berlin', 2026, 2027);
    expect(t.map((x) => [iso(x.at), x.offsetBefore, x.offsetAfter])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
      ['2027-03-28T01:00:00.000Z', 60, 120],
      ['2027-10-31T01:00:00.000Z', 120, 60],
    ]);
  });

  it('finds New York’s changes', () => {
    const t = offsetTransitions('America/New_York', 2026, 2026);
    expect(t.map((x) => [iso(x.at), x.offsetBefore, x.offsetAfter])).toEqual([
      ['2026-03-08T07:00:00.000Z', -300, -240],
      ['2026-11-01T06:00:00.000Z', -240, -300],
    ]);
  });
});
