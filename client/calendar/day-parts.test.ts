import { describe, expect, it } from 'vitest';
import { dayCount, dayParts, isMultiDay, spanWithDates, type WallSpan } from './day-parts.ts';
import { parseWall, wallDate, wallTime } from './zone.ts';

const hours = { opensAt: '08:00', closesAt: '21:00' };
const span = (from: [string, string], to: [string, string]): WallSpan => ({ start: parseWall(...from), end: parseWall(...to) });
const show = (parts: WallSpan[]) => parts.map((p) => `${wallDate(p.start)} ${wallTime(p.start)}–${wallDate(p.end)} ${wallTime(p.end)}`);

describe('a booking over several days', () => {
  const exhibition = span(['2026-12-07', '09:00'], ['2026-12-13', '17:00']);

  it('is one part per day, each within the opening hours, from its start to its end', () => {
    expect(isMultiDay(exhibition)).toBe(true);
    expect(dayCount(exhibition)).toBe(7);
    const parts = show(dayParts(exhibition, hours));
    expect(parts).toHaveLength(7);
    expect(parts[0]).toBe('2026-12-07 09:00–2026-12-07 21:00');
    expect(parts[3]).toBe('2026-12-10 08:00–2026-12-10 21:00');
    expect(parts[6]).toBe('2026-12-13 08:00–2026-12-13 17:00');
  });

  it('names its whole span with dates', () => {
    expect(spanWithDates(exhibition, 'zh-CN')).toBe('12月7日 09:00 – 12月13日 17:00');
    expect(spanWithDates(exhibition, 'en')).toBe('7 Dec 09:00 – 13 Dec 17:00');
  });

  it('leaves a booking within one day, or one ending at midnight, as it is', () => {
    const evening = span(['2026-12-07', '19:00'], ['2026-12-08', '00:00']);
    expect(isMultiDay(evening)).toBe(false);
    expect(show(dayParts(evening, hours))).toEqual(['2026-12-07 19:00–2026-12-08 00:00']);
  });

  it('hides nothing of a night that runs past closing', () => {
    const night = span(['2026-12-07', '22:00'], ['2026-12-08', '02:00']);
    expect(show(dayParts(night, hours))).toEqual(['2026-12-07 22:00–2026-12-08 00:00', '2026-12-08 00:00–2026-12-08 02:00']);
  });
});
