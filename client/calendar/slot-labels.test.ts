import { describe, expect, it } from 'vitest';
import { dayLabel } from './slot-labels.ts';

describe('timeline day headings', () => {
  it('head a day with its date and weekday in the calendar language, not a time', () => {
    const monday = new Date(Date.UTC(2026, 11, 7));
    expect(dayLabel(monday, 'zh-cn')).toEqual({ day: '7', weekday: '周一' });
    expect(dayLabel(monday, 'en-gb')).toEqual({ day: '7', weekday: 'Mon' });
  });
});
