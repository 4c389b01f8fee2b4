import { describe, expect, it } from 'vitest';
import { dayAndTime, dayOnly, ruleWeekdays, weeklyTime, yuan } from './times.ts';

describe('times on the phone pages, in the venue’s zone', () => {
  // 2027-02-28 10:00 UTC is 18:00 in Shanghai on a Sunday, and 05:00 in New York the same day.
  const instant = '2027-02-28T10:00:00Z';

  it('says a deadline with its weekday, in the venue’s zone whatever the phone’s', () => {
    expect(dayAndTime(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2月28日 周日 18:00');
    expect(dayAndTime(instant, 'Asia/Shanghai', 'en')).toBe('Sun 28 Feb, 18:00');
    expect(dayAndTime('2027-02-28T17:30:00Z', 'Asia/Shanghai', 'zh-CN')).toBe('3月1日 周一 01:30');
    expect(dayAndTime(instant, 'America/New_York', 'en')).toBe('Sun 28 Feb, 05:00');
    expect(dayOnly(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2月28日 周日');
    expect(dayAndTime('not a time', 'Asia/Shanghai', 'zh-CN')).toBe('');
  });

  it('reads the weekdays of a weekly rule', () => {
    expect(ruleWeekdays('FREQ=WEEKLY;BYDAY=TH,TU;UNTIL=20270630T000000Z')).toEqual([2, 4]);
    expect(ruleWeekdays('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU')).toEqual([7]);
    expect(ruleWeekdays('FREQ=WEEKLY;COUNT=16')).toEqual([]);
  });

  it('says when a class meets: its weekdays and hours', () => {
    // Tuesday 2 March 2027, 09:00–10:30 in Shanghai.
    const cls = { firstStart: '2027-03-02T01:00:00Z', firstEnd: '2027-03-02T02:30:00Z', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=32' };
    expect(weeklyTime(cls, 'Asia/Shanghai', 'zh-CN')).toBe('每周二、周四 09:00–10:30');
    expect(weeklyTime(cls, 'Asia/Shanghai', 'en')).toBe('Tue, Thu 09:00–10:30');
    expect(weeklyTime({ ...cls, rrule: 'FREQ=WEEKLY;COUNT=16' }, 'Asia/Shanghai', 'zh-CN')).toBe('每周二 09:00–10:30');
    expect(weeklyTime({ ...cls, rrule: 'FREQ=DAILY;COUNT=5' }, 'Asia/Shanghai', 'zh-CN')).toBe('3月2日 周二 09:00–10:30');
  });

  it('writes fees in yuan', () => {
    expect(yuan(30000)).toBe('300');
    expect(yuan(12050)).toBe('120.50');
    expect(yuan(0)).toBe('0');
  });
});
