import { describe, expect, it } from 'vitest';
import { buildRecurrence, buildWeeklyRRule, initialRepeat, normaliseExdates, type RepeatFields } from './rrule.ts';

const weekly = (over: Partial<RepeatFields> = {}): RepeatFields => ({
  mode: 'weekly',
  weekdays: [2, 4],
  until: '2027-06-30',
  exdates: [],
  ...over,
});

describe('repeat rule from the form', () => {
  it('builds a weekly rule with days in week order, each once, through a local date', () => {
    expect(buildWeeklyRRule([4, 2], '2027-06-30')).toBe('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630');
    expect(buildWeeklyRRule([7, 1, 1, 3], '2027-01-05')).toBe('FREQ=WEEKLY;BYDAY=MO,WE,SU;UNTIL=20270105');
  });

  it('gives no recurrence for a one-off booking', () => {
    expect(buildRecurrence({ ...weekly(), mode: 'none' }, '2027-03-02')).toEqual({ ok: true, recurrence: null });
  });

  it('adds exception dates sorted and once each, and leaves them out when there are none', () => {
    expect(buildRecurrence(weekly(), '2027-03-02')).toEqual({
      ok: true,
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630' },
    });
    expect(buildRecurrence(weekly({ exdates: ['2027-05-04', ' 2027-04-06', '2027-05-04', ''] }), '2027-03-02')).toEqual({
      ok: true,
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630', exdates: ['2027-04-06', '2027-05-04'] },
    });
  });

  it('says what is missing or wrong', () => {
    expect(buildRecurrence(weekly({ weekdays: [] }), '2027-03-02')).toEqual({ ok: false, problem: 'noWeekdays' });
    expect(buildRecurrence(weekly({ until: '' }), '2027-03-02')).toEqual({ ok: false, problem: 'noUntil' });
    expect(buildRecurrence(weekly({ until: '2027-03-01' }), '2027-03-02')).toEqual({ ok: false, problem: 'untilBeforeStart' });
    expect(buildRecurrence(weekly({ exdates: ['5 April'] }), '2027-03-02')).toEqual({ ok: false, problem: 'badExdate' });
  });

  it('allows a series that ends on its first day', () => {
    expect(buildRecurrence(weekly({ until: '2027-03-02' }), '2027-03-02').ok).toBe(true);
  });

  it('starts from the start date weekday', () => {
    expect(initialRepeat('2027-03-04', '2027-06-30')).toEqual({ mode: 'none', weekdays: [4], until: '2027-06-30', exdates: [], weekdaysChosen: false });
    expect(normaliseExdates(['2027-01-02', '2027-01-01'])).toEqual(['2027-01-01', '2027-01-02']);
  });
});
