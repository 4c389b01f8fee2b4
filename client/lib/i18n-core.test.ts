import { describe, expect, it } from 'vitest';
import { formatInstant, interpolate, parseLang } from './i18n-core.ts';
import { en } from './messages/en.ts';
import { zhCN } from './messages/zh-CN.ts';

describe('interpolate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(interpolate('容纳 {n} 人', { n: 30 })).toBe('容纳 30 人');
    expect(interpolate('{a} and {b}', { a: 'x' })).toBe('x and {b}');
    expect(interpolate('plain')).toBe('plain');
  });
});

describe('parseLang', () => {
  it('accepts known languages and defaults to Chinese', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('fr')).toBe('zh-CN');
    expect(parseLang(null)).toBe('zh-CN');
  });
});

describe('formatInstant', () => {
  const instant = '2026-12-01T01:02:03Z';

  it('formats in the venue zone, not the machine zone', () => {
    expect(formatInstant(instant, 'Asia/Shanghai', 'zh-CN', 'time')).toBe('09:02:03');
    expect(formatInstant(instant, 'Europe/London', 'en', 'time')).toBe('01:02:03');
    expect(formatInstant(instant, 'America/New_York', 'en', 'shortTime')).toBe('20:02');
  });

  it('formats dates per language', () => {
    expect(formatInstant(instant, 'Asia/Shanghai', 'zh-CN', 'longDate')).toBe('2026年12月1日星期二');
    // ICU versions differ on the comma after the weekday.
    expect(formatInstant(instant, 'Asia/Shanghai', 'en', 'longDate')).toMatch(/^Tuesday,? 1 December 2026$/);
    expect(formatInstant(instant, 'America/New_York', 'en', 'date')).toBe('30/11/2026');
  });

  it('accepts offsets and Dates and survives bad input', () => {
    expect(formatInstant('2026-12-01T09:00:00+08:00', 'Asia/Shanghai', 'zh-CN', 'shortTime')).toBe('09:00');
    expect(formatInstant(new Date(instant), 'UTC', 'en', 'time')).toBe('01:02:03');
    expect(formatInstant('not a date', 'UTC', 'en')).toBe('');
    expect(formatInstant(instant, 'Not/AZone', 'en', 'date')).not.toBe('');
  });
});

describe('dictionaries', () => {
  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    // The same names in both; one language may say a name twice where the other says it once.
    const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(zhCN) as Array<keyof typeof zhCN>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});
