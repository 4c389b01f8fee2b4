import { describe, expect, it } from 'vitest';
import { datesText, eligibilityText, ruleUntil, weeklyText } from './labels.ts';
import { aClass } from './testing.ts';

const ZONE = 'Asia/Shanghai';

describe('enrolment words', () => {
  it('finds the last session of a class’s rule', () => {
    expect(ruleUntil('FREQ=WEEKLY;UNTIL=20270629', '2027-03-02', ZONE)).toBe('2027-06-29');
    expect(ruleUntil('FREQ=WEEKLY;UNTIL=20270629T155959Z', '2027-03-02', ZONE)).toBe('2027-06-29');
    expect(ruleUntil('FREQ=WEEKLY;COUNT=18', '2027-03-02', ZONE)).toBe('2027-06-29');
    expect(ruleUntil('FREQ=WEEKLY;INTERVAL=2;COUNT=3', '2027-03-02', ZONE)).toBe('2027-03-30');
    expect(ruleUntil('FREQ=WEEKLY;BYDAY=TU,TH;COUNT=18', '2027-03-02', ZONE)).toBeNull();
  });

  it('says when a class meets, in the venue’s zone', () => {
    const cls = aClass('c1');
    expect(weeklyText(cls, ZONE)).toBe('每周二 09:00–10:30');
    expect(datesText(cls, ZONE)).toBe('3月2日 – 6月29日');
    expect(datesText({ ...cls, rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4' }, ZONE)).toBe('3月2日起');
  });

  it('says who may enrol in a few words', () => {
    expect(eligibilityText(aClass('c1'))).toBe('不限');
    expect(eligibilityText(aClass('c1', { minAgeFemale: 50, minAgeMale: 55, maxAge: 80 }))).toBe('女 50 岁起、男 55 岁起，至 80 岁');
    expect(eligibilityText(aClass('c1', { minAgeFemale: 55, minAgeMale: 55 }))).toBe('55 岁起');
    expect(eligibilityText(aClass('c1', { maxAge: 75, categories: ['veteran', 'retired'] }))).toBe('至 75 岁 · 仅限离休、退休');
  });
});
